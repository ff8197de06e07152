import { describe, expect, it } from 'vitest';
import { pageParam, withQuery } from './with-query';

describe('withQuery', () => {
  it('keeps the plain address when every parameter is empty', () => {
    expect(withQuery('/studio/sources', { q: '', type: undefined, page: pageParam(1), status: null })).toBe('/studio/sources');
  });

  it('adds the parameters that have a value, encoded, in the order given', () => {
    expect(withQuery('/studio/sources', { q: 'El Salvador & 5%', page: pageParam(3) })).toBe('/studio/sources?q=El+Salvador+%26+5%25&page=3');
  });
});
