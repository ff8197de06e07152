import { connection } from 'next/server';
import { newsSitemapResponse } from '@/lib/feeds/responses';

/** GET /news-sitemap.xml — the Google News sitemap: articles first published in the last two days (at most 1,000). */
export async function GET(): Promise<Response> {
  await connection();
  return newsSitemapResponse();
}
