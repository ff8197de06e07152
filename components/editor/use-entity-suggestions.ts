'use client';

import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntityType } from '@/lib/entities/entity-types';
import { readTextblocks } from './editor-entities';

export type Candidate = { id: number; name: string; type: EntityType };
export type Suggestion = { key: string; block: number; from: number; to: number; text: string; context: string; candidates: Candidate[] };

const DEBOUNCE_MS = 1_200;

/**
 * Asks the server for untagged mentions of known entities whenever the text settles, and
 * keeps what the writer dismissed out of the list for this session.
 */
export function useEntitySuggestions(editor: Editor | null, isEnabled: boolean) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);

  const refresh = useCallback(async () => {
    if (!editor || !isEnabled) return;
    const blocks = readTextblocks(editor.state.doc);
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    const response = await fetch('/api/studio/entities/suggest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ blocks: blocks.map((block) => ({ text: block.text, skip: block.tagged.map(({ from, to }) => ({ from, to })) })) }),
      signal: controller.signal,
    }).catch(() => null);
    if (!response?.ok) return;
    const answer = (await response.json()) as { blocks: Array<Array<{ from: number; to: number; text: string; candidates: Candidate[] }>> };
    setSuggestions(
      answer.blocks.flatMap((found, index) =>
        found.map((mention) => ({
          ...mention,
          block: index,
          key: `${index}:${mention.from}:${mention.text}`,
          context: contextOf(blocks[index]?.text ?? '', mention.from, mention.to),
        })),
      ),
    );
  }, [editor, isEnabled]);

  useEffect(() => {
    if (!editor || !isEnabled) return;
    void refresh();
    const onUpdate = () => {
      // Until the server answers again, keep only suggestions the edit left in place:
      // accepting one whose words moved or were just tagged would tag the wrong text.
      const blocks = readTextblocks(editor.state.doc);
      setSuggestions((previous) => {
        const kept = previous.filter((suggestion) => isStillThere(suggestion, blocks));
        return kept.length === previous.length ? previous : kept;
      });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void refresh(), DEBOUNCE_MS);
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      if (timer.current) clearTimeout(timer.current);
      request.current?.abort();
    };
  }, [editor, isEnabled, refresh]);

  const dismiss = useCallback((keys: string[]) => setDismissed((previous) => new Set([...previous, ...keys])), []);
  return { suggestions: suggestions.filter((suggestion) => !dismissed.has(suggestion.key)), dismiss, refresh };
}

function isStillThere(suggestion: Suggestion, blocks: ReturnType<typeof readTextblocks>): boolean {
  const block = blocks[suggestion.block];
  if (!block || block.text.slice(suggestion.from, suggestion.to) !== suggestion.text) return false;
  return !block.tagged.some((span) => span.from < suggestion.to && suggestion.from < span.to);
}

/** A few words either side of a mention, so the writer can judge it without scrolling. */
function contextOf(text: string, from: number, to: number): string {
  const before = text.slice(Math.max(0, from - 40), from);
  const after = text.slice(to, to + 40);
  return `${from > 40 ? '…' : ''}${before.replace(/^\S*\s/, '')}[[${text.slice(from, to)}]]${after.replace(/\s\S*$/, '')}${to + 40 < text.length ? '…' : ''}`;
}
