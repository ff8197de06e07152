import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/editor/article-editor';
import { getArticleForEditor } from '@/lib/articles/studio-queries';
import { requireStudioActor } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { listSections } from '@/lib/sections';
import { listBylineCandidates } from '@/lib/users/user-service';
import { idSchema } from '@/lib/validation';
import {
  publishArticleAction,
  returnArticleAction,
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
  const [sections, people] = await Promise.all([listSections(), listBylineCandidates()]);

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
      }}
    />
  );
}
