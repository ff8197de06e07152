'use client';

import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { showUnsourced } from './coverage-highlight';
import { readCoverage, type EditorCoverage } from './editor-coverage';

const SETTLE_MS = 250;

/**
 * Citation coverage of the text as it is typed: assessed once the typing settles (and
 * whenever the text is replaced, by a takeover or a conflict), with the unsourced
 * sentences underlined in the editor.
 */
export function useCoverage(editor: Editor | null): EditorCoverage | null {
  const [coverage, setCoverage] = useState<EditorCoverage | null>(null);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const assess = () => {
      if (editor.isDestroyed) return;
      const next = readCoverage(editor.state.doc);
      setCoverage(next);
      editor.view.dispatch(showUnsourced(editor.state, next.ranges));
    };
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      clearTimeout(timer);
      timer = setTimeout(assess, SETTLE_MS);
    };
    assess();
    editor.on('transaction', onTransaction);
    return () => {
      clearTimeout(timer);
      editor.off('transaction', onTransaction);
    };
  }, [editor]);
  return coverage;
}
