import { describe, it, expect } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

const SITE = 'https://news.example';
/** Where a browser goes when sent to `location` from a page of this site. */
const originOf = (location: string) => new URL(location, `${SITE}/login`).origin;

describe('safeRedirectPath', () => {
  it.each(['/studio', '/studio/articles/3?x=1#y', '/', '/studio/articles?status=draft&page=2'])('keeps %j', (path) => {
    expect(safeRedirectPath(path)).toBe(path);
  });

  it('normalizes dot segments inside the site', () => {
    expect(safeRedirectPath('/studio/../admin')).toBe('/admin');
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/studio'],
    ['absolute', 'https://evil.example'],
    ['scheme without slashes', 'https:evil.example'],
    ['backslash', '/\\evil.example'],
    ['backslash later on', '/studio\\..\\evil'],
    ['javascript:', 'javascript:alert(1)'],
    ['a leading tab', '\t/evil'],
    ['a tab after the slash', '/\t/evil.example'],
    ['a newline', '/studio\n'],
    ['relative', 'studio'],
    ['empty', ''],
  ])('falls back to /studio for %s (%j)', (_why, target) => {
    expect(safeRedirectPath(target)).toBe('/studio');
  });

  it.each([42, null, undefined, ['/studio'], { path: '/studio' }])('falls back for the non-string %j', (target) => {
    expect(safeRedirectPath(target)).toBe('/studio');
  });

  it('falls back to the given fallback', () => {
    expect(safeRedirectPath('//evil.example', '/')).toBe('/');
  });

  it('keeps encoded slashes encoded, as a path on this site', () => {
    const result = safeRedirectPath('/%2F%2Fevil.example');

    expect(result).toBe('/%2F%2Fevil.example');
    expect(originOf(result)).toBe(SITE);
  });

  it.each(['/.//evil.example', '/a/..//evil.example', '/../..//evil.example'])(
    'falls back for %j, which normalizes to a protocol-relative "//evil.example"',
    (target) => {
      expect(safeRedirectPath(target)).toBe('/studio');
    },
  );

  it.each([
    '/studio',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '/.//evil.example',
    '/a/..//evil.example',
    '/./evil',
    '/%09/evil',
    '//evil.example',
    'https:evil.example',
    '/\\evil.example',
  ])('never changes the origin, whatever %j yields', (target) => {
    expect(originOf(safeRedirectPath(target))).toBe(SITE);
  });
});
