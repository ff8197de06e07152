import { connection } from 'next/server';
import { feedResponse } from '@/lib/feeds/responses';

/** GET /feed.xml — the latest 50 published articles as RSS 2.0. */
export async function GET(): Promise<Response> {
  await connection();
  return feedResponse({ feed: { kind: 'site' }, format: 'rss' });
}
