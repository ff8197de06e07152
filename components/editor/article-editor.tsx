'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { slugify } from '@/lib/articles/slug';
import type { BodyDocument } from '@/lib/content/body-document';
import { bodyExtensions } from '@/lib/content/extensions';
import { ConflictBanner } from './conflict-banner';
import { EditorToolbar } from './editor-toolbar';
import { ImageDialog, type FigureAttributes } from './image-dialog';
import { LinkDialog } from './link-dialog';
import { Errors, MetaFields } from './meta-fields';
import { SaveStatus } from './save-status';
import type { EditorArticleProps, EditorFields, WorkflowAction } from './types';
import { useAutosave } from './use-autosave';
import { WorkflowPanel, type WorkflowStep } from './workflow-panel';

const STEP_MESSAGES: Record<WorkflowStep, string> = {
  submit: 'Submitted for review. An editor will take it from here.',
  publish: 'Published. Readers see this version now.',
  unpublish: 'Unpublished. Readers no longer see this article.',
  returnToDraft: 'Returned to the writer as a draft.',
};

/**
 * The studio editor: headline, standfirst and body on the left, details and workflow on
 * the right. Every change autosaves; the status line says honestly whether it is saved.
 */
export function ArticleEditor({
  article,
  sections,
  people,
  actions,
}: {
  article: EditorArticleProps;
  sections: Array<{ id: number; name: string }>;
  people: Array<{ id: number; name: string }>;
  actions: Record<WorkflowStep, WorkflowAction>;
}) {
  const router = useRouter();
  const isReadOnly = !article.can.edit;
  const copy = article.workingCopy;
  const [fields, setFields] = useState<EditorFields>({
    headline: copy.headline,
    standfirst: copy.standfirst,
    slug: copy.slug,
    sectionId: copy.sectionId,
    bylineIds: copy.bylineIds,
  });
  const [isSlugLinked, setSlugLinked] = useState(!article.firstPublishedAt && copy.slug === slugify(copy.headline));
  const [dialog, setDialog] = useState<'link' | 'image' | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;

  const editor = useEditor({
    extensions: [...bodyExtensions, Placeholder.configure({ placeholder: 'Write the story…' })],
    content: copy.body,
    editable: !isReadOnly,
    immediatelyRender: false,
    editorProps: { attributes: { class: 'editor-prose', 'aria-label': 'Article body', 'aria-multiline': 'true', role: 'textbox' } },
    onUpdate: () => autosave.markChanged(),
  });
  const editorRef = useRef(editor);
  editorRef.current = editor;

  const readDraft = useCallback(() => {
    const current = editorRef.current;
    if (!current) return null;
    return { ...fieldsRef.current, body: current.getJSON() as BodyDocument };
  }, []);

  const autosave = useAutosave({
    articleId: article.id,
    initialVersion: copy.version,
    initialSavedAt: copy.updatedAt,
    readDraft,
    enabled: !isReadOnly,
  });
  const saveState = autosave.state;
  const fieldErrors = saveState.kind === 'invalid' ? saveState.fieldErrors : {};

  function change(update: Partial<EditorFields>) {
    setFields((previous) => {
      const next = { ...previous, ...update };
      if (update.headline !== undefined && isSlugLinked && slugify(update.headline)) next.slug = slugify(update.headline);
      fieldsRef.current = next;
      return next;
    });
    autosave.markChanged();
  }

  async function runStep(step: WorkflowStep) {
    setBusy(true);
    setMessage(null);
    if (!isReadOnly && !(await autosave.flush())) {
      setMessage({ tone: 'error', text: 'Your latest changes are not saved yet, so nothing else was done. See the save status.' });
      setBusy(false);
      return;
    }
    const result = await actions[step]({ articleId: article.id, expectedVersion: autosave.version.current });
    if (result.ok) {
      setMessage({ tone: 'success', text: STEP_MESSAGES[step] });
      router.refresh();
    } else {
      const details = result.error.fieldErrors ? Object.values(result.error.fieldErrors).flat().join(' ') : '';
      setMessage({ tone: 'error', text: [result.error.message, details].filter(Boolean).join(' ') });
    }
    setBusy(false);
  }

  async function saveRevision() {
    setMessage(null);
    await autosave.saveNow();
    router.refresh();
  }

  // Ctrl+S / Cmd+S saves a revision instead of the browser's "save page".
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (!isReadOnly) void saveRevision();
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && editorRef.current?.isFocused) {
        event.preventDefault();
        setDialog('link');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  function loadTheirs() {
    if (saveState.kind !== 'conflict') return;
    const current = saveState.current;
    const next = {
      headline: current.headline,
      standfirst: current.standfirst,
      slug: current.slug,
      sectionId: current.sectionId,
      bylineIds: current.bylineIds,
    };
    fieldsRef.current = next;
    setFields(next);
    editor?.commands.setContent(current.body, { emitUpdate: false });
    autosave.adoptVersion(current);
    router.refresh();
  }

  async function copyMine() {
    const text = [fields.headline, fields.standfirst, editor?.getText({ blockSeparator: '\n\n' }) ?? ''].join('\n\n');
    await navigator.clipboard?.writeText(text).catch(() => {});
    setCopied(true);
  }

  const returnFocus = useCallback(() => editorRef.current?.commands.focus(), []);
  const figure = editor?.isActive('figure') ? (editor.getAttributes('figure') as FigureAttributes) : null;

  return (
    <div className="editor-page">
      <h1 className="visually-hidden">Edit article: {fields.headline || 'Untitled'}</h1>
      <div className="editor-main">
        {saveState.kind === 'conflict' && (
          <ConflictBanner current={saveState.current} onCopyMine={copyMine} onLoadTheirs={loadTheirs} copied={copied} />
        )}
        {isReadOnly && (
          <p className="notice notice-info">
            You can read this article but not change it
            {article.status === 'draft' ? ': it belongs to someone else.' : ': only editors can change it now.'}
          </p>
        )}
        <div className="field headline-field">
          <label htmlFor="headline">Headline</label>
          <textarea
            id="headline"
            className="headline-input"
            rows={2}
            value={fields.headline}
            readOnly={isReadOnly}
            maxLength={200}
            onChange={(event) => change({ headline: event.target.value.replace(/\n/g, ' ') })}
            aria-invalid={fieldErrors.headline ? true : undefined}
            aria-describedby="headline-error"
          />
          <Errors id="headline-error" messages={fieldErrors.headline} />
        </div>
        <div className="field">
          <label htmlFor="standfirst">Standfirst</label>
          <textarea
            id="standfirst"
            className="standfirst-input"
            rows={2}
            value={fields.standfirst}
            readOnly={isReadOnly}
            maxLength={600}
            onChange={(event) => change({ standfirst: event.target.value })}
            aria-invalid={fieldErrors.standfirst ? true : undefined}
            aria-describedby="standfirst-error"
          />
          <Errors id="standfirst-error" messages={fieldErrors.standfirst} />
        </div>
        <div className="editor-frame">
          {editor && !isReadOnly && (
            <EditorToolbar editor={editor} onLink={() => setDialog('link')} onImage={() => setDialog('image')} />
          )}
          <EditorContent editor={editor} />
        </div>
        <Errors id="body-error" messages={fieldErrors.body} />
      </div>

      <aside className="editor-side" aria-label="Article details">
        <SaveStatus state={saveState} />
        <WorkflowPanel article={article} onStep={runStep} onSave={saveRevision} busy={busy} message={message} />
        <section className="panel" aria-labelledby="details-title">
          <h2 id="details-title" className="panel-title">
            Details
          </h2>
          <MetaFields
            fields={fields}
            onChange={change}
            sections={sections}
            people={people}
            fieldErrors={fieldErrors}
            isReadOnly={isReadOnly}
            canChangeBylines={article.can.changeBylines}
            isSlugLinked={isSlugLinked}
            onUnlinkSlug={() => setSlugLinked(false)}
          />
        </section>
      </aside>

      {editor && (
        <>
          <LinkDialog
            isOpen={dialog === 'link'}
            initialHref={(editor.getAttributes('link').href as string | undefined) ?? ''}
            onApply={(href) => {
              editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
              setDialog(null);
            }}
            onRemove={() => {
              editor.chain().focus().extendMarkRange('link').unsetLink().run();
              setDialog(null);
            }}
            onClose={() => setDialog(null)}
            returnFocus={returnFocus}
          />
          <ImageDialog
            isOpen={dialog === 'image'}
            initial={figure ?? { src: '', alt: '', caption: '' }}
            onApply={(attributes) => {
              editor.chain().focus().setFigure(attributes).run();
              setDialog(null);
            }}
            onClose={() => setDialog(null)}
            returnFocus={returnFocus}
          />
        </>
      )}
    </div>
  );
}
