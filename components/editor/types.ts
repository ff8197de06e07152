import type { EditorArticle } from '@/lib/articles/studio-queries';
import type { BodyDocument } from '@/lib/content/body-document';
import type { ErrorBody, FieldErrors } from '@/lib/errors';
import type { ActionResult } from '@/lib/http/action-result';

/** The editor page's props, with dates as ISO strings (they cross to the browser). */
export type EditorArticleProps = Omit<EditorArticle, 'firstPublishedAt' | 'lastPublishedAt' | 'workingCopy'> & {
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  workingCopy: Omit<EditorArticle['workingCopy'], 'updatedAt'> & { updatedAt: string };
};

/** What the server answers a stale save with: the working copy as it now stands. */
export type CurrentWorkingCopy = {
  version: number;
  headline: string;
  standfirst: string;
  slug: string;
  sectionId: number;
  bylineIds: number[];
  body: BodyDocument;
  updatedAt: string;
  updatedBy: { id: number; name: string };
};

export type EditorFields = {
  headline: string;
  standfirst: string;
  slug: string;
  sectionId: number;
  bylineIds: number[];
};

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string; retrying: boolean }
  | { kind: 'invalid'; message: string; fieldErrors: FieldErrors }
  | { kind: 'conflict'; message: string; current: CurrentWorkingCopy }
  | { kind: 'locked'; message: string };

export type WorkflowInput = {
  articleId: number;
  expectedVersion: number;
  note?: string | undefined;
  notice?: { kind: string; body: string } | undefined;
  coverageOverride?: string | undefined;
};
export type WorkflowAction = (input: WorkflowInput) => Promise<ActionResult<{ status: string; slug: string; revisionNumber: number | null }>>;
export type WorkflowActions = {
  submit: WorkflowAction;
  publish: WorkflowAction;
  unpublish: WorkflowAction;
  returnToDraft: WorkflowAction;
  schedule: (input: unknown) => Promise<ActionResult<unknown>>;
  cancelSchedule: (input: unknown) => Promise<ActionResult<unknown>>;
};

export type ApiError = ErrorBody['error'];
