import { mergeAttributes, Node } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts a citation of a source at the cursor. */
      insertCitation: (attributes: { sourceId: number; quote?: string | null; locator?: string | null }) => ReturnType;
    };
  }
}

/** Where the editor finds a source's label for the tooltip of its markers. */
export type CitationLabels = { get(sourceId: number): string | undefined };

/**
 * A citation: an inline point in the text that names a source (and optionally the words
 * quoted and a page or timestamp). Readers get a numbered superscript linking to the
 * source list; in the editor the markers are numbered live, in order of first appearance
 * (one source cited three times keeps one number), and show their source on hover/focus.
 */
export const CitationNode = Node.create<{ labels: CitationLabels }>({
  name: 'citation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addOptions() {
    return { labels: { get: () => undefined } };
  },

  addAttributes() {
    return {
      sourceId: {
        default: null,
        parseHTML: (element) => Number(element.getAttribute('data-source-id')) || null,
        renderHTML: (attributes) => ({ 'data-source-id': String(attributes.sourceId) }),
      },
      quote: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-quote'),
        renderHTML: (attributes) => (attributes.quote ? { 'data-quote': attributes.quote } : {}),
      },
      locator: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-locator'),
        renderHTML: (attributes) => (attributes.locator ? { 'data-locator': attributes.locator } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'sup[data-source-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes({ class: 'citation' }, HTMLAttributes)];
  },

  addCommands() {
    return {
      insertCitation:
        (attributes) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { quote: null, locator: null, ...attributes } }),
    };
  },

  addProseMirrorPlugins() {
    const { labels } = this.options;
    return [
      new Plugin({
        key: new PluginKey('citation-numbers'),
        props: {
          decorations: (state) => {
            const numbers = new Map<number, number>();
            const decorations: Decoration[] = [];
            state.doc.descendants((node, pos) => {
              if (node.type.name !== 'citation') return true;
              const sourceId = Number(node.attrs.sourceId);
              if (!numbers.has(sourceId)) numbers.set(sourceId, numbers.size + 1);
              const label = labels.get(sourceId);
              decorations.push(
                Decoration.node(pos, pos + node.nodeSize, {
                  'data-number': String(numbers.get(sourceId)),
                  tabindex: '0',
                  title: label ?? `Source #${sourceId}`,
                  'aria-label': `Citation ${numbers.get(sourceId)}: ${label ?? `source #${sourceId}`}`,
                }),
              );
              return false;
            });
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
