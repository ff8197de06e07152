'use client';

import { useId, useState, type FormEvent } from 'react';
import { readSourceFields, SourceFields } from '@/components/studio/source-fields';
import type { FieldErrors } from '@/lib/errors';
import { sourceDomain } from '@/lib/sources/source-url';
import { sourceLabel, type CitableSource } from './citable-source';
import { EditorDialog } from './editor-dialog';
import { postJson } from './post-json';
import { useSearchAsYouType } from './use-search-as-you-type';

export type CitationChoice = { source: CitableSource; quote: string | null; locator: string | null };

/**
 * Cites a source at the cursor: find one in the library as you type, or add one (an
 * address already in the library offers that source instead), then optionally the words
 * quoted and a page or timestamp.
 */
export function CitationDialog({
  isOpen,
  onCite,
  onClose,
  returnFocus,
}: {
  isOpen: boolean;
  onCite: (choice: CitationChoice) => void;
  onClose: () => void;
  returnFocus: () => void;
}) {
  return (
    <EditorDialog title="Cite a source" isOpen={isOpen} onClose={onClose} returnFocus={returnFocus}>
      <CitationSteps onCite={onCite} onClose={onClose} />
    </EditorDialog>
  );
}

function CitationSteps({ onCite, onClose }: { onCite: (choice: CitationChoice) => void; onClose: () => void }) {
  const [step, setStep] = useState<{ kind: 'find' } | { kind: 'create' } | { kind: 'details'; source: CitableSource }>({ kind: 'find' });
  const choose = (source: CitableSource) => setStep({ kind: 'details', source });
  if (step.kind === 'create') return <AddSourceForm onAdded={choose} onBack={() => setStep({ kind: 'find' })} />;
  if (step.kind === 'details') {
    return <CitationDetails source={step.source} onCite={onCite} onBack={() => setStep({ kind: 'find' })} />;
  }
  return <FindSource onChoose={choose} onCreate={() => setStep({ kind: 'create' })} onClose={onClose} />;
}

function FindSource({ onChoose, onCreate, onClose }: { onChoose: (source: CitableSource) => void; onCreate: () => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const { results, active, onKeyDown } = useSearchAsYouType<CitableSource>({
    query,
    url: (text) => `/api/studio/sources?q=${encodeURIComponent(text)}`,
    read: (answer) => (answer as { sources?: CitableSource[] } | null)?.sources ?? [],
    onPick: onChoose,
  });

  return (
    <div className="form-stack">
      <div className="field">
        <label htmlFor="source-search">Find a source</label>
        <input
          id="source-search"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={results[active] ? `${listId}-${results[active].id}` : undefined}
          aria-autocomplete="list"
          aria-describedby="source-search-hint"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
          autoComplete="off"
        />
        <p id="source-search-hint" className="hint">
          Title, outlet or web address
        </p>
      </div>
      <ul id={listId} role="listbox" aria-label="Matching sources" className="picker-results">
        {results.map((source, index) => (
          <li
            key={source.id}
            id={`${listId}-${source.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'is-active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(source)}
          >
            <span className="picker-result-name">{source.title}</span>{' '}
            <span className="hint">{[source.outlet, (source.url && sourceDomain(source.url)), source.publishedOn].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
        {results.length === 0 && <li className="hint">{query ? `No source matches “${query}”.` : 'The library is empty.'}</li>}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={onCreate}>
          Add a new source
        </button>
      </div>
    </div>
  );
}

function AddSourceForm({ onAdded, onBack }: { onAdded: (source: CitableSource) => void; onBack: () => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [existing, setExisting] = useState<CitableSource | null>(null);
  const [busy, setBusy] = useState(false);
  const today = new Date().toISOString().slice(0, 10);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    setExisting(null);
    const result = await postJson<{ source: CitableSource }>('/api/studio/sources', readSourceFields(new FormData(event.currentTarget)));
    setBusy(false);
    if (result.ok) return onAdded(result.data.source);
    setErrors(result.error.fieldErrors ?? {});
    setMessage(result.error.fieldErrors ? null : result.error.message);
    if (result.error.status === 409) setExisting(result.error.current as CitableSource);
  }

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <SourceFields idPrefix="new-source" initial={{ accessedOn: today }} errors={errors} />
      <div aria-live="polite">
        {message && (
          <div className="notice notice-error">
            <p>{message}</p>
            {existing && (
              <p>
                <button type="button" className="button button-small" onClick={() => onAdded(existing)}>
                  Use the existing source
                </button>
              </p>
            )}
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          Back to search
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          Add source
        </button>
      </div>
    </form>
  );
}

function CitationDetails({ source, onCite, onBack }: { source: CitableSource; onCite: (choice: CitationChoice) => void; onBack: () => void }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    onCite({ source, quote: text('quote'), locator: text('locator') });
  }

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <p className="cited-source">
        <strong>{sourceLabel(source)}</strong>
        {source.url && <span className="hint"> {(source.url && sourceDomain(source.url))}</span>}
      </p>
      <div className="field">
        <label htmlFor="citation-quote">Quote (optional)</label>
        <textarea id="citation-quote" name="quote" rows={3} maxLength={1000} aria-describedby="citation-quote-hint" autoFocus />
        <p id="citation-quote-hint" className="hint">
          The words in the source that back the claim
        </p>
      </div>
      <div className="field">
        <label htmlFor="citation-locator">Page or timestamp (optional)</label>
        <input id="citation-locator" name="locator" maxLength={100} placeholder="p. 14, or 12:30" />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          Choose another source
        </button>
        <button type="submit" className="button button-primary">
          Insert citation
        </button>
      </div>
    </form>
  );
}
