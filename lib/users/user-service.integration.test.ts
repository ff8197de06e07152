import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/passwords';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { openConnections, useFreshDatabase } from '@/test-support/database';
import { createStaff, deactivate, TEST_PASSWORD } from '@/test-support/factories';
import { caught } from '@/test-support/inspect';
import {
  changeOwnPassword,
  changeUserRole,
  createUser,
  findSessionUser,
  resetUserPassword,
  setUserActive,
  signOutEverywhere,
} from './user-service';

const { db } = useFreshDatabase();

const NEW_PASSWORD = 'a brand new passphrase';

function newUserInput(overrides: Record<string, unknown> = {}) {
  const suffix = randomBytes(4).toString('hex');
  return { name: `Reporter ${suffix}`, email: `reporter-${suffix}@test.example`, role: 'writer', password: 'twelve chars or more', ...overrides };
}

async function readUser(id: number) {
  const [row] = await db().select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`No user ${id}`);
  return row;
}

async function userCount(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(users);
  return row!.n;
}

async function auditRows(action: string, subjectId: number) {
  return db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, String(subjectId))));
}

async function activeAdminIds(): Promise<number[]> {
  const rows = await db().select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.isActive, true)));
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/**
 * Admins that are the only active admins in the database: admins other tests in this file
 * left behind are deactivated first, so the "last admin" rule sees exactly these.
 */
async function onlyActiveAdmins(howMany: number): Promise<Actor[]> {
  const admins: Actor[] = [];
  for (let i = 0; i < howMany; i++) admins.push(await createStaff('admin'));
  const keep = admins.map((admin) => admin.id);
  for (const id of await activeAdminIds()) if (!keep.includes(id)) await deactivate(id);
  return admins;
}

describe('creating users', () => {
  it('lets an admin create a user, returns no secrets and records the event', async () => {
    const admin = await createStaff('admin');
    const input = newUserInput({ role: 'editor' });

    const created = await createUser(admin, { ...input, email: `  ${input.email.toUpperCase()} ` });

    expect(Object.keys(created).sort()).toEqual(['createdAt', 'email', 'id', 'isActive', 'name', 'role', 'slug']);
    expect(created).toMatchObject({ name: input.name, email: input.email, role: 'editor', isActive: true });
    expect(created).not.toHaveProperty('passwordHash');
    expect(created).not.toHaveProperty('sessionVersion');
    const row = await readUser(created.id);
    expect(row.email).toBe(input.email);
    expect(row.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(row.passwordHash, input.password)).toBe(true);
    const audit = await auditRows('user.create', created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, details: { role: 'editor' } });
  });

  it.each(['editor', 'writer'] as const)('refuses a %s and adds nobody', async (role) => {
    const actor = await createStaff(role);
    const input = newUserInput();
    const before = await userCount();

    const error = await caught(createUser(actor, input));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await userCount()).toBe(before);
    expect(await db().select().from(users).where(eq(users.email, input.email))).toEqual([]);
  });

  it('refuses an email already in use (whatever its case) with an error on email, and adds nobody', async () => {
    const admin = await createStaff('admin');
    const existing = await createStaff('writer');
    const before = await userCount();

    const error = await caught(createUser(admin, newUserInput({ email: existing.email.toUpperCase() })));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['email']);
    expect(await userCount()).toBe(before);
    const [{ n: createEvents } = { n: -1 }] = await db()
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.create'), eq(auditEvents.actorId, admin.id)));
    expect(createEvents).toBe(0);
  });

  it('adds one user, and refuses the other on email, when two admins add the same email at once', async () => {
    const admin = await createStaff('admin');
    await openConnections(db());
    const input = newUserInput();

    const outcomes = await Promise.allSettled([createUser(admin, input), createUser(admin, { ...input, name: 'Someone Else' })]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ValidationError);
    expect((refused.reason as ValidationError).fieldErrors).toEqual({ email: ['A user with this email already exists.'] });
    const [row] = await db().select({ n: count() }).from(users).where(eq(users.email, input.email));
    expect(row!.n).toBe(1);
  });

  it('reports every invalid field at once', async () => {
    const admin = await createStaff('admin');
    const before = await userCount();

    const error = await caught(createUser(admin, { name: '  ', email: 'not-an-email', role: 'chief', password: 'short' }));

    expect(error).toBeInstanceOf(ValidationError);
    const { fieldErrors } = error as ValidationError;
    expect(Object.keys(fieldErrors).sort()).toEqual(['email', 'name', 'password', 'role']);
    expect(fieldErrors.password).toEqual(['Use at least 12 characters.']);
    expect(await userCount()).toBe(before);
  });
});

