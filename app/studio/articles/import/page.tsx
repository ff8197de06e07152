import { ImportForm } from '@/components/studio/import-form';
import { requireStudioActor } from '@/lib/auth/session';
import { listSections } from '@/lib/sections';
import { importArticleAction } from '../../actions/import-actions';

export const metadata = { title: 'Import an article' };

export default async function ImportArticlePage() {
  await requireStudioActor('/studio/articles/import');
  const sections = await listSections();
  return (
    <div className="studio-page studio-narrow">
      <div className="page-heading">
        <h1>Import an article</h1>
      </div>
      <p className="lede">
        Paste an article written elsewhere. Its first line (or its main heading) becomes the headline; it becomes a draft
        with your byline, which you finish in the editor.
      </p>
      <ImportForm sections={sections} importArticle={importArticleAction} />
    </div>
  );
}
