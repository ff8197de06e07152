import { connection } from 'next/server';
import { feedResponse } from '@/lib/feeds/responses';

/** GET /sections/:slug/atom.xml — a section's latest 50 published articles as Atom 1.0; 404 for an unknown section. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  await connection();
  return feedResponse({ feed: { kind: 'section', slug: (await params).slug }, format: 'atom' });
}
