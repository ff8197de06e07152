'use client';

import { useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { BodyBlock } from '@/lib/content/body-document';
import { blockText, type BlockChange, type WordChange } from '@/lib/revisions/block-diff';
import { buildDiffRows, changeStatus, stepChange, type BlockEdit, type BodyRow } from '@/lib/revisions/diff-rows';
import type { MetadataChange } from '@/lib/revisions/metadata-diff';
import './diff-view.css';

type Layout = 'inline' | 'side-by-side';
type Part = WordChange;

/**
 * Two revisions compared: changed fields first, then the body with unchanged paragraphs
 * folded away. Inline or side by side; removed text is struck through in <del>, added text
 * underlined in <ins>, so colour is never the only signal. "Next change"/"Previous change"
 * (or j / k) move focus from change to change and announce "Change 3 of 12".
 */
export function DiffView({
  metadata,
  blocks,
  beforeLabel,
  afterLabel,
}: {
  metadata: MetadataChange[];
  blocks: BlockChange[];
  beforeLabel: string;
  afterLabel: string;
}) {
  const rows = useMemo(() => buildDiffRows({ metadata, blocks }), [metadata, blocks]);
  const [layout, setLayout] = useState<Layout>('inline');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // `request` changes on every move, so pressing "Next" on the last change focuses it again.
  const [position, setPosition] = useState<{ current: number | null; request: number }>({ current: null, request: 0 });
  const idPrefix = useId();
  const targetId = useCallback((changeNumber: number) => `${idPrefix}change-${changeNumber}`, [idPrefix]);
  const total = rows.changeCount;

  const move = useCallback(
    (direction: 'next' | 'previous') =>
      setPosition((previous) => ({ current: stepChange({ current: previous.current, total, direction }), request: previous.request + 1 })),
    [total],
  );

  useEffect(() => {
    if (position.current === null) return;
    const target = document.getElementById(targetId(position.current));
    if (!target) return;
    target.focus({ preventScroll: true });
    const isReduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', behavior: isReduced ? 'auto' : 'smooth' });
  }, [position, targetId]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key !== 'j' && event.key !== 'k') return;
      event.preventDefault();
      move(event.key === 'j' ? 'next' : 'previous');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [move]);

  const toggleRun = (key: string): void =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className={`diff-view diff-view--${layout}`}>
      <div className="diff-toolbar">
        <div className="diff-layouts" role="group" aria-label="Layout">
          <LayoutButton layout="inline" current={layout} onSelect={setLayout}>
            Inline
          </LayoutButton>
          <LayoutButton layout="side-by-side" current={layout} onSelect={setLayout}>
            Side by side
          </LayoutButton>
        </div>
        <div className="diff-navigation">
          <button type="button" className="button button-small" onClick={() => move('previous')} disabled={total === 0}>
            Previous change
          </button>
          <button type="button" className="button button-small" onClick={() => move('next')} disabled={total === 0}>
            Next change
          </button>
          <p className="diff-status" role="status">
            {changeStatus({ current: position.current, total })}
          </p>
        </div>
      </div>
      <p className="diff-legend hint">
        From <strong>{beforeLabel}</strong> to <strong>{afterLabel}</strong>: <del>removed text</del>{' '}
        <ins>added text</ins>. Keys: <kbd>j</kbd> next change, <kbd>k</kbd> previous.
      </p>

      {rows.metadata.length > 0 && (
        <section className="diff-section" aria-labelledby={`${idPrefix}details`}>
          <h2 className="panel-title" id={`${idPrefix}details`}>
            Details
          </h2>
          <dl className="diff-fields">
            {rows.metadata.map(({ key, changeNumber, change }) => (
              <div key={key} className="diff-field" id={targetId(changeNumber)} tabIndex={-1}>
                <dt>{change.label}</dt>
                <dd>
                  <span className="diff-field-value">
                    <span className="visually-hidden">{beforeLabel}: </span>
                    <Parts parts={fieldParts(change, 'before')} />
                  </span>
                  <span className="diff-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="diff-field-value">
                    <span className="visually-hidden">, {afterLabel}: </span>
                    <Parts parts={fieldParts(change, 'after')} />
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section className="diff-section" aria-labelledby={`${idPrefix}body`}>
        <h2 className="panel-title" id={`${idPrefix}body`}>
          Body
        </h2>
        {layout === 'side-by-side' && (
          <div className="diff-columns diff-column-heads" aria-hidden="true">
            <p>{beforeLabel}</p>
            <p>{afterLabel}</p>
          </div>
        )}
        {rows.body.length === 0 || rows.body.every((row) => row.kind === 'unchanged-run') ? (
          <p className="diff-empty">The body is the same in both versions.</p>
        ) : null}
        {rows.body.map((row) =>
          row.kind === 'unchanged-run' ? (
            <UnchangedRun key={row.key} row={row} layout={layout} isExpanded={expanded.has(row.key)} onToggle={() => toggleRun(row.key)} />
          ) : (
            <div
              key={row.key}
              id={targetId(row.changeNumber)}
              tabIndex={-1}
              role="group"
              aria-label={`Change ${row.changeNumber} of ${total}: ${row.label}`}
              className={`diff-change diff-change--${row.change.kind}`}
            >
              <p className="diff-label">
                <span className={`diff-badge diff-badge--${row.change.kind}`}>{row.label}</span>
                {row.note && <span className="diff-note">{row.note}</span>}
              </p>
              <ChangeBody change={row.change} layout={layout} beforeLabel={beforeLabel} afterLabel={afterLabel} />
            </div>
          ),
        )}
      </section>
    </div>
  );
}

function LayoutButton({ layout, current, onSelect, children }: { layout: Layout; current: Layout; onSelect: (layout: Layout) => void; children: ReactNode }) {
  return (
    <button type="button" className="tool-button" aria-pressed={layout === current} onClick={() => onSelect(layout)}>
      {children}
    </button>
  );
}

function UnchangedRun({
  row,
  layout,
  isExpanded,
  onToggle,
}: {
  row: Extract<BodyRow, { kind: 'unchanged-run' }>;
  layout: Layout;
  isExpanded: boolean;
  onToggle: () => void;
}) {
  const count = row.blocks.length;
  return (
    <div className="diff-unchanged">
      <button type="button" className="button button-quiet button-small diff-unchanged-toggle" aria-expanded={isExpanded} onClick={onToggle}>
        {isExpanded ? `Hide ${count} unchanged ${count === 1 ? 'paragraph' : 'paragraphs'}` : row.showLabel}
      </button>
      {isExpanded &&
        row.blocks.map(({ newIndex, block }) => {
          const parts: Part[] = [{ kind: 'equal', text: blockText(block) }];
          return layout === 'inline' ? (
            <Block key={newIndex} block={block} parts={parts} />
          ) : (
            <div key={newIndex} className="diff-columns">
              <Block block={block} parts={parts} />
              <Block block={block} parts={parts} />
            </div>
          );
        })}
    </div>
  );
}

function ChangeBody({ change, layout, beforeLabel, afterLabel }: { change: BlockEdit; layout: Layout; beforeLabel: string; afterLabel: string }) {
  const [before, after] = sides(change);
  if (layout === 'inline') {
    const block = change.kind === 'changed' ? change.after : change.block;
    const parts =
      change.kind === 'changed' ? change.words : [{ kind: kindOfWhole(change), text: blockText(change.block) } satisfies Part];
    return <Block block={block} parts={parts} />;
  }
  return (
    <div className="diff-columns">
      <Cell label={beforeLabel} side={before} absentText={change.kind === 'moved' ? `Was paragraph ${change.oldIndex + 1}` : 'Not in this version'} />
      <Cell label={afterLabel} side={after} absentText="Not in this version" />
    </div>
  );
}

function Cell({ label, side, absentText }: { label: string; side: Side; absentText: string }) {
  return (
    <div className="diff-cell">
      <p className="diff-cell-label">{label}</p>
      {side ? <Block block={side.block} parts={side.parts} /> : <p className="diff-absent">{absentText}</p>}
    </div>
  );
}

/** The block's text as plain text, shaped by its kind: heading, list, quote, figure, divider. */
function Block({ block, parts }: { block: BodyBlock; parts: Part[] }) {
  const level = block.type === 'heading' ? ` diff-block--h${block.attrs.level}` : '';
  const isEmpty = parts.every((part) => part.text.length === 0);
  return (
    <div className={`diff-block diff-block--${block.type}${level}`}>
      {isEmpty ? <span className="diff-absent">(empty paragraph)</span> : <Parts parts={parts} />}
    </div>
  );
}

function Parts({ parts }: { parts: Part[] }) {
  if (parts.length === 0) return <span className="diff-absent">(empty)</span>;
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'insert' ? <ins key={index}>{part.text}</ins> : part.kind === 'delete' ? <del key={index}>{part.text}</del> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}

type Side = { block: BodyBlock; parts: Part[] } | null;

function sides(change: BlockEdit): [Side, Side] {
  switch (change.kind) {
    case 'added':
      return [null, { block: change.block, parts: [{ kind: 'insert', text: blockText(change.block) }] }];
    case 'removed':
      return [{ block: change.block, parts: [{ kind: 'delete', text: blockText(change.block) }] }, null];
    case 'moved':
      return [null, { block: change.block, parts: [{ kind: 'equal', text: blockText(change.block) }] }];
    case 'changed':
      return [
        { block: change.before, parts: change.words.filter((word) => word.kind !== 'insert') },
        { block: change.after, parts: change.words.filter((word) => word.kind !== 'delete') },
      ];
  }
}

function kindOfWhole(change: Exclude<BlockEdit, { kind: 'changed' }>): Part['kind'] {
  return change.kind === 'added' ? 'insert' : change.kind === 'removed' ? 'delete' : 'equal';
}

function fieldParts(change: MetadataChange, side: 'before' | 'after'): Part[] {
  if (change.words) return change.words.filter((word) => word.kind !== (side === 'before' ? 'insert' : 'delete'));
  const text = side === 'before' ? change.before : change.after;
  return text.length > 0 ? [{ kind: side === 'before' ? 'delete' : 'insert', text }] : [];
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
