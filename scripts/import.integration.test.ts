import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, useDatabase } from '@/db/client';
import { articles, sections, users, workingCopies } from '@/db/schema';
import { parseConfig } from '@/lib/config';
import { createEntity } from '@/lib/entities/entity-service';
import { prepareDatabase } from './support/prepare-database';

/*
 * `npm run import` on a real embedded data directory: a run with good and bad files imports
 * the good ones and reports the bad, with one JSON document on stdout; a run while another
 * process holds the directory is refused and imports nothing. The child always uses the
 * embedded directory (DATABASE_URL emptied), also when the suite runs against a server.
 */

const directories: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await closeDatabase();
  for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
  delete process.env.BYLINE_DB_LOCK_TOKEN;
});

function temporaryDirectory(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-import-test-'));
  directories.push(directory);
  return directory;
}

/** A migrated, seeded data directory with one section and two entities, its lock released. */
async function preparedDataDir(): Promise<string> {
  const dataDir = path.join(temporaryDirectory(), 'data');
  const prepared = await prepareDatabase({ config: parseConfig({ BYLINE_DATA_DIR: dataDir, BYLINE_SEED_DEMO: 'false' }), command: 'test', log: () => {} });
  prepared.lock?.release();
  delete process.env.BYLINE_DB_LOCK_TOKEN;

  const handle = openDatabase({ command: 'test', databaseUrl: undefined, dataDir });
  useDatabase(handle);
  const [admin] = await handle.db.select({ id: users.id, role: users.role, name: users.name, email: users.email }).from(users);
  await handle.db.insert(sections).values({ name: 'Politics', slug: 'politics', position: 0 });
  await createEntity(admin!, { name: 'Nayib Bukele', type: 'person', aliases: ['Bukele'] });
  await createEntity(admin!, { name: 'San Salvador', type: 'place' });
  await closeDatabase();
  return dataDir;
}

function runImport(dataDir: string, args: string[]) {
  return spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/import.ts', ...args], {
    env: { ...process.env, BYLINE_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 90_000,
  });
}

async function readArticles(dataDir: string) {
  const handle = openDatabase({ command: 'test', databaseUrl: undefined, dataDir });
  useDatabase(handle);
  const rows = await handle.db
    .select({ id: articles.id, slug: articles.slug, headline: workingCopies.headline, standfirst: workingCopies.standfirst })
    .from(articles)
    .innerJoin(workingCopies, eq(workingCopies.articleId, articles.id))
    .orderBy(asc(articles.id));
  const [total] = await handle.db.select({ n: count() }).from(articles);
  await closeDatabase();
  return { rows, total: total!.n };
}

describe('npm run import', () => {
  it('imports the good files, reports the bad one, and prints one JSON document', async () => {
    const dataDir = await preparedDataDir();
    const files = temporaryDirectory();
    const markdown = path.join(files, 'bukele.md');
    const html = path.join(files, 'storm.html');
    const broken = path.join(files, 'notes.html');
    fs.writeFileSync(markdown, '# Bukele visits San Salvador\n\n*A short trip.*\n\nPresident Nayib Bukele spoke in San Salvador.\n');
    fs.writeFileSync(html, '<h1>Storm closes roads</h1><p>Drivers in San Salvador wait.<script>alert(1)</script></p>');
    fs.writeFileSync(broken, '<p>No heading anywhere.</p>');

    const run = runImport(dataDir, [markdown, html, broken, '--json', '--section', 'politics']);

    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as {
      imported: Array<{ path: string; id: number; slug: string; headline: string; suggestions: unknown[] }>;
      failed: Array<{ path: string; error: string }>;
    };
    expect(report).toEqual({
      imported: [
        {
          path: markdown,
          id: expect.any(Number),
          slug: 'bukele-visits-san-salvador',
          headline: 'Bukele visits San Salvador',
          suggestions: [
            { name: 'Nayib Bukele', type: 'person', offsets: [10, 22], text: 'Nayib Bukele', block: 0 },
            { name: 'San Salvador', type: 'place', offsets: [32, 44], text: 'San Salvador', block: 0 },
          ],
        },
        {
          path: html,
          id: expect.any(Number),
          slug: 'storm-closes-roads',
          headline: 'Storm closes roads',
          suggestions: [{ name: 'San Salvador', type: 'place', offsets: [11, 23], text: 'San Salvador', block: 0 }],
        },
      ],
      failed: [{ path: broken, error: 'The text has no headline: put it on the first line, or in <h1>.' }],
    });
    const [first, second] = report.imported;
    expect(run.stderr).toContain(`[1/3] imported ${markdown} → "Bukele visits San Salvador" (draft ${first!.id}, slug bukele-visits-san-salvador) · 2 entity suggestions`);
    expect(run.stderr).toContain(`[2/3] imported ${html} → "Storm closes roads" (draft ${second!.id}, slug storm-closes-roads) · 1 entity suggestion`);
    expect(run.stderr).toContain(`[3/3] FAILED ${broken}: The text has no headline`);
    const stored = await readArticles(dataDir);
    expect(stored.total).toBe(2);
    expect(stored.rows).toEqual([
      { id: first!.id, slug: 'bukele-visits-san-salvador', headline: 'Bukele visits San Salvador', standfirst: 'A short trip.' },
      { id: second!.id, slug: 'storm-closes-roads', headline: 'Storm closes roads', standfirst: '' },
    ]);
  });

  it('refuses to run while another process holds the data directory, and imports nothing', async () => {
    const dataDir = await preparedDataDir();
    const file = path.join(temporaryDirectory(), 'story.md');
    fs.writeFileSync(file, '# A story\n\nText.\n');
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

    const run = runImport(dataDir, [file, '--json']);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`in use by another Byline process (pid ${holder.pid}, "holder"`);
    expect(run.stdout).toBe('');
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect((await readArticles(dataDir)).total).toBe(0);
  });
});