describe('changing roles', () => {
  it('changes the role and records from and to in the audit log', async () => {
    const admin = await createStaff('admin');
    const writer = await createStaff('writer');

    await changeUserRole(admin, { userId: writer.id, role: 'editor' });

    expect((await readUser(writer.id)).role).toBe('editor');
    const audit = await auditRows('user.role_change', writer.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, details: { from: 'writer', to: 'editor' } });
  });

  it('refuses an editor', async () => {
    const editor = await createStaff('editor');
    const writer = await createStaff('writer');
    const before = await readUser(writer.id);

    const error = await caught(changeUserRole(editor, { userId: writer.id, role: 'admin' }));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await readUser(writer.id)).toEqual(before);
  });

  it('refuses to demote the last active admin and leaves the row unchanged', async () => {
    const [admin] = await onlyActiveAdmins(1);
    const before = await readUser(admin!.id);

    const error = await caught(changeUserRole(admin!, { userId: admin!.id, role: 'editor' }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.userId?.[0]).toMatch(/last active admin cannot be demoted/);
    expect(await readUser(admin!.id)).toEqual(before);
    expect(await auditRows('user.role_change', admin!.id)).toEqual([]);
  });

  it('demotes an admin while another active admin remains', async () => {
    const [first, second] = await onlyActiveAdmins(2);

    await changeUserRole(first!, { userId: second!.id, role: 'editor' });

    expect((await readUser(second!.id)).role).toBe('editor');
    expect(await activeAdminIds()).toEqual([first!.id]);
  });

  it('does not count a deactivated admin as another admin', async () => {
    const [admin] = await onlyActiveAdmins(1);
    const dormant = await createStaff('admin');
    await deactivate(dormant.id);
    const before = await readUser(admin!.id);

    const error = await caught(changeUserRole(admin!, { userId: admin!.id, role: 'writer' }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(await readUser(admin!.id)).toEqual(before);
    expect(await activeAdminIds()).toEqual([admin!.id]);
  });

  it('leaves exactly one admin when the only two demote each other at the same time', async () => {
    const [first, second] = await onlyActiveAdmins(2);
    await openConnections(db());

    const outcomes = await Promise.allSettled([
      changeUserRole(first!, { userId: second!.id, role: 'editor' }),
      changeUserRole(second!, { userId: first!.id, role: 'editor' }),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toBeInstanceOf(ValidationError);
    const remaining = await activeAdminIds();
    expect(remaining).toHaveLength(1);
    expect([first!.id, second!.id]).toContain(remaining[0]);
    const demotions = [
      ...(await auditRows('user.role_change', first!.id)),
      ...(await auditRows('user.role_change', second!.id)),
    ];
    expect(demotions).toHaveLength(1);
  });
});

describe('deactivating users', () => {
  it('refuses to deactivate the last active admin and leaves the row unchanged', async () => {
    const [admin] = await onlyActiveAdmins(1);
    const before = await readUser(admin!.id);

    const error = await caught(setUserActive(admin!, { userId: admin!.id, active: false }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.userId?.[0]).toMatch(/last active admin cannot be deactivated/);
    expect(await readUser(admin!.id)).toEqual(before);
    expect(await auditRows('user.deactivate', admin!.id)).toEqual([]);
  });

  it('deactivates an admin while another active admin remains', async () => {
    const [first, second] = await onlyActiveAdmins(2);

    await setUserActive(first!, { userId: second!.id, active: false });

    expect((await readUser(second!.id)).isActive).toBe(false);
    expect(await activeAdminIds()).toEqual([first!.id]);
    expect(await auditRows('user.deactivate', second!.id)).toHaveLength(1);
  });

  it('ends every session of the deactivated user', async () => {
    const admin = await createStaff('admin');
    const writer = await createStaff('writer');
    const { sessionVersion } = await readUser(writer.id);

    await setUserActive(admin, { userId: writer.id, active: false });

    const after = await readUser(writer.id);
    expect(after.sessionVersion).toBe(sessionVersion + 1);
    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion })).toBeNull();
    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion: after.sessionVersion })).toBeNull();
  });

  it('does not revive old sessions on reactivation', async () => {
    const admin = await createStaff('admin');
    const writer = await createStaff('writer');
    const { sessionVersion: original } = await readUser(writer.id);
    await setUserActive(admin, { userId: writer.id, active: false });
    const { sessionVersion: whileInactive } = await readUser(writer.id);

    await setUserActive(admin, { userId: writer.id, active: true });

    const after = await readUser(writer.id);
    expect(after.isActive).toBe(true);
    expect(after.sessionVersion).toBeGreaterThan(whileInactive);
    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion: original })).toBeNull();
    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion: whileInactive })).toBeNull();
    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion: after.sessionVersion })).toEqual(writer);
  });
});

