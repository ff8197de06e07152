import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, useDatabase } from '@/db/client';
import { articles, revisions, users } from '@/db/schema';
import { parseConfig } from '@/lib/config';
import { resolveAuthSecret } from './support/auth-secret';
import { prepareDatabase } from './support/prepare-database';
import { attemptPasswordSignIn } from '@/lib/auth/sign-in-service';

/*
 * What `npm start` does with the embedded database, on real data directories: the first
 * start seeds, later starts keep everything, and a second process on the same directory
 * is refused with a clear message (PGlite itself would let it in and lose rows).
 */

const directories: string[] = [];
const children: ChildProcess[] = [];

function temporaryDataDir(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-start-test-'));
  directories.push(directory);
  return directory;
}

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await closeDatabase();
  for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
  delete process.env.BYLINE_DB_LOCK_TOKEN;
});

async function countRows(dataDir: string) {
  const handle = openDatabase({ command: 'test', databaseUrl: undefined, dataDir });
  useDatabase(handle);
  const [[people], [stories], [snapshots]] = await Promise.all([
    handle.db.select({ n: count() }).from(users),
    handle.db.select({ n: count() }).from(articles),
    handle.db.select({ n: count() }).from(revisions),
  ]);
  await closeDatabase();
  return { users: people!.n, articles: stories!.n, revisions: snapshots!.n };
}

describe('starting Byline on the embedded database', () => {
  it('seeds on the first start and keeps every user, article and revision on the next', async () => {
    const dataDir = temporaryDataDir();
    const config = parseConfig({ BYLINE_DATA_DIR: dataDir });

    const first = await prepareDatabase({ config, command: 'test', log: () => {} });
    first.lock?.release();
    const afterFirst = await countRows(dataDir);
    const second = await prepareDatabase({ config, command: 'test', log: () => {} });
    second.lock?.release();
    const afterSecond = await countRows(dataDir);

    expect(first.seed).toMatchObject({ seeded: true, adminEmail: 'admin@byline.local', articles: 4 });
    expect(second.seed).toEqual({ seeded: false });
    expect(afterFirst.articles).toBe(4);
    expect(afterFirst.users).toBeGreaterThan(1);
    expect(afterSecond).toEqual(afterFirst);
  });

  it('generates the session secret once, keeps it private, and reuses it', () => {
    const dataDir = temporaryDataDir();
    const saved = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    try {
      const first = resolveAuthSecret(dataDir);
      const second = resolveAuthSecret(dataDir);
      expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(second).toBe(first);
      expect(fs.statSync(path.join(dataDir, 'auth-secret')).mode & 0o777).toBe(0o600);
    } finally {
      if (saved !== undefined) process.env.AUTH_SECRET = saved;
    }
  });

  it('refuses a second `npm start` on a data directory another process holds, naming the holder', async () => {
    const dataDir = temporaryDataDir();
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import { lockDataDirectory } from ${JSON.stringify(path.resolve('db/data-dir-lock.ts'))};
         lockDataDirectory({ dataDir: ${JSON.stringify(dataDir)}, command: 'holder' });
         console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(holder);
    await new Promise<void>((resolve) => holder.stdout!.on('data', (chunk: Buffer) => chunk.includes('locked') && resolve()));

    const second = spawnSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'],
      { env: { ...process.env, BYLINE_DATA_DIR: dataDir, PORT: '3999', DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 },
    );

    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`in use by another Byline process (pid ${holder.pid}, "holder"`);
    expect(second.stdout).not.toContain('building the app');
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(false);
  });

  it('sets a forgotten password from the command line, and the new one signs in', async () => {
    const dataDir = temporaryDataDir();
    const environment = { BYLINE_DATA_DIR: dataDir, BYLINE_SEED_DEMO: 'false', BYLINE_ADMIN_EMAIL: 'chief@test.example' };
    const prepared = await prepareDatabase({ config: parseConfig(environment), command: 'test', log: () => {} });
    prepared.lock?.release();
    delete process.env.BYLINE_DB_LOCK_TOKEN;

    const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/set-password.ts', 'Chief@Test.example'], {
      env: { ...process.env, ...environment, DATABASE_URL: '', BYLINE_NEW_PASSWORD: 'a new password for the chief' },
      encoding: 'utf8',
      timeout: 60_000,
    });

    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Password changed for chief@test.example.');
    useDatabase(openDatabase({ command: 'test', databaseUrl: undefined, dataDir }));
    const limits = { windowSeconds: 60, maxFailuresPerAccount: 5, maxFailuresPerAddress: 5 };
    const signedIn = await attemptPasswordSignIn({ email: 'chief@test.example', password: 'a new password for the chief', address: 'test', limits });
    expect(signedIn?.email).toBe('chief@test.example');
  });
});
