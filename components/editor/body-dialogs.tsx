'use client';

import type { Editor } from '@tiptap/react';
import type { CitableSource } from './citable-source';
import { CitationDialog } from './citation-dialog';
import { EntityPicker } from './entity-picker';
import { ImageDialog, type FigureAttributes } from './image-dialog';
import { LinkDialog } from './link-dialog';

export type BodyDialog = 'link' | 'image' | 'entity' | 'cite';

/** The dialogs that change the body at the selection: a link, an image, an entity tag, a citation. */
export function BodyDialogs({
  editor,
  open,
  onClose,
  selectedText,
  returnFocus,
  onCited,
}: {
  editor: Editor;
  open: string | null;
  onClose: () => void;
  selectedText: string;
  returnFocus: () => void;
  onCited: (source: CitableSource) => void;
}) {
  const figure = editor.isActive('figure') ? (editor.getAttributes('figure') as FigureAttributes) : null;
  return (
    <>
      <LinkDialog
        isOpen={open === 'link'}
        initialHref={(editor.getAttributes('link').href as string | undefined) ?? ''}
        onApply={(href) => {
          editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
          onClose();
        }}
        onRemove={() => {
          editor.chain().focus().extendMarkRange('link').unsetLink().run();
          onClose();
        }}
        onClose={onClose}
        returnFocus={returnFocus}
      />
      <EntityPicker
        isOpen={open === 'entity'}
        selectedText={selectedText}
        onPick={(entity) => {
          editor.chain().focus().setEntity(entity.id).run();
          onClose();
        }}
        onClose={onClose}
        returnFocus={returnFocus}
      />
      <CitationDialog
        isOpen={open === 'cite'}
        onCite={({ source, quote, locator }) => {
          onCited(source);
          // A citation goes after the words it backs: never in place of a selection.
          editor.chain().focus().setTextSelection(editor.state.selection.to).insertCitation({ sourceId: source.id, quote, locator }).run();
          onClose();
        }}
        onClose={onClose}
        returnFocus={returnFocus}
      />
      <ImageDialog
        isOpen={open === 'image'}
        initial={figure ?? { src: '', alt: '', caption: '' }}
        onApply={(attributes) => {
          editor.chain().focus().setFigure(attributes).run();
          onClose();
        }}
        onClose={onClose}
        returnFocus={returnFocus}
      />
    </>
  );
}
