import 'server-only';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { can, type Actor, type Role } from '@/lib/permissions';
import { slugify } from '@/lib/articles/slug';
import { parseInput } from '@/lib/validation';
import {
  activationSchema,
  newUserSchema,
  passwordChangeSchema,
  passwordResetSchema,
  roleChangeSchema,
} from './user-input';

/** A user as the studio shows it: never the password hash or the session version. */
export type StaffMember = {
  id: number;
  name: string;
  email: string;
  slug: string;
  role: Role;
  isActive: boolean;
  createdAt: Date;
};

const staffColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  slug: users.slug,
  role: users.role,
  isActive: users.isActive,
  createdAt: users.createdAt,
};

export async function listStaff(actor: Actor): Promise<StaffMember[]> {
  requireUserManager(actor);
  return getDb().select(staffColumns).from(users).orderBy(asc(users.name));
}

/** People who can carry a byline: every active user, for the editor's byline picker. */
export async function listBylineCandidates(): Promise<Array<{ id: number; name: string }>> {
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.isActive, true))
    .orderBy(asc(users.name));
}

export async function createUser(actor: Actor, input: unknown): Promise<StaffMember> {
  requireUserManager(actor);
  const fields = parseInput(newUserSchema, input);
  const passwordHash = await hashPassword(fields.password);
  return getDb().transaction(async (tx) => {
    const created = await insertUser(tx, { ...fields, passwordHash });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.create',
      subjectType: 'user',
      subjectId: created.id,
      details: { role: created.role },
    });
    return created;
  });
}

/** Inserts a user with a unique slug; refuses a taken email with a field error. */
export async function insertUser(
  tx: Transaction,
  fields: { name: string; email: string; role: Role; passwordHash: string; bio?: string; slug?: string },
): Promise<StaffMember> {
  const slug = await uniqueUserSlug(tx, fields.slug ?? slugify(fields.name));
  try {
    const [created] = await tx
      .insert(users)
      .values({ ...fields, slug, bio: fields.bio ?? '' })
      .returning(staffColumns);
    return created!;
  } catch (error) {
    // The unique index is the one judge of a taken email, even for two admins adding the
    // same person at once; its refusal becomes a field error.
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new ValidationError({ email: ['A user with this email already exists.'] });
    }
    throw error;
  }
}

export async function changeUserRole(actor: Actor, input: unknown): Promise<void> {
  requireUserManager(actor);
  const { userId, role } = parseInput(roleChangeSchema, input);
  await getDb().transaction(async (tx) => {
    const target = await lockUserAndAdmins(tx, userId);
    if (target.role === role) return;
    if (target.role === 'admin' && target.isActive) await refuseIfLastActiveAdmin(tx, userId, 'demoted');
    await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role_change',
      subjectType: 'user',
      subjectId: userId,
      details: { from: target.role, to: role },
    });
  });
}

export async function setUserActive(actor: Actor, input: unknown): Promise<void> {
  requireUserManager(actor);
  const { userId, active } = parseInput(activationSchema, input);
  await getDb().transaction(async (tx) => {
    const target = await lockUserAndAdmins(tx, userId);
    if (target.isActive === active) return;
    if (!active && target.role === 'admin') await refuseIfLastActiveAdmin(tx, userId, 'deactivated');
    await tx
      .update(users)
      .set({
        isActive: active,
        // Deactivation ends every session on its next request.
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? 'user.reactivate' : 'user.deactivate',
      subjectType: 'user',
      subjectId: userId,
    });
  });
}

/** An admin sets a new password for someone (who then signs in afresh everywhere). */
export async function resetUserPassword(actor: Actor, input: unknown): Promise<void> {
  requireUserManager(actor);
  const { userId, password } = parseInput(passwordResetSchema, input);
  const passwordHash = await hashPassword(password);
  await getDb().transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0) throw new NotFoundError('No such user.');
    await recordAudit(tx, { actorId: actor.id, action: 'password.reset', subjectType: 'user', subjectId: userId });
  });
}

/** Changes the actor's own password; every session, this one included, must sign in again. */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<void> {
  const { currentPassword, newPassword } = parseInput(passwordChangeSchema, input);
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new ValidationError({ currentPassword: ['That is not your current password.'] });
  }
  const passwordHash = await hashPassword(newPassword);
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: 'password.change', subjectType: 'user', subjectId: actor.id });
  });
}

/** Ends every session of the actor, on every device, on its next request. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, { actorId: actor.id, action: 'sign_out_everywhere', subjectType: 'user', subjectId: actor.id });
  });
}

/** The user behind a session, if the session is still valid: active and of the current version. */
export async function findSessionUser(
  executor: Executor,
  { userId, sessionVersion }: { userId: number; sessionVersion: number },
): Promise<Actor | null> {
  const [row] = await executor
    .select({ id: users.id, role: users.role, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion), eq(users.isActive, true)));
  return row ?? null;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = (error as { cause?: { code?: string; constraint?: string; constraint_name?: string } }).cause;
  return cause?.code === '23505' && (cause.constraint ?? cause.constraint_name) === constraint;
}

function requireUserManager(actor: Actor): void {
  if (!can(actor, 'user.manage')) throw new ForbiddenError('Only admins manage users.');
}

/**
 * Locks the target and every active admin row, so two admins demoting each other at
 * once cannot both succeed and leave the newsroom without one.
 */
async function lockUserAndAdmins(tx: Transaction, userId: number) {
  await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true)))
    .orderBy(asc(users.id))
    .for('update');
  const [target] = await tx
    .select({ id: users.id, role: users.role, isActive: users.isActive })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!target) throw new NotFoundError('No such user.');
  return target;
}

async function refuseIfLastActiveAdmin(tx: Transaction, userId: number, verb: string): Promise<void> {
  const [others] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true), ne(users.id, userId)));
  if ((others?.count ?? 0) === 0) {
    throw new ValidationError(
      { userId: [`The last active admin cannot be ${verb}. Make someone else an admin first.`] },
      `The last active admin cannot be ${verb}.`,
    );
  }
}

async function uniqueUserSlug(tx: Transaction, base: string): Promise<string> {
  const root = base || 'staff';
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? root : `${root}-${suffix}`;
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.slug, candidate));
    if (!taken) return candidate;
  }
}
