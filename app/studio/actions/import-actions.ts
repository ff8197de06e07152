'use server';

import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action-result';
import { importArticle } from '@/lib/import/import-articles';

/*
 * The studio's paste-to-import endpoint: authenticates, then hands the untrusted form to
 * the import service, which parses it and checks permission itself.
 */
export async function importArticleAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  let articleId = 0;
  const result = await runAction(async () => {
    const actor = await requireActor();
    const imported = await importArticle(actor, { text: form.get('text'), format: form.get('format'), sectionId: form.get('sectionId') });
    articleId = imported.id;
    return null;
  });
  if (result.ok) redirect(`/studio/articles/${articleId}`);
  return result;
}
