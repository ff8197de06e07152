/*
 * robots.txt (RFC 9309). Pure. Everything public may be crawled; the studio, the API and
 * the sign-in page may not. The sitemaps are named with absolute URLs, as the format wants.
 */

export const ROBOTS_CONTENT_TYPE = 'text/plain; charset=utf-8';

export const DISALLOWED_PATHS = ['/studio', '/api/', '/login'] as const;

export function buildRobotsTxt({ siteUrl }: { siteUrl: string }): string {
  return [
    'User-agent: *',
    'Allow: /',
    ...DISALLOWED_PATHS.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/news-sitemap.xml`,
    '',
  ].join('\n');
}
