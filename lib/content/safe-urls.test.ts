import { describe, it, expect } from 'vitest';
import { isSafeImageSrc, isSafeLinkHref } from './safe-urls';

const urlOfLength = (length: number) => `https://example.com/${'a'.repeat(length - 'https://example.com/'.length)}`;

describe('isSafeLinkHref', () => {
  it.each([
    'https://example.com',
    'http://example.com/path?query=1#fragment',
    'HTTPS://EXAMPLE.COM/Upper',
    'https://例え.jp/',
    'mailto:desk@example.com',
    'mailto:desk@example.com?subject=Tip',
  ])('accepts %j', (href) => {
    expect(isSafeLinkHref(href)).toBe(true);
  });

  it('accepts a URL of exactly 2048 characters', () => {
    expect(isSafeLinkHref(urlOfLength(2048))).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(1)'],
    ['javascript: after a space', ' javascript:alert(1)'],
    ['javascript: with a tab inside', 'java\tscript:alert(1)'],
    ['javascript: with a newline inside', 'java\nscript:alert(1)'],
    ['javascript: after a NUL', '\u0000javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://example.com/file'],
    ['protocol-relative', '//evil.example'],
    ['absolute path', '/relative/path'],
    ['relative path', 'relative/path'],
    ['fragment only', '#top'],
    ['credentials', 'https://user:pass@host.example'],
    ['a user name', 'https://user@host.example'],
    ['empty', ''],
    ['a trailing newline', 'https://example.com\n'],
    ['a space in the host', 'https://exa mple.com'],
    ['an empty mailto:', 'mailto:'],
  ])('refuses %s (%j)', (_why, href) => {
    expect(isSafeLinkHref(href)).toBe(false);
  });

  it('refuses a URL of 2049 characters', () => {
    expect(isSafeLinkHref(urlOfLength(2049))).toBe(false);
  });
});

describe('isSafeImageSrc', () => {
  it.each(['https://images.example.com/photo.jpg', 'http://example.com/a.png?w=800'])('accepts %j', (src) => {
    expect(isSafeImageSrc(src)).toBe(true);
  });

  it('accepts a URL of exactly 2048 characters', () => {
    expect(isSafeImageSrc(urlOfLength(2048))).toBe(true);
  });

  it.each([
    ['mailto:', 'mailto:desk@example.com'],
    ['javascript:', 'javascript:alert(1)'],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(1)'],
    ['javascript: after a space', ' javascript:alert(1)'],
    ['javascript: with a tab inside', 'java\tscript:alert(1)'],
    ['data:', 'data:image/png;base64,iVBORw0KGgo='],
    ['data: SVG', 'data:image/svg+xml,<svg onload="alert(1)"/>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['protocol-relative', '//evil.example/a.png'],
    ['relative path', 'images/a.png'],
    ['absolute path', '/images/a.png'],
    ['credentials', 'https://user:pass@host.example/a.png'],
    ['empty', ''],
  ])('refuses %s (%j)', (_why, src) => {
    expect(isSafeImageSrc(src)).toBe(false);
  });

  it('refuses a URL of 2049 characters', () => {
    expect(isSafeImageSrc(urlOfLength(2049))).toBe(false);
  });
});
