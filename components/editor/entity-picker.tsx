'use client';

import { useId, useState, type FormEvent } from 'react';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '@/lib/entities/entity-types';
import { EditorDialog } from './editor-dialog';
import { postJson } from './post-json';
import { useSearchAsYouType } from './use-search-as-you-type';

export type PickedEntity = { id: number; name: string; type: EntityType; slug: string };

/**
 * Tags the selected text: find an entity as you type (names and aliases, accents and case
 * ignored), or create one inline with the selection as its name.
 */
export function EntityPicker({
  isOpen,
  selectedText,
  onPick,
  onClose,
  returnFocus,
}: {
  isOpen: boolean;
  selectedText: string;
  onPick: (entity: PickedEntity) => void;
  onClose: () => void;
  returnFocus: () => void;
}) {
  return (
    <EditorDialog title="Tag an entity" isOpen={isOpen} onClose={onClose} returnFocus={returnFocus}>
      <PickerBody selectedText={selectedText} onPick={onPick} onClose={onClose} />
    </EditorDialog>
  );
}

function PickerBody({ selectedText, onPick, onClose }: { selectedText: string; onPick: (entity: PickedEntity) => void; onClose: () => void }) {
  const [query, setQuery] = useState(selectedText);
  const [mode, setMode] = useState<'find' | 'create'>('find');
  const listId = useId();
  const { results, active, onKeyDown } = useSearchAsYouType<PickedEntity>({
    query,
    url: (text) => `/api/studio/entities?q=${encodeURIComponent(text)}`,
    read: (answer) => (answer as { entities?: PickedEntity[] } | null)?.entities ?? [],
    onPick,
  });

  if (mode === 'create') return <CreateEntityForm initialName={selectedText} onCreated={onPick} onBack={() => setMode('find')} />;

  return (
    <div className="form-stack">
      <div className="field">
        <label htmlFor="entity-search">Find an entity</label>
        <input
          id="entity-search"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={results[active] ? `${listId}-${results[active].id}` : undefined}
          aria-autocomplete="list"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
          autoComplete="off"
        />
      </div>
      <ul id={listId} role="listbox" aria-label="Matching entities" className="picker-results">
        {results.map((entity, index) => (
          <li
            key={entity.id}
            id={`${listId}-${entity.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'is-active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(entity)}
          >
            <span className="picker-result-name">{entity.name}</span> <span className="hint">{ENTITY_TYPE_LABELS[entity.type]}</span>
          </li>
        ))}
        {results.length === 0 && <li className="hint">No entity matches “{query}”.</li>}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => setMode('create')}>
          Create a new entity
        </button>
      </div>
    </div>
  );
}

function CreateEntityForm({ initialName, onCreated, onBack }: { initialName: string; onCreated: (entity: PickedEntity) => void; onBack: () => void }) {
  const [name, setName] = useState(initialName);
  const [type, setType] = useState<EntityType>('person');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    const result = await postJson<{ entity: PickedEntity }>('/api/studio/entities', { name, type });
    setBusy(false);
    if (result.ok) onCreated(result.data.entity);
    else {
      setErrors(result.error.fieldErrors ?? {});
      setMessage(result.error.fieldErrors ? null : result.error.message);
    }
  }

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <div className="field">
        <label htmlFor="new-entity-name">Name</label>
        <input
          id="new-entity-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoFocus
          aria-invalid={errors.name ? true : undefined}
          aria-describedby="new-entity-name-error"
        />
        {errors.name && (
          <p id="new-entity-name-error" className="field-error">
            {errors.name.join(' ')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="new-entity-type">Type</label>
        <select id="new-entity-type" value={type} onChange={(event) => setType(event.target.value as EntityType)}>
          {ENTITY_TYPES.map((value) => (
            <option key={value} value={value}>
              {ENTITY_TYPE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div aria-live="polite">{message && <p className="notice notice-error">{message}</p>}</div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          Back to search
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          Create and tag
        </button>
      </div>
    </form>
  );
}
