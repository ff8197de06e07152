/**
 * A link to `path` with query parameters, leaving out the empty ones, so that a list's
 * first page and unfiltered view keep their plain address: `/studio/sources?q=bukele&page=2`.
 */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The `page` parameter of a paginated list: none for the first page. */
export function pageParam(page: number): number | undefined {
  return page > 1 ? page : undefined;
}
