import { notFound } from 'next/navigation';
import { ActivationForm, CreateUserForm, PasswordResetForm, RoleForm } from '@/components/studio/user-forms';
import { requireStudioActor } from '@/lib/auth/session';
import { can } from '@/lib/permissions';
import { listStaff } from '@/lib/users/user-service';
import { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } from '../actions/user-actions';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requireStudioActor('/studio/users');
  if (!can(actor, 'user.manage')) notFound();
  const staff = await listStaff(actor);

  return (
    <div className="studio-page">
      <div className="page-heading">
        <h1>Users</h1>
      </div>
      <CreateUserForm action={createUserAction} />
      <table className="user-table">
        <caption className="visually-hidden">Staff accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
            <th scope="col">Password</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((person) => (
            <tr key={person.id} className={person.isActive ? undefined : 'is-inactive'}>
              <td>
                <strong>{person.name}</strong>
                <br />
                <span className="hint">{person.email}</span>
                {!person.isActive && <span className="status-badge status-unpublished">Deactivated</span>}
              </td>
              <td>
                <RoleForm action={changeRoleAction} userId={person.id} role={person.role} name={person.name} />
              </td>
              <td>
                <ActivationForm action={setActiveAction} userId={person.id} isActive={person.isActive} name={person.name} />
              </td>
              <td>
                <PasswordResetForm action={resetPasswordAction} userId={person.id} name={person.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
