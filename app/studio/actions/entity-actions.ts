'use server';

import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/session';
import { splitAliases } from '@/lib/entities/entity-input';
import { createEntity, mergeEntities, updateEntity } from '@/lib/entities/entity-service';
import { runAction, type ActionResult } from '@/lib/http/action-result';

// Entity management: each action authenticates; the service checks the role and parses.

function fieldsOf(form: FormData) {
  return {
    name: form.get('name'),
    type: form.get('type'),
    aliases: splitAliases(form.get('aliases')),
    description: form.get('description') ?? '',
    wikidataId: form.get('wikidataId') ?? '',
  };
}

export async function createEntityAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  let createdId = 0;
  const result = await runAction(async () => {
    const created = await createEntity(await requireActor(), fieldsOf(form));
    createdId = created.id;
    return created.name;
  });
  if (result.ok) redirect(`/studio/entities/${createdId}?created=1`);
  return result;
}

export async function updateEntityAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    await updateEntity(await requireActor(), { ...fieldsOf(form), entityId: form.get('entityId') });
    return 'Saved.';
  });
}

export async function mergeEntityAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    await mergeEntities(await requireActor(), { fromId: form.get('fromId'), intoId: form.get('intoId') });
    return String(form.get('intoId'));
  });
  if (result.ok) redirect(`/studio/entities/${result.data}?merged=1`);
  return result;
}
