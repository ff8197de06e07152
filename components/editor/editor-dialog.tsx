'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/** A modal <dialog>: focus moves in when it opens and back when it closes; Escape cancels. */
export function EditorDialog({
  title,
  isOpen,
  onClose,
  children,
}: {
  title: string;
  isOpen: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);

  return (
    <dialog ref={dialog} className="editor-dialog" aria-labelledby={`${title}-title`} onClose={onClose}>
      <h2 id={`${title}-title`}>{title}</h2>
      {isOpen && children}
    </dialog>
  );
}
