import { connection } from 'next/server';
import { feedResponse } from '@/lib/feeds/responses';

/** GET /entities/:slug/feed.xml — the latest 50 published articles mentioning an entity, as RSS 2.0; a merged entity's redirects (308) to the kept one's. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  return feedResponse({ feed: { kind: 'entity', slug: (await params).slug }, format: 'rss' });
}
