import { connection } from 'next/server';
import { feedResponse } from '@/lib/feeds/responses';

/** GET /sections/:slug/feed.xml — a section's latest 50 published articles as RSS 2.0; 404 for an unknown section. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  return feedResponse({ feed: { kind: 'section', slug: (await params).slug }, format: 'rss' });
}
