import type { FieldErrors } from '@/lib/errors';
import type { SourceRecord } from '@/lib/sources/source-record';

/** What the source form edits: everything but the id. */
export type SourceFieldValues = Omit<SourceRecord, 'id'>;

const TEXT_FIELDS = [
  { name: 'url', label: 'Address (URL)', type: 'url', max: 2000, hint: 'http:// or https:// only' },
  { name: 'title', label: 'Title', type: 'text', max: 300 },
  { name: 'outlet', label: 'Outlet', type: 'text', max: 200, hint: 'Who published it: a newspaper, an agency, a court' },
  { name: 'author', label: 'Author', type: 'text', max: 200 },
] as const;

/**
 * The fields of a source, uncontrolled and named as the services read them, for the
 * library's forms and the editor's "add a source" alike. Each error sits under its field.
 */
export function SourceFields({ idPrefix, initial, errors }: { idPrefix: string; initial?: Partial<SourceFieldValues>; errors: FieldErrors }) {
  const describedBy = (name: string, hasHint: boolean) =>
    [hasHint ? `${idPrefix}-${name}-hint` : '', errors[name] ? `${idPrefix}-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <>
      {TEXT_FIELDS.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={`${idPrefix}-${field.name}`}>{field.label}</label>
          <input
            id={`${idPrefix}-${field.name}`}
            name={field.name}
            type={field.type}
            maxLength={field.max}
            defaultValue={initial?.[field.name] ?? ''}
            required={field.name === 'title'}
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={describedBy(field.name, 'hint' in field)}
          />
          {'hint' in field && (
            <p id={`${idPrefix}-${field.name}-hint`} className="hint">
              {field.hint}
            </p>
          )}
          <FieldMessages id={`${idPrefix}-${field.name}-error`} messages={errors[field.name]} />
        </div>
      ))}
      <div className="field-row">
        {(['publishedOn', 'accessedOn'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`${idPrefix}-${name}`}>{name === 'publishedOn' ? 'Published' : 'Accessed'}</label>
            <input
              id={`${idPrefix}-${name}`}
              name={name}
              type="date"
              defaultValue={initial?.[name] ?? ''}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `${idPrefix}-${name}-error` : undefined}
            />
            <FieldMessages id={`${idPrefix}-${name}-error`} messages={errors[name]} />
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-notes`}>Notes</label>
        <textarea
          id={`${idPrefix}-notes`}
          name="notes"
          rows={3}
          maxLength={2000}
          defaultValue={initial?.notes ?? ''}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={errors.notes ? `${idPrefix}-notes-error` : undefined}
        />
        <FieldMessages id={`${idPrefix}-notes-error`} messages={errors.notes} />
      </div>
    </>
  );
}

function FieldMessages({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

/** The named fields of a submitted source form, as the services take them. */
export function readSourceFields(form: FormData): Record<keyof SourceFieldValues, string> {
  const value = (name: keyof SourceFieldValues) => String(form.get(name) ?? '');
  return {
    url: value('url'),
    title: value('title'),
    outlet: value('outlet'),
    author: value('author'),
    publishedOn: value('publishedOn'),
    accessedOn: value('accessedOn'),
    notes: value('notes'),
  };
}
