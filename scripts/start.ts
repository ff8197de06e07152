/*
 * `npm start` (and `npm run dev`): builds when the sources changed, prepares the database
 * (migrations, first-start seed), then runs the Next.js server as a child and stays as its
 * supervisor, holding the embedded database's lock until the server exits.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { getConfig } from '@/lib/config';
import { resolveAuthSecret } from './support/auth-secret';
import { isBuildCurrent, recordBuild } from './support/build-fingerprint';
import { prepareDatabase } from './support/prepare-database';

const root = process.cwd();
const isDev = process.argv.includes('--dev');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const log = (message: string) => console.log(`[byline] ${message}`);

async function main(): Promise<void> {
  const config = getConfig();

  // The database first: a data directory already in use stops us before a minute of building.
  const { lock, seed } = await prepareDatabase({ config, command: isDev ? 'npm run dev' : 'npm start', log });
  if (!isDev && !isBuildCurrent(root)) {
    log('building the app (next build); this takes about a minute the first time');
    const build = spawnSync(process.execPath, [nextBin, 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) {
      lock?.release();
      throw new Error('next build failed; see the output above.');
    }
    recordBuild(root);
  }

  const authSecret = resolveAuthSecret(config.dataDir);

  const args = [nextBin, isDev ? 'dev' : 'start', '--port', String(config.port)];
  if (config.host) args.push('--hostname', config.host);
  const server = spawn(process.execPath, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      AUTH_SECRET: authSecret,
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      ...(lock ? { BYLINE_DB_LOCK_TOKEN: lock.token } : {}),
    },
  });

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      server.kill(signal);
    });
  }
  server.on('exit', (code, signal) => {
    lock?.release();
    if (!stopping && code !== 0) console.error(`[byline] the server stopped (${signal ?? `exit code ${code}`})`);
    process.exit(stopping ? 0 : (code ?? 1));
  });

  await waitUntilServing(config.port);
  printWelcome({ config, seed });
}

async function waitUntilServing(port: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  log('the server has not answered /api/health within two minutes; see its output above');
}

function printWelcome({ config, seed }: { config: ReturnType<typeof getConfig>; seed: Awaited<ReturnType<typeof prepareDatabase>>['seed'] }) {
  const database = config.databaseUrl
    ? `Postgres server (${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname})`
    : `embedded PGlite in ${displayPath(config.dataDir)}`;
  const lines = [
    '',
    'Byline is running.',
    `  Public site  ${config.siteUrl}/`,
    `  Studio       ${config.siteUrl}/studio`,
    `  Database     ${database}`,
  ];
  if (seed.seeded) {
    lines.push(`  Sign in as   ${seed.adminEmail}`);
    lines.push(
      seed.generatedPassword
        ? `  Password     ${seed.generatedPassword}   (shown only this once: change it under Account)`
        : '  Password     the one in BYLINE_ADMIN_PASSWORD',
    );
    if (seed.articles > 0) lines.push(`  Demo         ${seed.articles} articles of the demo newsroom were added`);
  } else {
    lines.push('  Sign in      with your account (the first admin\'s password was printed at first start;');
    lines.push('               forgotten? stop Byline and run: npm run set-password -- <email>)');
  }
  console.log(lines.join('\n') + '\n');
}

function displayPath(directory: string): string {
  const relative = path.relative(root, directory);
  return relative && !relative.startsWith('..') ? `./${relative}` : directory;
}

main().catch((error: unknown) => {
  console.error(`[byline] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
