'use client';

import type { CurrentWorkingCopy } from './types';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Shown when a save was refused because the article moved on. What was typed stays in
 * the editor; nothing is replaced until the person chooses to load the newer version.
 */
export function ConflictBanner({
  current,
  onCopyMine,
  onLoadTheirs,
  copied,
}: {
  current: CurrentWorkingCopy;
  onCopyMine: () => void;
  onLoadTheirs: () => void;
  copied: boolean;
}) {
  return (
    <section className="conflict-banner" aria-labelledby="conflict-title">
      <h2 id="conflict-title">This article was changed elsewhere</h2>
      <p>
        {current.updatedBy.name} saved a newer version (version {current.version}) at{' '}
        {timeFormat.format(new Date(current.updatedAt))}. Your latest changes were <strong>not saved</strong>, and
        they are still here in the editor. Autosave is paused so nothing is overwritten.
      </p>
      <div className="conflict-actions">
        <button type="button" className="button" onClick={onCopyMine}>
          {copied ? 'Copied your text' : 'Copy my text'}
        </button>
        <button type="button" className="button button-danger" onClick={onLoadTheirs}>
          Load their version (replaces mine)
        </button>
      </div>
    </section>
  );
}
