'use client';

import { useState, type FormEvent } from 'react';
import { EditorDialog } from './editor-dialog';

/** An editor returns a piece to its writer, always saying what to change. */
export function ReturnDialog({
  isOpen,
  onReturn,
  onClose,
}: {
  isOpen: boolean;
  onReturn: (note: string) => Promise<string | null>;
  onClose: () => void;
}) {
  return (
    <EditorDialog title="Return to writer" isOpen={isOpen} onClose={onClose} returnFocus={() => {}}>
      <ReturnForm onReturn={onReturn} onClose={onClose} />
    </EditorDialog>
  );
}

function ReturnForm({ onReturn, onClose }: { onReturn: (note: string) => Promise<string | null>; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (note.trim() === '') {
      setError('Tell the writer what to change.');
      return;
    }
    setBusy(true);
    setError(await onReturn(note.trim()));
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="form-stack" noValidate>
      <div className="field">
        <label htmlFor="return-note">What should the writer change?</label>
        <textarea
          id="return-note"
          rows={5}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'return-note-error' : undefined}
        />
        {error && (
          <p id="return-note-error" className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          Return to writer
        </button>
      </div>
    </form>
  );
}
