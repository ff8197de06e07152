'use client';

import { useState, type FormEvent } from 'react';
import { isSafeLinkHref, LINK_SCHEME_MESSAGE } from '@/lib/content/safe-urls';
import { EditorDialog } from './editor-dialog';

/** Asks for a link address; refuses anything but http(s) and mailto with a clear message. */
export function LinkDialog({
  isOpen,
  initialHref,
  onApply,
  onRemove,
  onClose,
  returnFocus,
}: {
  isOpen: boolean;
  initialHref: string;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
  returnFocus: () => void;
}) {
  return (
    <EditorDialog title="Link" isOpen={isOpen} onClose={onClose} returnFocus={returnFocus}>
      <LinkForm initialHref={initialHref} onApply={onApply} onRemove={onRemove} onClose={onClose} />
    </EditorDialog>
  );
}

function LinkForm({
  initialHref,
  onApply,
  onRemove,
  onClose,
}: {
  initialHref: string;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = href.trim();
    if (!isSafeLinkHref(value)) {
      setError(LINK_SCHEME_MESSAGE);
      return;
    }
    onApply(value);
  }

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <div className="field">
        <label htmlFor="link-href">Link address</label>
        <input
          id="link-href"
          value={href}
          onChange={(event) => setHref(event.target.value)}
          placeholder="https://"
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'link-href-error' : undefined}
        />
        {error && (
          <p id="link-href-error" className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        {initialHref && (
          <button type="button" className="button button-quiet" onClick={onRemove}>
            Remove link
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary">
          Apply link
        </button>
      </div>
    </form>
  );
}
