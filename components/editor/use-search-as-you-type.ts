'use client';

import { useEffect, useState, type KeyboardEvent } from 'react';

/**
 * Search-as-you-type for the pickers (entities, sources): fetches after a short pause,
 * drops answers to queries since replaced, and moves through the results with the arrow
 * keys (Enter picks the active one), as a combobox with a listbox does.
 */
export function useSearchAsYouType<Item>({
  query,
  url,
  read,
  onPick,
}: {
  query: string;
  url: (query: string) => string;
  read: (answer: unknown) => Item[];
  onPick: (item: Item) => void;
}) {
  const [results, setResults] = useState<Item[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const response = await fetch(url(query), { signal: controller.signal }).catch(() => null);
      if (!response?.ok) return;
      const answer: unknown = await response.json().catch(() => null);
      if (controller.signal.aborted) return;
      setResults(read(answer));
      setActive(0);
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `url` and `read` are stable in meaning; only the query triggers a search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = results[active];
      if (item) onPick(item);
    }
  }

  return { results, active, onKeyDown };
}
