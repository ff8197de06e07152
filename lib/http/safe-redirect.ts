/**
 * Where to send someone after signing in: only a path on this site. Anything else
 * (`//evil.example`, `https:evil.example`, `/\evil.example`, `javascript:`) falls back.
 */
export function safeRedirectPath(target: unknown, fallback = '/studio'): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
    return fallback;
  }
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;
  const base = 'http://byline.invalid';
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
