import Link from 'next/link';
import { NewArticleForm } from '@/components/studio/new-article-form';
import { requireStudioActor } from '@/lib/auth/session';
import { listSections } from '@/lib/sections';
import { createArticleAction } from '../../actions/article-actions';

export const metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await requireStudioActor('/studio/articles/new');
  const sections = await listSections();
  return (
    <div className="studio-page studio-narrow">
      <div className="page-heading">
        <h1>New article</h1>
      </div>
      <p className="lede">Start with a headline and a section. You will write the rest in the editor.</p>
      <NewArticleForm sections={sections} create={createArticleAction} />
      <p className="hint">
        Written elsewhere? <Link href="/studio/articles/import">Import it from Markdown or HTML</Link>.
      </p>
    </div>
  );
}
