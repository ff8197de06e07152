import { requireActor } from '@/lib/auth/session';
import { MAX_FORM_BYTES, readJsonBody } from '@/lib/http/request-body';
import { handleRoute } from '@/lib/http/route-handler';
import { createSource, describeSourcesFor, searchSources } from '@/lib/sources/source-service';

/**
 * GET /api/studio/sources?q=bukele — search-as-you-type for citing (title, outlet, address);
 * GET /api/studio/sources?ids=3,7 — the sources behind citations already in an article.
 */
export async function GET(request: Request): Promise<Response> {
  return handleRoute(request, async () => {
    const actor = await requireActor();
    const params = new URL(request.url).searchParams;
    const ids = params.get('ids');
    if (ids !== null) return Response.json({ sources: await describeSourcesFor(actor, ids.split(',').filter(Boolean)) });
    return Response.json({ sources: await searchSources(actor, { query: params.get('q') ?? '' }) });
  });
}

/**
 * POST /api/studio/sources — a new source, created inline while citing. 201 with it; 409
 * with the existing source (`error.current`) when its address is already in the library.
 */
export async function POST(request: Request): Promise<Response> {
  return handleRoute(request, async () => {
    const actor = await requireActor();
    const created = await createSource(actor, await readJsonBody(request, MAX_FORM_BYTES));
    return Response.json({ source: created }, { status: 201 });
  });
}
