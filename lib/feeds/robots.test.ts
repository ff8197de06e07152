import { describe, expect, it } from 'vitest';
import { buildRobotsTxt } from './robots';

describe('buildRobotsTxt', () => {
  it('lets every crawler in but keeps it out of the studio, the API and sign-in, and names both sitemaps', () => {
    expect(buildRobotsTxt({ siteUrl: 'https://news.example.com' })).toBe(
      [
        'User-agent: *',
        'Allow: /',
        'Disallow: /studio',
        'Disallow: /api/',
        'Disallow: /login',
        '',
        'Sitemap: https://news.example.com/sitemap.xml',
        'Sitemap: https://news.example.com/news-sitemap.xml',
        '',
      ].join('\n'),
    );
  });
});
