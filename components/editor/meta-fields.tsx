'use client';

import type { FieldErrors } from '@/lib/errors';
import type { EditorFields } from './types';

/** Slug, section and bylines: the article's details beside the text. */
export function MetaFields({
  fields,
  onChange,
  sections,
  people,
  fieldErrors,
  isReadOnly,
  canChangeBylines,
  isSlugLinked,
  onUnlinkSlug,
}: {
  fields: EditorFields;
  onChange: (change: Partial<EditorFields>) => void;
  sections: Array<{ id: number; name: string }>;
  people: Array<{ id: number; name: string }>;
  fieldErrors: FieldErrors;
  isReadOnly: boolean;
  canChangeBylines: boolean;
  isSlugLinked: boolean;
  onUnlinkSlug: () => void;
}) {
  const bylineNames = fields.bylineIds.map((id) => people.find((person) => person.id === id)?.name ?? `#${id}`);
  return (
    <div className="meta-fields">
      <div className="field">
        <label htmlFor="slug">Slug</label>
        <input
          id="slug"
          value={fields.slug}
          disabled={isReadOnly}
          onChange={(event) => {
            onUnlinkSlug();
            onChange({ slug: event.target.value });
          }}
          pattern="[a-z0-9\-]+"
          maxLength={100}
          aria-invalid={fieldErrors.slug ? true : undefined}
          aria-describedby="slug-hint slug-error"
        />
        <p id="slug-hint" className="field-hint">
          {isSlugLinked ? 'Follows the headline until you edit it.' : `/articles/${fields.slug || '…'}`}
        </p>
        <Errors id="slug-error" messages={fieldErrors.slug} />
      </div>
      <div className="field">
        <label htmlFor="section">Section</label>
        <select
          id="section"
          value={fields.sectionId}
          disabled={isReadOnly}
          onChange={(event) => onChange({ sectionId: Number(event.target.value) })}
          aria-invalid={fieldErrors.sectionId ? true : undefined}
          aria-describedby="section-error"
        >
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
        <Errors id="section-error" messages={fieldErrors.sectionId} />
      </div>
      <fieldset className="field bylines" disabled={isReadOnly || !canChangeBylines} aria-describedby="bylines-error">
        <legend>Bylines</legend>
        {canChangeBylines && !isReadOnly ? (
          <ul className="checkbox-list">
            {people.map((person) => (
              <li key={person.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={fields.bylineIds.includes(person.id)}
                    onChange={(event) =>
                      onChange({
                        bylineIds: event.target.checked
                          ? [...fields.bylineIds, person.id]
                          : fields.bylineIds.filter((id) => id !== person.id),
                      })
                    }
                  />
                  {person.name}
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="field-hint">
            {bylineNames.join(', ')}
            {!canChangeBylines && <> · editors set bylines</>}
          </p>
        )}
        <Errors id="bylines-error" messages={fieldErrors.bylineIds} />
      </fieldset>
    </div>
  );
}

export function Errors({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return <span id={id} hidden />;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}
