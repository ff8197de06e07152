import { connection } from 'next/server';
import { sitemapResponse } from '@/lib/feeds/responses';

/** GET /sitemap.xml — every published article, section, author and mentioned entity, and the home page (at most 50,000 URLs). */
export async function GET(): Promise<Response> {
  await connection();
  return sitemapResponse();
}
