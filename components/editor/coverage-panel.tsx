'use client';

import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { formatCoverage } from '@/lib/citations/coverage';
import { sourceLabel, type CitableSource } from './citable-source';
import type { EditorCoverage } from './editor-coverage';

const COLLAPSED_COUNT = 5;

/**
 * Sourcing beside the text: how many claims have a source, which sentences still need
 * one (show it, or cite right there), and the sources cited so far, by footnote number.
 */
export function CoveragePanel({
  editor,
  coverage,
  sources,
  canType,
  onCiteAt,
}: {
  editor: Editor;
  coverage: EditorCoverage | null;
  sources: Record<number, CitableSource>;
  canType: boolean;
  onCiteAt: (pos: number) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  if (!coverage) return null;
  const { report, ranges, cited } = coverage;
  const flagged = report.flagged.map((claim, index) => ({ claim, range: ranges[index]! }));
  const visible = showAll ? flagged : flagged.slice(0, COLLAPSED_COUNT);
  const show = (range: { from: number; to: number }) => editor.chain().focus().setTextSelection(range).scrollIntoView().run();

  return (
    <section className="panel coverage-panel" aria-labelledby="coverage-title">
      <h2 id="coverage-title" className="panel-title">
        Sources
      </h2>
      <p className={`coverage-figure ${report.flagged.length > 0 ? 'is-short' : 'is-complete'}`} data-testid="coverage-figure">
        {formatCoverage(report)}
      </p>
      {report.total > 0 && (
        <div className="coverage-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(report.ratio * 100)}%` }} />
        </div>
      )}

      {flagged.length > 0 && (
        <>
          <h3 className="panel-subtitle">Claims without a source</h3>
          <ul className="unsourced-list">
            {visible.map(({ claim, range }) => (
              <li key={`${claim.paragraph}-${claim.from}`}>
                <span className="unsourced-sentence">{excerpt(claim.sentence)}</span>
                <span className="hint"> {claim.kinds.join(', ')}</span>
                <span className="unsourced-actions">
                  <button type="button" className="button button-small" aria-label={`Show “${excerpt(claim.sentence, 40)}”`} onClick={() => show(range)}>
                    Show
                  </button>
                  {canType && (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Cite a source for “${excerpt(claim.sentence, 40)}”`}
                      onClick={() => onCiteAt(range.to)}
                    >
                      Cite
                    </button>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {flagged.length > COLLAPSED_COUNT && (
            <button type="button" className="button button-small button-quiet" onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Show fewer' : `Show all ${flagged.length}`}
            </button>
          )}
        </>
      )}

      {cited.length > 0 ? (
        <>
          <h3 className="panel-subtitle">Cited</h3>
          <ol className="cited-list">
            {cited.map(({ sourceId, pos }, index) => {
              const source = sources[sourceId];
              return (
                <li key={sourceId}>
                  <span className="cited-number">
                    {index + 1}
                  </span>
                  <button type="button" className="link-button" onClick={() => show({ from: pos, to: pos + 1 })}>
                    {source ? sourceLabel(source) : `Source #${sourceId}`}
                  </button>
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p className="hint">Nothing cited yet. Put the cursor after a claim and press “Cite”.</p>
      )}
    </section>
  );
}

function excerpt(sentence: string, length = 140): string {
  return sentence.length > length ? `${sentence.slice(0, length - 1).trimEnd()}…` : sentence;
}
