'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { readSourceFields } from '@/components/studio/source-fields';
import { requireActor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action-result';
import { createSource, updateSource } from '@/lib/sources/source-service';

// The source library: each action authenticates; the service checks the role and parses.
// A duplicate address comes back as a conflict carrying the existing source.

export async function createSourceAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  let createdId = 0;
  const result = await runAction(async () => {
    const created = await createSource(await requireActor(), readSourceFields(form));
    createdId = created.id;
    return created.title;
  });
  if (result.ok) redirect(`/studio/sources/${createdId}?created=1`);
  return result;
}

export async function updateSourceAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    const updated = await updateSource(await requireActor(), { ...readSourceFields(form), sourceId: form.get('sourceId') });
    return updated.id;
  });
  if (!result.ok) return result;
  revalidatePath(`/studio/sources/${result.data}`);
  return { ok: true, data: 'Saved.' };
}
