import { connection } from 'next/server';
import { robotsResponse } from '@/lib/feeds/responses';

/** GET /robots.txt — crawl everything public, not the studio, the API or sign-in; where the sitemaps are. */
export async function GET(): Promise<Response> {
  // Dynamic like the rest: the site URL is read at run time, not baked in at build.
  await connection();
  return robotsResponse();
}
