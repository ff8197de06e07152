'use server';

import { revalidatePath } from 'next/cache';
import { requireActor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action-result';
import { changeUserRole, createUser, resetUserPassword, setUserActive } from '@/lib/users/user-service';

// Admin-only endpoints: the user service refuses anyone else.

export async function createUserAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    const created = await createUser(await requireActor(), {
      name: form.get('name'),
      email: form.get('email'),
      role: form.get('role'),
      password: form.get('password'),
    });
    return `${created.name} can now sign in as ${created.email}.`;
  });
  if (result.ok) revalidatePath('/studio/users');
  return result;
}

export async function changeRoleAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    await changeUserRole(await requireActor(), { userId: form.get('userId'), role: form.get('role') });
    return 'Role changed.';
  });
  if (result.ok) revalidatePath('/studio/users');
  return result;
}

export async function setActiveAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    const active = form.get('active') === 'true';
    await setUserActive(await requireActor(), { userId: form.get('userId'), active });
    return active ? 'Account reactivated.' : 'Account deactivated; its sessions have ended.';
  });
  if (result.ok) revalidatePath('/studio/users');
  return result;
}

export async function resetPasswordAction(_previous: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  return runAction(async () => {
    await resetUserPassword(await requireActor(), { userId: form.get('userId'), password: form.get('password') });
    return 'Password set. Their other sessions have ended.';
  });
}
