import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/editor/article-editor';
import { getArticleForEditor } from '@/lib/articles/studio-queries';
import { requireStudioActor } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { NotFoundError } from '@/lib/errors';
import { listSections } from '@/lib/sections';
import { listBylineCandidates } from '@/lib/users/user-service';
import { idSchema } from '@/lib/validation';
import { findOpenReturnNote } from '@/lib/articles/review-queries';
import { describeSchedule } from '@/lib/articles/scheduling';
import {
  cancelScheduleAction,
  publishArticleAction,
  returnArticleAction,
  scheduleArticleAction,
  submitArticleAction,
  unpublishArticleAction,
} from '../../actions/article-actions';

export const metadata = { title: 'Editor' };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStudioActor(`/studio/articles/${encodeURIComponent(id)}`);
  const articleId = idSchema.safeParse(id);
  if (!articleId.success) notFound();
  const article = await getArticleForEditor(actor, articleId.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [sections, people, schedule, returnNote] = await Promise.all([
    listSections(),
    listBylineCandidates(),
    describeSchedule(article.id),
    findOpenReturnNote(article.id),
  ]);

  return (
    <ArticleEditor
      article={{
        ...article,
        firstPublishedAt: article.firstPublishedAt?.toISOString() ?? null,
        lastPublishedAt: article.lastPublishedAt?.toISOString() ?? null,
        workingCopy: { ...article.workingCopy, updatedAt: article.workingCopy.updatedAt.toISOString() },
      }}
      sections={sections}
      people={people}
      actions={{
        submit: submitArticleAction,
        publish: publishArticleAction,
        unpublish: unpublishArticleAction,
        returnToDraft: returnArticleAction,
        schedule: scheduleArticleAction,
        cancelSchedule: cancelScheduleAction,
      }}
      schedule={schedule}
      returnNote={returnNote ? { ...returnNote, at: returnNote.at.toISOString() } : null}
      defaultTimeZone={getConfig().timeZone}
    />
  );
}
