import { ChangePasswordForm } from '@/components/studio/account-forms';
import { requireStudioActor } from '@/lib/auth/session';
import { changePasswordAction, signOutEverywhereAction } from '../actions/account-actions';

export const metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await requireStudioActor('/studio/account');
  return (
    <div className="studio-page studio-narrow">
      <div className="page-heading">
        <h1>Your account</h1>
      </div>
      <p className="lede">
        Signed in as <strong>{actor.name}</strong> ({actor.email}).
      </p>
      <ChangePasswordForm action={changePasswordAction} />
      <form action={signOutEverywhereAction} className="panel form-stack">
        <h2 className="panel-title">Sign out everywhere</h2>
        <p>Ends every session of yours, on every device, including this one. Use it if a device was lost or shared.</p>
        <div>
          <button type="submit" className="button button-danger">
            Sign out everywhere
          </button>
        </div>
      </form>
    </div>
  );
}
