/*
 * Source addresses. Pure. Only http(s), with a host and without credentials, is accepted;
 * the app never fetches them. Two addresses of one report normalise to the same key, so
 * a source is recorded once: scheme, "www.", letter case of the host, default ports,
 * fragments, trailing slashes, tracking parameters and parameter order do not count.
 */

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid)$/i;

export function isAcceptableSourceUrl(value: string): boolean {
  if (value.length > 2048 || /[\u0000-\u0020\u007f-\u009f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0 && !url.username && !url.password;
}

/** The site an address is on, as a reader names it ("theguardian.com"); '' if it is not an address. */
export function sourceDomain(value: string): string {
  try {
    return new URL(value).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export const SOURCE_URL_MESSAGE = 'Use a web address starting with http:// or https://, without a user name or password in it.';

/** The comparison key of an acceptable address (throws on an unacceptable one). */
export function normalizeSourceUrl(value: string): string {
  if (!isAcceptableSourceUrl(value)) throw new Error(SOURCE_URL_MESSAGE);
  const url = new URL(value);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && !['80', '443'].includes(url.port) ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '') || '';
  const params = [...url.searchParams]
    .filter(([key]) => !TRACKING.test(key))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}
