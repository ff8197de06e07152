import { Mark, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    entity: {
      /** Tags the selection as a mention of an entity. */
      setEntity: (entityId: number) => ReturnType;
      /** Removes the entity tag from the selection (or the tag under the cursor). */
      unsetEntity: () => ReturnType;
    };
  }
}

/**
 * A tagged mention: a span of text that names an entity (person, organization, place,
 * event, law or topic). Stored as the entity's id; readers get a link to its dossier
 * (the public renderer maps the id to the entity's page). A mention is not also a link.
 */
export const EntityMark = Mark.create({
  name: 'entity',
  inclusive: false,
  excludes: 'link',

  addAttributes() {
    return {
      entityId: {
        default: null,
        parseHTML: (element) => Number(element.getAttribute('data-entity-id')) || null,
        renderHTML: (attributes) => ({ 'data-entity-id': String(attributes.entityId) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-entity-id]' }, { tag: 'a[data-entity-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'entity-mention' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setEntity:
        (entityId) =>
        ({ commands }) =>
          commands.setMark(this.name, { entityId }),
      unsetEntity:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    };
  },
});
