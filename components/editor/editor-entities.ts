import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/*
 * The editor's view of entity tags, read from the live ProseMirror document: the text of
 * each textblock (as the suggestion service reads it: a hard break is one "\n", so offsets
 * map one to one onto document positions), its tagged spans, and how to change them.
 */

export type Span = { from: number; to: number };
export type TaggedSpan = Span & { entityId: number };
export type Textblock = { index: number; pos: number; text: string; tagged: TaggedSpan[] };

export function readTextblocks(doc: ProseMirrorNode): Textblock[] {
  const blocks: Textblock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = '';
    const tagged: TaggedSpan[] = [];
    node.forEach((child) => {
      const from = text.length;
      text += child.isText ? (child.text ?? '') : '\n';
      const mark = child.marks.find((candidate) => candidate.type.name === 'entity');
      if (!mark) return;
      const entityId = Number(mark.attrs.entityId);
      const last = tagged.at(-1);
      if (last && last.entityId === entityId && last.to === from) last.to = text.length;
      else tagged.push({ entityId, from, to: text.length });
    });
    blocks.push({ index: blocks.length, pos, text, tagged });
    return false;
  });
  return blocks;
}

/** Document positions of a span of a textblock's text. */
export function positionsOf(block: Textblock, span: Span): Span {
  return { from: block.pos + 1 + span.from, to: block.pos + 1 + span.to };
}

/** Each tagged entity with its number of mentions and where they are, in order of first mention. */
export function taggedEntities(blocks: Textblock[]): Array<{ entityId: number; spans: Span[] }> {
  const byEntity = new Map<number, Span[]>();
  for (const block of blocks) {
    for (const span of block.tagged) {
      const spans = byEntity.get(span.entityId) ?? [];
      spans.push(positionsOf(block, span));
      byEntity.set(span.entityId, spans);
    }
  }
  return [...byEntity].map(([entityId, spans]) => ({ entityId, spans }));
}

/** Tags a span, if the text there is still what the suggestion saw. */
export function tagSpan(editor: Editor, { block, from, to, text, entityId }: { block: number; from: number; to: number; text: string; entityId: number }): boolean {
  const current = readTextblocks(editor.state.doc)[block];
  if (!current || current.text.slice(from, to) !== text) return false;
  const range = positionsOf(current, { from, to });
  return editor.chain().setTextSelection(range).setEntity(entityId).setTextSelection(range.to).run();
}

/** Removes every tag of one entity from the article. */
export function untagEntity(editor: Editor, entityId: number): void {
  const markType = editor.schema.marks.entity;
  if (!markType) return;
  const spans = taggedEntities(readTextblocks(editor.state.doc)).find((entry) => entry.entityId === entityId)?.spans ?? [];
  editor
    .chain()
    .command(({ tr }) => {
      for (const span of spans) tr.removeMark(span.from, span.to, markType.create({ entityId }));
      return true;
    })
    .run();
}

/** Selects and shows a mention. */
export function showSpan(editor: Editor, span: Span): void {
  editor.chain().focus().setTextSelection(span).scrollIntoView().run();
}
