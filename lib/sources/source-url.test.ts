import { describe, expect, it } from 'vitest';
import { isAcceptableSourceUrl, normalizeSourceUrl, sourceDomain } from './source-url';

describe('isAcceptableSourceUrl', () => {
  it.each(['https://www.theguardian.com/us-news/live/2025/apr/14/x', 'http://example.org', 'https://example.org:8443/a?b=1'])('accepts %s', (url) => {
    expect(isAcceptableSourceUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://example.org/report.pdf',
    'data:text/html,<b>x</b>',
    'https://user:secret@example.org/report',
    'https://token@example.org/report',
    '//example.org/report',
    'example.org/report',
    'https://',
    ' https://example.org',
    `https://example.org/${'a'.repeat(2050)}`,
  ])('refuses %s', (url) => {
    expect(isAcceptableSourceUrl(url)).toBe(false);
  });
});

describe('normalizeSourceUrl', () => {
  it('reads one report under its many addresses as one', () => {
    const forms = [
      'https://www.TheGuardian.com/us-news/live/2025/apr/14/trump-bukele/?utm_source=twitter&b=2&a=1#block-123',
      'http://theguardian.com/us-news/live/2025/apr/14/trump-bukele?a=1&b=2',
      'https://theguardian.com:443/us-news/live/2025/apr/14/trump-bukele/?a=1&fbclid=xyz&b=2',
    ];
    expect(new Set(forms.map(normalizeSourceUrl))).toEqual(new Set(['theguardian.com/us-news/live/2025/apr/14/trump-bukele?a=1&b=2']));
  });

  it('keeps what makes two reports different', () => {
    expect(normalizeSourceUrl('https://example.org/report?id=1')).not.toBe(normalizeSourceUrl('https://example.org/report?id=2'));
    expect(normalizeSourceUrl('https://example.org/Report')).not.toBe(normalizeSourceUrl('https://example.org/report'));
    expect(normalizeSourceUrl('https://example.org:8080/report')).toBe('example.org:8080/report');
  });

  it('throws on an address it would not accept', () => {
    expect(() => normalizeSourceUrl('javascript:alert(1)')).toThrow(/http:\/\/ or https:\/\//);
  });
});

describe('sourceDomain', () => {
  it.each([
    ['https://www.TheGuardian.com/us-news/live', 'theguardian.com'],
    ['http://example.org:8080/report', 'example.org'],
    ['https://news.example.co.uk', 'news.example.co.uk'],
    ['not an address', ''],
  ])('names the site of %s as %j', (url, domain) => {
    expect(sourceDomain(url)).toBe(domain);
  });
});
