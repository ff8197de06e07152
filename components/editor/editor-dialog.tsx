'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal <dialog>: focus moves in when it opens; Escape cancels. When it has closed,
 * `returnFocus` puts the caret back where the person was writing (while the dialog is
 * open the page behind it is inert, so it cannot be focused any earlier).
 */
export function EditorDialog({
  title,
  isOpen,
  onClose,
  returnFocus,
  children,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  returnFocus: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) {
      element.close();
      returnFocus();
    }
  }, [isOpen, returnFocus]);

  return (
    <dialog ref={dialog} className="editor-dialog" aria-labelledby={`${title}-title`} onClose={onClose}>
      <h2 id={`${title}-title`}>{title}</h2>
      {isOpen && children}
    </dialog>
  );
}
