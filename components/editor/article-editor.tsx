'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { slugify } from '@/lib/articles/slug';
import type { BodyDocument } from '@/lib/content/body-document';
import { CitationNode } from '@/lib/content/citation-node';
import { bodyExtensions } from '@/lib/content/extensions';
import { ConflictResolver } from './conflict-resolver';
import { EditorToolbar } from './editor-toolbar';
import { EntityPanel } from './entity-panel';
import { BodyDialogs, type BodyDialog } from './body-dialogs';
import { CoverageHighlight } from './coverage-highlight';
import { CoveragePanel } from './coverage-panel';
import { readCoverage } from './editor-coverage';
import { HeadlineFields } from './headline-fields';
import { Errors, MetaFields } from './meta-fields';
import { PresenceBanner } from './presence-banner';
import { PublishDialog, type PublishChoices } from './publish-dialog';
import { ReturnDialog } from './return-dialog';
import { SaveStatus } from './save-status';
import { SchedulePanel, type ScheduleInfo } from './schedule-panel';
import type { ApiError, CurrentWorkingCopy, EditorArticleProps, EditorFields, WorkflowActions, WorkflowInput } from './types';
import { useAutosave } from './use-autosave';
import { useCoverage } from './use-coverage';
import { useEditLease } from './use-edit-lease';
import { useSourceLabels } from './use-source-labels';
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
 * One tab at a time edits (the lease); others read, or take over.
 */
