/**
 * The only URL schemes a stored document may carry. Links: http, https and mailto.
 * Images: http and https. Everything else (javascript:, data:, vbscript:, file:, relative
 * tricks like `//evil.example`) is refused, never rewritten.
 */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES = new Set(['http:', 'https:']);
const MAX_URL_LENGTH = 2048;

export function isSafeLinkHref(value: string): boolean {
  return hasAllowedScheme(value, LINK_SCHEMES);
}

export function isSafeImageSrc(value: string): boolean {
  return hasAllowedScheme(value, IMAGE_SCHEMES);
}

export const LINK_SCHEME_MESSAGE = 'Links must start with http://, https:// or mailto:.';
export const IMAGE_SCHEME_MESSAGE = 'Image addresses must start with http:// or https://.';

function hasAllowedScheme(value: string, allowed: Set<string>): boolean {
  if (value.length === 0 || value.length > MAX_URL_LENGTH) return false;
  // Browsers strip control characters and whitespace inside schemes ("java\tscript:");
  // refuse any such character outright instead of guessing how it will be read.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!allowed.has(url.protocol)) return false;
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  // An absolute http(s) URL with a host, and no credentials smuggled into it.
  return url.hostname.length > 0 && url.username === '' && url.password === '';
}
