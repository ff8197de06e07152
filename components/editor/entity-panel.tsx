'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import { ENTITY_TYPE_LABELS, type EntityType } from '@/lib/entities/entity-types';
import { readTextblocks, showSpan, tagSpan, taggedEntities, untagEntity } from './editor-entities';
import { useEntitySuggestions, type Suggestion } from './use-entity-suggestions';

type Known = { id: number; name: string; type: EntityType; slug: string };

const COLLAPSED_COUNT = 8;

/**
 * The article's entities beside the text: what is tagged (with counts; untag, or step
 * through the mentions) and what could be (suggestions to accept one by one or all at
 * once for an entity, or dismiss; an ambiguous name asks which entity it means).
 */
export function EntityPanel({ editor, canType }: { editor: Editor; canType: boolean }) {
  const tagged = useEditorState({
    editor,
    selector: ({ editor: current }) => JSON.stringify(taggedEntities(readTextblocks(current.state.doc))),
  });
  const entries = useMemo(() => JSON.parse(tagged) as ReturnType<typeof taggedEntities>, [tagged]);
  const names = useEntityNames(entries.map((entry) => entry.entityId));
  const { suggestions, dismiss, refresh } = useEntitySuggestions(editor, canType);
  const [cursor, setCursor] = useState<Record<number, number>>({});
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? entries : entries.slice(0, COLLAPSED_COUNT);

  const accept = (suggestion: Suggestion, entityId: number) => {
    tagSpan(editor, { ...suggestion, entityId });
    dismiss([suggestion.key]);
    void refresh();
  };
  const groups = groupSuggestions(suggestions);

  return (
    <section className="panel entity-panel" aria-labelledby="entities-title">
      <h2 id="entities-title" className="panel-title">
        Entities
      </h2>
      {entries.length === 0 ? (
        <p className="hint">Nothing tagged yet. Select a name in the text and press “Tag”, or accept a suggestion below.</p>
      ) : (
        <ul className="tagged-list">
          {visible.map((entry) => {
            const known = names[entry.entityId];
            const label = known?.name ?? `Entity #${entry.entityId}`;
            return (
              <li key={entry.entityId}>
                <span className="tagged-name">{label}</span>{' '}
                <span className="hint">
                  {known ? ENTITY_TYPE_LABELS[known.type] : ''} · {entry.spans.length} {entry.spans.length === 1 ? 'mention' : 'mentions'}
                </span>
                <span className="tagged-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Show the next mention of ${label}`}
                    onClick={() => {
                      const next = (cursor[entry.entityId] ?? -1) + 1;
                      const span = entry.spans[next % entry.spans.length]!;
                      setCursor({ ...cursor, [entry.entityId]: next });
                      showSpan(editor, span);
                    }}
                  >
                    Show
                  </button>
                  {canType && (
                    <button type="button" className="button button-small" aria-label={`Remove the tags of ${label}`} onClick={() => untagEntity(editor, entry.entityId)}>
                      Untag
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {entries.length > COLLAPSED_COUNT && (
        <button type="button" className="button button-small button-quiet" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${entries.length} entities`}
        </button>
      )}

      {canType && groups.length > 0 && (
        <>
          <h3 className="panel-subtitle">Suggested tags</h3>
          <ul className="suggestion-list">
            {groups.map((group) =>
              group.candidates.length === 1 ? (
                <li key={group.key} className="suggestion">
                  <p className="suggestion-head">
                    <strong>{group.candidates[0]!.name}</strong>{' '}
                    <span className="hint">
                      {ENTITY_TYPE_LABELS[group.candidates[0]!.type]} · {group.items.length} untagged
                    </span>
                  </p>
                  <ul className="suggestion-mentions">
                    {group.items.map((item) => (
                      <li key={item.key}>
                        <Context text={item.context} />
                        <button type="button" className="button button-small" aria-label={`Tag “${item.text}” as ${group.candidates[0]!.name}`} onClick={() => accept(item, group.candidates[0]!.id)}>
                          Tag
                        </button>
                        <button type="button" className="button button-small button-quiet" aria-label={`Dismiss “${item.text}”`} onClick={() => dismiss([item.key])}>
                          Dismiss
                        </button>
                      </li>
                    ))}
                  </ul>
                  {group.items.length > 1 && (
                    <p className="suggestion-all">
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          for (const item of [...group.items].reverse()) tagSpan(editor, { ...item, entityId: group.candidates[0]!.id });
                          dismiss(group.items.map((item) => item.key));
                          void refresh();
                        }}
                      >
                        Tag all {group.items.length} as {group.candidates[0]!.name}
                      </button>{' '}
                      <button type="button" className="button button-small button-quiet" onClick={() => dismiss(group.items.map((item) => item.key))}>
                        Dismiss all
                      </button>
                    </p>
                  )}
                </li>
              ) : (
                group.items.map((item) => (
                  <li key={item.key} className="suggestion suggestion-ambiguous">
                    <p className="suggestion-head">
                      <strong>“{item.text}”</strong> <span className="hint">could be several entities: which one?</span>
                    </p>
                    <Context text={item.context} />
                    <p className="suggestion-choices">
                      {group.candidates.map((candidate) => (
                        <button key={candidate.id} type="button" className="button button-small" onClick={() => accept(item, candidate.id)}>
                          {candidate.name} ({ENTITY_TYPE_LABELS[candidate.type]})
                        </button>
                      ))}
                      <button type="button" className="button button-small button-quiet" onClick={() => dismiss([item.key])}>
                        Neither
                      </button>
                    </p>
                  </li>
                ))
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}

function Context({ text }: { text: string }) {
  const [before, rest = ''] = text.split('[[');
  const [mention, after = ''] = rest.split(']]');
  return (
    <span className="suggestion-context">
      {before}
      <mark>{mention}</mark>
      {after}
    </span>
  );
}

/** Clear suggestions grouped by their entity; each ambiguous one apart, by its candidates. */
function groupSuggestions(suggestions: Suggestion[]) {
  const groups = new Map<string, { key: string; candidates: Suggestion['candidates']; items: Suggestion[] }>();
  for (const suggestion of suggestions) {
    const key = suggestion.candidates.map((candidate) => candidate.id).join('/');
    const group = groups.get(key) ?? { key, candidates: suggestion.candidates, items: [] };
    group.items.push(suggestion);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Names of tagged entities, fetched once per id. */
function useEntityNames(ids: number[]): Record<number, Known> {
  const [names, setNames] = useState<Record<number, Known>>({});
  const missing = ids.filter((id) => !names[id]);
  const key = missing.join(',');
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    void fetch(`/api/studio/entities?ids=${key}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer: { entities: Record<number, Known> } | null) => {
        if (answer) setNames((previous) => ({ ...previous, ...answer.entities }));
      })
      .catch(() => {});
    return () => controller.abort();
  }, [key]);
  return names;
}
