/*
 * `npm run set-password -- <email>`: gives an account a new password and ends its
 * sessions: for a forgotten first-admin password. It prints a generated password, or
 * uses BYLINE_NEW_PASSWORD when set. Like every process on the embedded database, it
 * refuses to run while Byline is running on the same data directory.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { closeDatabase, openDatabase, useDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { hashPassword, passwordSchema } from '@/lib/auth/passwords';
import { getConfig } from '@/lib/config';
import { emailSchema } from '@/lib/users/user-input';

async function main(): Promise<void> {
  const email = emailSchema.safeParse(process.argv[2] ?? '');
  if (!email.success) throw new Error('Usage: npm run set-password -- <email>');
  const chosen = process.env.BYLINE_NEW_PASSWORD;
  const password = chosen ?? randomBytes(12).toString('base64url');
  const valid = passwordSchema.safeParse(password);
  if (!valid.success) throw new Error(`BYLINE_NEW_PASSWORD: ${valid.error.issues[0]?.message}`);

  const { databaseUrl, dataDir } = getConfig();
  const handle = openDatabase({ command: 'npm run set-password', databaseUrl, dataDir });
  useDatabase(handle);
  try {
    await handle.migrate();
    const passwordHash = await hashPassword(password);
    const changed = await handle.db.transaction(async (tx) => {
      const [user] = await tx
        .update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
        .where(eq(users.email, email.data))
        .returning({ id: users.id, isActive: users.isActive });
      if (user) await recordAudit(tx, { actorId: null, action: 'password.reset', subjectType: 'user', subjectId: user.id, details: { via: 'command line' } });
      return user;
    });
    if (!changed) throw new Error(`No account has the email ${email.data}.`);
    console.log(chosen ? `Password changed for ${email.data}.` : `New password for ${email.data}: ${password}`);
    if (!changed.isActive) console.log('Note: this account is deactivated; an admin must reactivate it before it can sign in.');
  } finally {
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(`[byline] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
