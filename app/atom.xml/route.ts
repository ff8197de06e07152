import { connection } from 'next/server';
import { feedResponse } from '@/lib/feeds/responses';

/** GET /atom.xml — the latest 50 published articles as Atom 1.0. */
export async function GET(): Promise<Response> {
  await connection();
  return feedResponse({ feed: { kind: 'site' }, format: 'atom' });
}
