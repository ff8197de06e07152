import { handleEditLease } from '@/lib/articles/edit-lease';
import { requireActor } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { MAX_FORM_BYTES, readBodyText } from '@/lib/http/request-body';
import { handleRoute } from '@/lib/http/route-handler';
import { idSchema } from '@/lib/validation';

/**
 * POST /api/studio/articles/:id/lease — the editor's presence: { tabId, action } with
 * action claim | takeover | heartbeat | release. Answers who holds the article now.
 * Accepts JSON sent as text/plain too, because navigator.sendBeacon (the release when
 * a tab closes) cannot set a JSON content type.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(request, async () => {
    const actor = await requireActor();
    const articleId = idSchema.safeParse((await params).id);
    if (!articleId.success) throw new NotFoundError('No such article.');
    let input: unknown = null;
    try {
      input = JSON.parse(await readBodyText(request, MAX_FORM_BYTES));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
    const state = await handleEditLease(actor, { ...(input as object), articleId: articleId.data });
    return Response.json(state);
  });
}
