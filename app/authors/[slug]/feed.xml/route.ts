import { connection } from 'next/server';
import { feedResponse } from '@/lib/feeds/responses';

/** GET /authors/:slug/feed.xml — an author's latest 50 published articles as RSS 2.0; 404 for anyone with none published. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  return feedResponse({ feed: { kind: 'author', slug: (await params).slug }, format: 'rss' });
}
