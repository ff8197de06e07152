import { requireActor } from '@/lib/auth/session';
import { createEntity, searchEntities } from '@/lib/entities/entity-service';
import { describeEntities } from '@/lib/entities/entity-suggestions';
import { MAX_FORM_BYTES, readJsonBody } from '@/lib/http/request-body';
import { handleRoute } from '@/lib/http/route-handler';

/**
 * GET /api/studio/entities?q=garc&type=person — search-as-you-type for tagging;
 * GET /api/studio/entities?ids=3,7 — the entities behind tags already in an article.
 */
export async function GET(request: Request): Promise<Response> {
  return handleRoute(request, async () => {
    const actor = await requireActor();
    const params = new URL(request.url).searchParams;
    const ids = params.get('ids');
    if (ids !== null) return Response.json({ entities: await describeEntities(actor, ids.split(',').filter(Boolean)) });
    const results = await searchEntities(actor, { query: params.get('q') ?? '', type: params.get('type') ?? undefined });
    return Response.json({ entities: results });
  });
}

/** POST /api/studio/entities — a new entity, created inline while tagging. 201 with it. */
export async function POST(request: Request): Promise<Response> {
  return handleRoute(request, async () => {
    const actor = await requireActor();
    const created = await createEntity(actor, await readJsonBody(request, MAX_FORM_BYTES));
    return Response.json({ entity: created }, { status: 201 });
  });
}
