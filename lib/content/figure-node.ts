import { mergeAttributes, Node } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts an image (by URL) with its alt text and caption, or updates the selected one. */
      setFigure: (attributes: { src: string; alt: string; caption: string }) => ReturnType;
    };
  }
}

/**
 * An image by URL with alt text and a caption: one block, edited through a dialog.
 * Its renderHTML is what readers get (through the server renderer) and what the editor shows.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: { default: null },
      alt: { default: '' },
      caption: { default: '' },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure',
        getAttrs: (element) => {
          const image = element.querySelector('img');
          if (!image) return false;
          return {
            src: image.getAttribute('src'),
            alt: image.getAttribute('alt') ?? '',
            caption: element.querySelector('figcaption')?.textContent ?? '',
          };
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { src, alt, caption } = node.attrs as { src: string; alt: string; caption: string };
    const image = ['img', { src, alt, loading: 'lazy', decoding: 'async' }] as const;
    const rest = { ...HTMLAttributes };
    delete rest.src;
    delete rest.alt;
    delete rest.caption;
    const attributes = mergeAttributes(rest, { class: 'article-figure' });
    return caption ? ['figure', attributes, image, ['figcaption', {}, caption]] : ['figure', attributes, image];
  },

  addCommands() {
    return {
      setFigure:
        (attributes) =>
        ({ commands, state }) => {
          const selected = state.selection as { node?: { type: { name: string } } };
          if (selected.node?.type.name === this.name) {
            return commands.updateAttributes(this.name, attributes);
          }
          return commands.insertContent({ type: this.name, attrs: attributes });
        },
    };
  },
});
