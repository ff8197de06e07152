'use server';

import { signOut } from '@/lib/auth/auth';
import { requireActor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action-result';
import { changeOwnPassword, signOutEverywhere } from '@/lib/users/user-service';

export async function changePasswordAction(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const result = await runAction(async () => {
    await changeOwnPassword(await requireActor(), {
      currentPassword: form.get('currentPassword'),
      newPassword: form.get('newPassword'),
      confirmPassword: form.get('confirmPassword'),
    });
    return null;
  });
  if (result.ok) await signOut({ redirectTo: '/login?notice=password-changed' });
  return result;
}

export async function signOutEverywhereAction(): Promise<void> {
  const result = await runAction(async () => signOutEverywhere(await requireActor()));
  await signOut({ redirectTo: result.ok ? '/login?notice=signed-out-everywhere' : '/login' });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login?notice=signed-out' });
}
