'use client';

import { useActionState, useEffect, useState } from 'react';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, type EntityType } from '@/lib/entities/entity-types';
import type { ActionResult } from '@/lib/http/action-result';
import { FieldError, fieldInvalid, FormFeedback } from './form-feedback';

type Action = (previous: ActionResult<string> | null, form: FormData) => Promise<ActionResult<string>>;
type EntityValues = { id?: number; name: string; type: EntityType; aliases: string[]; description: string; wikidataId: string | null };

/** Create or edit an entity: name, type, aliases (one per line), description, Wikidata id. */
export function EntityForm({ action, entity, submitLabel }: { action: Action; entity?: EntityValues; submitLabel: string }) {
  const [result, submit, isPending] = useActionState(action, null);
  return (
    <form action={submit} className="panel form-stack" noValidate>
      {entity?.id && <input type="hidden" name="entityId" value={entity.id} />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="entity-name">Name</label>
          <input id="entity-name" name="name" defaultValue={entity?.name} required aria-invalid={fieldInvalid(result, 'name')} aria-describedby="entity-name-error" />
          <FieldError id="entity-name-error" result={result} field="name" />
        </div>
        <div className="field">
          <label htmlFor="entity-type">Type</label>
          <select id="entity-type" name="type" defaultValue={entity?.type ?? 'person'}>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {ENTITY_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="entity-wikidata">Wikidata id</label>
          <input
            id="entity-wikidata"
            name="wikidataId"
            defaultValue={entity?.wikidataId ?? ''}
            placeholder="Q42"
            aria-invalid={fieldInvalid(result, 'wikidataId')}
            aria-describedby="entity-wikidata-hint entity-wikidata-error"
          />
          <p id="entity-wikidata-hint" className="field-hint">
            Optional: Q followed by digits.
          </p>
          <FieldError id="entity-wikidata-error" result={result} field="wikidataId" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="entity-aliases">Aliases</label>
        <textarea
          id="entity-aliases"
          name="aliases"
          rows={4}
          defaultValue={entity?.aliases.join('\n')}
          aria-describedby="entity-aliases-hint entity-aliases-error"
          aria-invalid={fieldInvalid(result, 'aliases')}
        />
        <p id="entity-aliases-hint" className="field-hint">
          Other names reporters use, one per line (“President Bukele”, “Bukele”). Suggestions match these too.
        </p>
        <FieldError id="entity-aliases-error" result={result} field="aliases" />
      </div>
      <div className="field">
        <label htmlFor="entity-description">Short description</label>
        <textarea id="entity-description" name="description" rows={3} defaultValue={entity?.description} aria-invalid={fieldInvalid(result, 'description')} />
        <FieldError id="entity-description-error" result={result} field="description" />
      </div>
      <div className="form-grid-actions">
        <button type="submit" className="button button-primary" disabled={isPending}>
          {submitLabel}
        </button>
        <FormFeedback result={result} />
      </div>
    </form>
  );
}

/** Merge this entity into another, found by name. */
export function MergeForm({ action, entity }: { action: Action; entity: { id: number; name: string } }) {
  const [result, submit, isPending] = useActionState(action, null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Array<{ id: number; name: string; type: EntityType }>>([]);
  const [intoId, setIntoId] = useState<number | null>(null);

  useEffect(() => {
    if (query.trim().length < 2) return setMatches([]);
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/studio/entities?q=${encodeURIComponent(query)}`, { signal: controller.signal }).catch(() => null);
      if (response?.ok) {
        const { entities } = (await response.json()) as { entities: Array<{ id: number; name: string; type: EntityType }> };
        setMatches(entities.filter((candidate) => candidate.id !== entity.id));
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, entity.id]);

  return (
    <form action={submit} className="panel form-stack" noValidate>
      <h2 className="panel-title">Merge into another entity</h2>
      <p className="hint">
        For duplicates: “{entity.name}” becomes an alias of the other entity, its mentions count there, and its page redirects.
      </p>
      <input type="hidden" name="fromId" value={entity.id} />
      <div className="field">
        <label htmlFor="merge-search">Find the entity to keep</label>
        <input id="merge-search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      </div>
      {matches.length > 0 && (
        <fieldset className="field">
          <legend>Merge into</legend>
          {matches.map((candidate) => (
            <label key={candidate.id} className="merge-target">
              <input type="radio" name="intoId" value={candidate.id} checked={intoId === candidate.id} onChange={() => setIntoId(candidate.id)} />
              {candidate.name} <span className="hint">{ENTITY_TYPE_LABELS[candidate.type]}</span>
            </label>
          ))}
        </fieldset>
      )}
      <FieldError id="merge-error" result={result} field="intoId" />
      <div>
        <button type="submit" className="button button-danger" disabled={isPending || intoId === null}>
          Merge
        </button>
      </div>
      {result?.ok === false && !result.error.fieldErrors && <FormFeedback result={result} />}
    </form>
  );
}
