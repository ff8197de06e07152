import { connection } from 'next/server';
import { checkDatabase } from '@/lib/health';

/** For load balancers and the start script: 200 when the database answers, else 503. */
export async function GET(): Promise<Response> {
  await connection();
  const healthy = await checkDatabase();
  return Response.json(
    { status: healthy ? 'ok' : 'unavailable' },
    { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
