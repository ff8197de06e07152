import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';

export type Byline = { id: number; name: string; slug: string };

/** Looks up the people behind byline ids, all lists at once, keeping each list's order. */
export async function resolveBylines(executor: Executor, lists: ReadonlyArray<readonly number[]>): Promise<Byline[][]> {
  const ids = [...new Set(lists.flat())];
  const people =
    ids.length === 0
      ? []
      : await executor.select({ id: users.id, name: users.name, slug: users.slug }).from(users).where(inArray(users.id, ids));
  const byId = new Map(people.map((person) => [person.id, person]));
  return lists.map((list) => list.map((id) => byId.get(id)).filter((person): person is Byline => Boolean(person)));
}
