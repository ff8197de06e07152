'use client';

import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { sourceLabel, type CitableSource } from './citable-source';

/**
 * The sources behind the article's citations, fetched once per id: the coverage panel
 * lists them, and the citation markers show them on hover and focus (the `labels` the
 * CitationNode reads; a meta-only transaction redraws the markers once they arrive).
 */
export function useSourceLabels(editor: Editor | null, ids: number[], labels: Map<number, string>) {
  const [known, setKnown] = useState<Record<number, CitableSource>>({});
  const missing = ids.filter((id) => !known[id]);
  const key = missing.join(',');

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    void fetch(`/api/studio/sources?ids=${key}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer: { sources: Record<number, CitableSource> } | null) => {
        if (answer) remember(Object.values(answer.sources));
      })
      .catch(() => {});
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  /** Adds sources the person just picked or created, so their markers are labelled at once. */
  function remember(sources: CitableSource[]) {
    for (const source of sources) labels.set(source.id, sourceLabel(source));
    setKnown((previous) => ({ ...previous, ...Object.fromEntries(sources.map((source) => [source.id, source])) }));
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta('citationLabels', true));
  }

  return { known, remember };
}