export function ArticleEditor({
  article,
  sections,
  people,
  actions,
  schedule,
  returnNote,
  defaultTimeZone,
}: {
  article: EditorArticleProps;
  sections: Array<{ id: number; name: string }>;
  people: Array<{ id: number; name: string }>;
  actions: WorkflowActions;
  schedule: ScheduleInfo | null;
  returnNote: { author: string; body: string; at: string } | null;
  defaultTimeZone: string;
}) {
  const router = useRouter();
  const copy = article.workingCopy;
  const initialFields: EditorFields = {
    headline: copy.headline,
    standfirst: copy.standfirst,
    slug: copy.slug,
    sectionId: copy.sectionId,
    bylineIds: copy.bylineIds,
  };
  const [fields, setFields] = useState<EditorFields>(initialFields);
  const [isSlugLinked, setSlugLinked] = useState(!article.firstPublishedAt && copy.slug === slugify(copy.headline));
  const [dialog, setDialog] = useState<BodyDialog | 'return' | 'publish' | null>(null);
  const [unsourcedAtPublish, setUnsourcedAtPublish] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;

  const lease = useEditLease({ articleId: article.id, canEdit: article.can.edit });
  const canType = article.can.edit && lease.status.kind === 'held';

  // Citation markers show their source on hover and focus; the labels arrive by fetch.
  const sourceLabels = useRef(new Map<number, string>());
  const editor = useEditor({
    extensions: [
      ...bodyExtensions.map((extension) =>
        extension.name === 'citation' ? CitationNode.configure({ labels: { get: (id) => sourceLabels.current.get(id) } }) : extension,
      ),
      Placeholder.configure({ placeholder: 'Write the story…' }),
      CoverageHighlight,
    ],
    content: copy.body,
    editable: false,
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
    initialDraft: { ...initialFields, body: copy.body },
    readDraft,
    tabId: lease.tabId,
    onLocked: lease.markLost,
    enabled: canType,
  });
  const saveState = autosave.state;
  const coverage = useCoverage(editor);
  const citedSources = useSourceLabels(editor, coverage?.cited.map((entry) => entry.sourceId) ?? [], sourceLabels.current);
  const fieldErrors = saveState.kind === 'invalid' ? saveState.fieldErrors : {};

  // The editor is writable only while this tab holds the lease, and not while a conflict
  // waits for a decision.
  const isInConflict = autosave.conflict !== null;
  useEffect(() => {
    // Without `false` Tiptap announces this as an update, and opening an article would save it.
    editor?.setEditable(canType && !isInConflict, false);
  }, [editor, canType, isInConflict]);
  // Regaining the lease (a takeover, a resume): held-back edits go out again, or, with
  // nothing unsaved, the editor catches up with what others saved meanwhile.
  const hasEditedBefore = useRef(false);
  useEffect(() => {
    if (!canType) return;
    if (hasEditedBefore.current && !autosave.hasUnsavedEdits()) void catchUp();
    else autosave.resume();
    hasEditedBefore.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canType]);

  async function catchUp() {
    const response = await fetch(`/api/studio/articles/${article.id}/working-copy`).catch(() => null);
    if (!response?.ok) return autosave.resume();
    const current = (await response.json()) as CurrentWorkingCopy;
    if (current.version !== autosave.version.current) {
      replaceContent(current);
      autosave.adoptVersion(current);
    } else {
      autosave.resume();
    }
  }

  function change(update: Partial<EditorFields>) {
    setFields((previous) => {
      const next = { ...previous, ...update };
      if (update.headline !== undefined && isSlugLinked && slugify(update.headline)) next.slug = slugify(update.headline);
      fieldsRef.current = next;
      return next;
    });
    autosave.markChanged();
  }

  function replaceContent(next: CurrentWorkingCopy | (EditorFields & { body: BodyDocument })) {
    const nextFields = { headline: next.headline, standfirst: next.standfirst, slug: next.slug, sectionId: next.sectionId, bylineIds: next.bylineIds };
    fieldsRef.current = nextFields;
    setFields(nextFields);
    editorRef.current?.commands.setContent(next.body, { emitUpdate: false });
  }

  async function flushFirst(): Promise<boolean> {
    if (!canType) return true;
    if (await autosave.flush()) return true;
    setMessage({ tone: 'error', text: 'Your latest changes are not saved yet, so nothing else was done. See the save status.' });
    return false;
  }

  /** Runs a workflow step; answers with the error, or null once it is done. */
  async function runStep(step: WorkflowStep, extra: Omit<WorkflowInput, 'articleId' | 'expectedVersion'> = {}): Promise<ApiError | null> {
    setBusy(true);
    setMessage(null);
    if (!(await flushFirst())) {
      setBusy(false);
      return { code: 'not_saved', message: 'Your latest changes are not saved yet, so nothing else was done.' };
    }
    const result = await actions[step]({ articleId: article.id, expectedVersion: autosave.version.current, ...extra });
    setBusy(false);
    if (result.ok) {
      setMessage({ tone: 'success', text: STEP_MESSAGES[step] });
      setDialog(null);
      if (step === 'returnToDraft') await lease.handBack();
      router.refresh();
      return null;
    }
    const details = result.error.fieldErrors ? Object.values(result.error.fieldErrors).flat().join(' ') : '';
    setMessage({ tone: 'error', text: [result.error.message, details].filter(Boolean).join(' ') });
    return result.error;
  }

  /**
   * Publishing asks first when there is something to ask: a reason for unsourced claims
   * (read afresh, not from the settled panel), or a notice when republishing.
   */
  function startPublishing() {
    const unsourced = editor ? readCoverage(editor.state.doc).report.flagged.map((claim) => claim.sentence) : [];
    if (unsourced.length === 0 && !article.firstPublishedAt) return void runStep('publish');
    setUnsourcedAtPublish(unsourced);
    setDialog('publish');
  }

  async function publishWith(choices: PublishChoices) {
    const error = await runStep('publish', choices);
    if (!error) return null;
    return error.fieldErrors ?? error.message;
  }

  async function saveRevision() {
    setMessage(null);
    await autosave.saveNow();
    router.refresh();
  }

  // Ctrl+S / Cmd+S saves a revision instead of the browser's "save page"; Ctrl+K links;
  // Ctrl+Alt+C cites; Ctrl+Shift+E tags.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (canType) void saveRevision();
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k' && editorRef.current?.isFocused) {
        event.preventDefault();
        setDialog('link');
      }
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyC' && editorRef.current?.isFocused) {
        event.preventDefault();
        if (canType) setDialog('cite');
      }
      if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'e' && editorRef.current?.isFocused) {
        event.preventDefault();
        if (canType) openEntityPicker();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const returnFocus = useCallback(() => editorRef.current?.commands.focus(), []);
  const [selectedText, setSelectedText] = useState('');
  function openEntityPicker() {
    const current = editorRef.current;
    if (!current) return;
    if (current.isActive('entity')) current.chain().extendMarkRange('entity').run();
    const { from, to } = current.state.selection;
    setSelectedText(current.state.doc.textBetween(from, to, ' ').trim());
    setDialog('entity');
  }
  const unsavedText =
    lease.status.kind === 'lost' && autosave.hasUnsavedEdits()
      ? [fields.headline, fields.standfirst, editor?.getText({ blockSeparator: '\n\n' }) ?? ''].join('\n\n')
      : null;

  return (
    <div className="editor-page">
      <h1 className="visually-hidden">Edit article: {fields.headline || 'Untitled'}</h1>
      <div className="editor-main">
        <PresenceBanner
          status={lease.status}
          unsavedText={unsavedText}
          onTakeOver={() => void lease.takeOver()}
          onResume={() => void lease.resume()}
        />
        {autosave.conflict && (
          <ConflictResolver
            current={autosave.conflict}
            base={autosave.base.current}
            mine={readDraft() ?? { ...fields, body: copy.body }}
            people={people}
            sections={sections}
            onTakeTheirs={() => {
              const theirs = autosave.conflict!;
              replaceContent(theirs);
              autosave.adoptVersion(theirs);
              router.refresh();
            }}
            onSettle={async (result, intent) => {
              const theirs = autosave.conflict!;
              replaceContent(result);
              await autosave.settleConflict(theirs, intent);
              router.refresh();
            }}
          />
        )}
        {returnNote && (
          <section className="return-note" aria-labelledby="return-note-title">
            <h2 id="return-note-title">Returned by {returnNote.author}</h2>
            <p>{returnNote.body}</p>
          </section>
        )}
        {!article.can.edit && (
          <p className="notice notice-info">
            You can read this article but not change it
            {article.status === 'draft' ? ': it belongs to someone else.' : ': only editors can change it now.'}
          </p>
        )}
        <HeadlineFields
          headline={fields.headline}
          standfirst={fields.standfirst}
          isReadOnly={!canType}
          fieldErrors={fieldErrors}
          onChange={change}
        />
        <div className="editor-frame">
          {editor && canType && (
            <EditorToolbar
              editor={editor}
              onLink={() => setDialog('link')}
              onImage={() => setDialog('image')}
              onTag={openEntityPicker}
              onCite={() => setDialog('cite')}
            />
          )}
          <EditorContent editor={editor} />
        </div>
        <Errors id="body-error" messages={fieldErrors.body} />
      </div>

      <aside className="editor-side" aria-label="Article details">
        <SaveStatus state={saveState} />
        <WorkflowPanel
          article={article}
          canType={canType}
          onStep={(step) => {
            if (step === 'returnToDraft') setDialog('return');
            else if (step === 'publish') startPublishing();
            else void runStep(step);
          }}
          onSave={saveRevision}
          busy={busy}
          message={message}
        />
        {article.can.publish && (
          <SchedulePanel
            articleId={article.id}
            status={article.status}
            schedule={schedule}
            defaultTimeZone={defaultTimeZone}
            getVersion={() => autosave.version.current}
            unsourcedCount={coverage?.report.flagged.length ?? 0}
            flush={flushFirst}
            scheduleAction={actions.schedule}
            cancelAction={actions.cancelSchedule}
            onScheduled={(text) => {
              setMessage({ tone: 'success', text });
              router.refresh();
            }}
          />
        )}
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
            isReadOnly={!canType}
            canChangeBylines={article.can.changeBylines}
            isSlugLinked={isSlugLinked}
            onUnlinkSlug={() => setSlugLinked(false)}
          />
        </section>
        {editor && (
          <CoveragePanel
            editor={editor}
            coverage={coverage}
            sources={citedSources.known}
            canType={canType}
            onCiteAt={(pos) => {
              editor.chain().focus().setTextSelection(pos).run();
              setDialog('cite');
            }}
          />
        )}
        {editor && <EntityPanel editor={editor} canType={canType} />}
      </aside>

      <ReturnDialog
        isOpen={dialog === 'return'}
        onReturn={async (note) => (await runStep('returnToDraft', { note }))?.message ?? null}
        onClose={() => setDialog(null)}
      />
      <PublishDialog
        isOpen={dialog === 'publish'}
        isRepublish={article.firstPublishedAt !== null}
        unsourced={unsourcedAtPublish}
        onPublish={publishWith}
        onClose={() => setDialog(null)}
      />
      {editor && (
        <BodyDialogs
          editor={editor}
          open={dialog}
          onClose={() => setDialog(null)}
          selectedText={selectedText}
          returnFocus={returnFocus}
          onCited={(source) => citedSources.remember([source])}
        />
      )}
    </div>
  );
}