describe('sessions and passwords', () => {
  it('findSessionUser returns only id, role, name and email', async () => {
    const editor = await createStaff('editor');
    const { sessionVersion } = await readUser(editor.id);

    const found = await findSessionUser(db(), { userId: editor.id, sessionVersion });

    expect(found).toEqual({ id: editor.id, role: 'editor', name: editor.name, email: editor.email });
    expect(Object.keys(found!).sort()).toEqual(['email', 'id', 'name', 'role']);
  });

  it('signOutEverywhere invalidates the old session version', async () => {
    const writer = await createStaff('writer');
    const { sessionVersion } = await readUser(writer.id);

    await signOutEverywhere(writer);

    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion })).toBeNull();
    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion: sessionVersion + 1 })).toEqual(writer);
    expect(await auditRows('sign_out_everywhere', writer.id)).toHaveLength(1);
  });

  it('changeOwnPassword sets the new password and invalidates the old session version', async () => {
    const writer = await createStaff('writer');
    const { sessionVersion } = await readUser(writer.id);

    await changeOwnPassword(writer, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });

    const after = await readUser(writer.id);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion })).toBeNull();
    expect(after.sessionVersion).toBe(sessionVersion + 1);
    expect(await auditRows('password.change', writer.id)).toHaveLength(1);
  });

  it('changeOwnPassword refuses a wrong current password and keeps the hash', async () => {
    const writer = await createStaff('writer');
    const before = await readUser(writer.id);

    const error = await caught(
      changeOwnPassword(writer, { currentPassword: 'not my password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['currentPassword']);
    expect(await readUser(writer.id)).toEqual(before);
    expect(await auditRows('password.change', writer.id)).toEqual([]);
  });

  it('changeOwnPassword refuses a confirmation that differs, on confirmPassword', async () => {
    const writer = await createStaff('writer');
    const before = await readUser(writer.id);

    const error = await caught(
      changeOwnPassword(writer, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ confirmPassword: ['The two new passwords differ.'] });
    expect(await readUser(writer.id)).toEqual(before);
  });

  it('resetUserPassword by an admin sets the password and ends the sessions', async () => {
    const admin = await createStaff('admin');
    const writer = await createStaff('writer');
    const { sessionVersion } = await readUser(writer.id);

    await resetUserPassword(admin, { userId: writer.id, password: NEW_PASSWORD });

    const after = await readUser(writer.id);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await findSessionUser(db(), { userId: writer.id, sessionVersion })).toBeNull();
    const audit = await auditRows('password.reset', writer.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(admin.id);
  });

  it('resetUserPassword by an editor is forbidden and changes nothing', async () => {
    const editor = await createStaff('editor');
    const writer = await createStaff('writer');
    const before = await readUser(writer.id);

    const error = await caught(resetUserPassword(editor, { userId: writer.id, password: NEW_PASSWORD }));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await readUser(writer.id)).toEqual(before);
    expect(await auditRows('password.reset', writer.id)).toEqual([]);
  });
});
