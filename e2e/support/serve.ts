/*
 * Starts Byline for the Playwright journeys, as a user would (`npm start`'s supervisor,
 * production build), on a database of its own: a temporary data directory, or a new
 * database on the server when DATABASE_URL is set. Before the server starts it seeds
 * the demo newsroom and the journey accounts. Everything is removed when it stops.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { closeDatabase, getDb, openDatabase, useDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/passwords';
import { parseConfig } from '@/lib/config';
import { prepareDatabase } from '@/scripts/support/prepare-database';
import { ACCOUNTS, E2E_PASSWORD } from './accounts';

const port = process.env.PORT ?? '3100';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-e2e-'));
let dropDatabase: (() => Promise<void>) | undefined;

async function main(): Promise<void> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    BYLINE_SITE_URL: `http://127.0.0.1:${port}`,
    BYLINE_DATA_DIR: dataDir,
    BYLINE_ADMIN_EMAIL: ACCOUNTS.admin.email,
    BYLINE_ADMIN_PASSWORD: E2E_PASSWORD,
    // Short enough that the lockout journey can wait it out.
    BYLINE_SIGNIN_WINDOW_SECONDS: '6',
  };
  if (process.env.DATABASE_URL) environment.DATABASE_URL = await createServerDatabase(process.env.DATABASE_URL);

  const { lock } = await prepareDatabase({ config: parseConfig(environment), command: 'e2e seed', log: () => {} });
  await addJourneyAccounts(environment);
  lock?.release();

  const server = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    stdio: 'inherit',
    env: environment,
  });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.on('exit', async (code) => {
    await cleanUp();
    process.exit(code ?? 0);
  });
}

/** The journey accounts, in the freshly seeded database (the admin comes from the seed). */
async function addJourneyAccounts(environment: NodeJS.ProcessEnv): Promise<void> {
  const config = parseConfig(environment);
  const handle = openDatabase({ command: 'e2e seed', databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  useDatabase(handle);
  const passwordHash = await hashPassword(E2E_PASSWORD);
  for (const account of Object.values(ACCOUNTS)) {
    if (account.role === 'admin') continue;
    const slug = account.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await getDb().insert(users).values({ ...account, slug, passwordHash });
  }
  await closeDatabase();
}

async function createServerDatabase(serverUrl: string): Promise<string> {
  const name = `byline_e2e_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function cleanUp(): Promise<void> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.().catch(() => {});
}

main().catch(async (error: unknown) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
