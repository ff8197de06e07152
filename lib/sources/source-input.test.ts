import { describe, expect, it } from 'vitest';
import { sourceFieldsSchema } from './source-input';

const parse = (fields: Record<string, unknown>) => sourceFieldsSchema.safeParse({ title: 'A report', ...fields });

describe('sourceFieldsSchema', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    [' 2025-04-14 ', '2025-04-14'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('reads the date %j as %j', (publishedOn, expected) => {
    expect(parse({ publishedOn }).data?.publishedOn).toBe(expected);
  });

  it.each(['2025-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '0000-01-01', '14/04/2025', '2025-4-14'])('refuses the date %j', (accessedOn) => {
    const result = parse({ accessedOn });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['accessedOn', 'Enter a date as YYYY-MM-DD.']]);
  });

  it('reads an absent address, in any of its forms, as none', () => {
    expect([parse({ url: '' }), parse({ url: null }), parse({})].map((result) => result.data?.url)).toEqual([null, null, null]);
  });
});
