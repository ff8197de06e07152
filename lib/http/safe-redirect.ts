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
  if (url.origin !== base) return fallback;
  // The parser resolves "." and ".." segments: "/.//evil.example" becomes "//evil.example",
  // which a browser reads as another site. Check the result, not only the input.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') || path.includes('\\') ? fallback : path;
}
