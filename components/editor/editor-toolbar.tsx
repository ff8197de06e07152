'use client';

import { useEditorState, type Editor } from '@tiptap/react';

/** Formatting buttons. Each says what it does (aria-label) and whether it is on (aria-pressed). */
export function EditorToolbar({
  editor,
  onLink,
  onImage,
  onTag,
  onCite,
}: {
  editor: Editor;
  onLink: () => void;
  onImage: () => void;
  onTag: () => void;
  onCite: () => void;
}) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      link: current.isActive('link'),
      figure: current.isActive('figure'),
      entity: current.isActive('entity'),
      hasSelection: !current.state.selection.empty,
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <ToolButton label="Bold" shortcut="Ctrl+B" pressed={active.bold} onClick={() => chain().toggleBold().run()}>
        <b>B</b>
      </ToolButton>
      <ToolButton label="Italic" shortcut="Ctrl+I" pressed={active.italic} onClick={() => chain().toggleItalic().run()}>
        <i>I</i>
      </ToolButton>
      <span className="toolbar-gap" />
      <ToolButton label="Heading" pressed={active.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
        H2
      </ToolButton>
      <ToolButton label="Subheading" pressed={active.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
        H3
      </ToolButton>
      <ToolButton label="Bulleted list" pressed={active.bulletList} onClick={() => chain().toggleBulletList().run()}>
        • List
      </ToolButton>
      <ToolButton label="Numbered list" pressed={active.orderedList} onClick={() => chain().toggleOrderedList().run()}>
        1. List
      </ToolButton>
      <ToolButton label="Quote" pressed={active.blockquote} onClick={() => chain().toggleBlockquote().run()}>
        “ ”
      </ToolButton>
      <ToolButton label="Divider" onClick={() => chain().setHorizontalRule().run()}>
        —
      </ToolButton>
      <span className="toolbar-gap" />
      <ToolButton label="Link" shortcut="Ctrl+K" pressed={active.link} onClick={onLink}>
        Link
      </ToolButton>
      <ToolButton label={active.figure ? 'Edit image' : 'Image'} onClick={onImage}>
        Image
      </ToolButton>
      <ToolButton
        label={active.entity ? 'Change entity tag' : 'Tag entity'}
        shortcut="Ctrl+Shift+E"
        pressed={active.entity}
        disabled={!active.hasSelection && !active.entity}
        onClick={onTag}
      >
        Tag
      </ToolButton>
      <ToolButton label="Cite source" shortcut="Ctrl+Alt+C" onClick={onCite}>
        Cite
      </ToolButton>
      <span className="toolbar-gap" />
      <ToolButton label="Undo" shortcut="Ctrl+Z" disabled={!active.canUndo} onClick={() => chain().undo().run()}>
        ↶
      </ToolButton>
      <ToolButton label="Redo" shortcut="Ctrl+Shift+Z" disabled={!active.canRedo} onClick={() => chain().redo().run()}>
        ↷
      </ToolButton>
    </div>
  );
}

function ToolButton({
  label,
  shortcut,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed === undefined ? undefined : pressed}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
