import { requireActor } from '@/lib/auth/session';
import { suggestMentions } from '@/lib/entities/entity-suggestions';
import { MAX_ARTICLE_SAVE_BYTES, readJsonBody } from '@/lib/http/request-body';
import { handleRoute } from '@/lib/http/route-handler';

/** POST /api/studio/entities/suggest — { blocks: [{ text, skip }] } → untagged mentions per block. */
export async function POST(request: Request): Promise<Response> {
  return handleRoute(request, async () => {
    const actor = await requireActor();
    return Response.json(await suggestMentions(actor, await readJsonBody(request, MAX_ARTICLE_SAVE_BYTES)));
  });
}
