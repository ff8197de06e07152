import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

const key = new PluginKey<DecorationSet>('coverage-highlight');

/**
 * Underlines the sentences whose claims have no source. Editor-only (it never changes the
 * schema): the coverage panel computes the ranges and hands them over with
 * `showUnsourced`; between two assessments the underlines follow the text as it moves.
 */
export const CoverageHighlight = Extension.create({
  name: 'coverageHighlight',

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, decorations) => {
            const ranges = tr.getMeta(key) as Array<{ from: number; to: number }> | undefined;
            if (ranges) return DecorationSet.create(tr.doc, ranges.map(toDecoration));
            return decorations.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state: EditorState) => key.getState(state) },
      }),
    ];
  },
});

function toDecoration({ from, to }: { from: number; to: number }): Decoration {
  return Decoration.inline(from, to, { class: 'unsourced-claim', title: 'No source for this claim yet' });
}

/** The transaction meta that replaces the underlined ranges. */
export function showUnsourced(state: EditorState, ranges: Array<{ from: number; to: number }>) {
  return state.tr.setMeta(key, ranges).setMeta('addToHistory', false);
}
