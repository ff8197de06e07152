'use server';

import { redirect } from 'next/navigation';
import { createArticle } from '@/lib/articles/article-saving';
import {
  publishArticle,
  returnArticleToDraft,
  submitArticle,
  unpublishArticle,
  type WorkflowResult,
} from '@/lib/articles/article-workflow';
import { restoreRevision } from '@/lib/articles/revision-restore';
import type { SaveResult } from '@/lib/articles/article-saving';
import { cancelSchedule, scheduleArticle, type ScheduleResult } from '@/lib/articles/scheduling';
import { requireActor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action-result';

/*
 * Thin endpoints: each authenticates, then hands the untrusted input to a service that
 * parses it and checks permission itself. Every export here is a public endpoint.
 */

export async function createArticleAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  let articleId = 0;
  const result = await runAction(async () => {
    const actor = await requireActor();
    const created = await createArticle(actor, { headline: form.get('headline'), sectionId: form.get('sectionId') });
    articleId = created.id;
    return null;
  });
  if (result.ok) redirect(`/studio/articles/${articleId}`);
  return result;
}

export async function submitArticleAction(input: unknown): Promise<ActionResult<WorkflowResult>> {
  return runAction(async () => submitArticle(await requireActor(), input));
}

export async function returnArticleAction(input: unknown): Promise<ActionResult<WorkflowResult>> {
  return runAction(async () => returnArticleToDraft(await requireActor(), input));
}

export async function publishArticleAction(input: unknown): Promise<ActionResult<WorkflowResult>> {
  return runAction(async () => publishArticle(await requireActor(), input));
}

export async function unpublishArticleAction(input: unknown): Promise<ActionResult<WorkflowResult>> {
  return runAction(async () => unpublishArticle(await requireActor(), input));
}

export async function scheduleArticleAction(input: unknown): Promise<ActionResult<ScheduleResult>> {
  return runAction(async () => scheduleArticle(await requireActor(), input));
}

export async function cancelScheduleAction(input: unknown): Promise<ActionResult<null>> {
  return runAction(async () => {
    await cancelSchedule(await requireActor(), input);
    return null;
  });
}

export async function restoreRevisionAction(input: unknown): Promise<ActionResult<SaveResult>> {
  return runAction(async () => restoreRevision(await requireActor(), input));
}
