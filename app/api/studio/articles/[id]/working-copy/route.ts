import { saveWorkingCopy } from '@/lib/articles/article-saving';
import { getWorkingCopyState } from '@/lib/articles/studio-queries';
import { requireActor } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { MAX_ARTICLE_SAVE_BYTES, readJsonBody } from '@/lib/http/request-body';
import { handleRoute } from '@/lib/http/route-handler';
import { idSchema } from '@/lib/validation';

/**
 * PUT /api/studio/articles/:id/working-copy: the editor's autosave and explicit save.
 * 200 with the new version; 409 with the current state when the save was based on a
 * stale version; 422 with every field's errors; 413 over the size limit.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(request, async () => {
    const actor = await requireActor();
    const articleId = idSchema.safeParse((await params).id);
    if (!articleId.success) throw new NotFoundError('No such article.');
    const input = await readJsonBody(request, MAX_ARTICLE_SAVE_BYTES);
    return Response.json(await saveWorkingCopy(actor, articleId.data, input));
  });
}

/** GET: the working copy as it stands (an editor tab catching up after a takeover). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(request, async () => {
    const actor = await requireActor();
    const articleId = idSchema.safeParse((await params).id);
    if (!articleId.success) throw new NotFoundError('No such article.');
    return Response.json(await getWorkingCopyState(actor, articleId.data));
  });
}
