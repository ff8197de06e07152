/*
 * `npm run import -- <files…> [--json] [--section <slug>] [--as <email>]`: imports articles
 * written elsewhere (.md, .html, .txt) as drafts, each file in its own transaction, so one
 * bad file is reported and the rest still import. Progress goes to stderr; with --json,
 * stdout carries exactly one JSON document describing the outcome. Like every process on
 * the embedded database, it refuses to run while Byline is running on the same data directory.
 *
 * Exit codes: 0 every file imported, 2 some failed, 1 nothing could be done.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, eq } from 'drizzle-orm';
import { closeDatabase, openDatabase, useDatabase, type Database } from '@/db/client';
import { sections, users } from '@/db/schema';
import { getConfig } from '@/lib/config';
import { AppError, ValidationError } from '@/lib/errors';
import { importArticle, type ImportResult } from '@/lib/import/import-articles';
import { MAX_IMPORT_BYTES, type ImportFormat } from '@/lib/import/import-document';
import type { Actor } from '@/lib/permissions';

const USAGE = 'Usage: npm run import -- <files…> [--json] [--section <slug>] [--as <email>]';

type Imported = {
  path: string;
  id: number;
  slug: string;
  headline: string;
  suggestions: Array<{ name: string; type: string; offsets: [number, number]; text: string; block: number }>;
};
type Failed = { path: string; error: string };

/** A failure that stops the whole run (exit code 1). */
class SetupError extends Error {}

async function main(): Promise<number> {
  const options = readOptions();
  // stdout belongs to the one JSON document: anything a library logs goes to stderr.
  if (options.json) for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = console.error;
  const progress = (line: string) => process.stderr.write(`${line}\n`);

  const { databaseUrl, dataDir } = getConfig();
  const handle = openDatabase({ command: 'npm run import', databaseUrl, dataDir });
  useDatabase(handle);
  const imported: Imported[] = [];
  const failed: Failed[] = [];
  try {
    try {
      await handle.migrate();
    } catch (error) {
      throw new SetupError(`Could not open the database: ${describe(error)}`);
    }
    const actor = await findActor(handle.db, options.as);
    const sectionId = await findSection(handle.db, options.section);

    for (const [index, file] of options.files.entries()) {
      const counter = `[${index + 1}/${options.files.length}]`;
      try {
        const text = readTextFile(file);
        const result = await importArticle(actor, { text, format: formatOf(file), sectionId, fileName: file }, { now: new Date() });
        imported.push(describeImport(file, result));
        const count = result.suggestions.length;
        progress(`${counter} imported ${file} → "${result.headline}" (draft ${result.id}, slug ${result.slug}) · ${count} entity ${count === 1 ? 'suggestion' : 'suggestions'}`);
      } catch (error) {
        failed.push({ path: file, error: describe(error) });
        progress(`${counter} FAILED ${file}: ${describe(error)}`);
      }
    }
  } finally {
    await closeDatabase();
  }

  if (options.json) process.stdout.write(`${JSON.stringify({ imported, failed }, null, 2)}\n`);
  else progress(`[byline] ${imported.length} imported, ${failed.length} failed`);
  return failed.length > 0 ? 2 : 0;
}

function readOptions(): { files: string[]; json: boolean; section: string | undefined; as: string | undefined } {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, section: { type: 'string' }, as: { type: 'string' } },
    });
  } catch (error) {
    throw new SetupError(`${describe(error)}\n${USAGE}`);
  }
  if (parsed.positionals.length === 0) throw new SetupError(`Name at least one file to import.\n${USAGE}`);
  return { files: parsed.positionals, json: parsed.values.json, section: parsed.values.section, as: parsed.values.as };
}

/** The user named by --as, or the first active admin. */
async function findActor(db: Database, email: string | undefined): Promise<Actor> {
  const columns = { id: users.id, role: users.role, name: users.name, email: users.email };
  if (email !== undefined) {
    const [user] = await db.select(columns).from(users).where(and(eq(users.email, email.trim().toLowerCase()), eq(users.isActive, true)));
    if (!user) throw new SetupError(`No active account has the email ${email}.`);
    return user;
  }
  const [admin] = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true)))
    .orderBy(asc(users.id))
    .limit(1);
  if (!admin) throw new SetupError('There is no active admin to import as: start Byline once (npm start), or name an account with --as <email>.');
  return admin;
}

/** The section named by --section; without it, undefined (the importer takes the first), once there is one. */
async function findSection(db: Database, slug: string | undefined): Promise<number | undefined> {
  const all = await db.select({ id: sections.id, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.slug));
  if (all.length === 0) throw new SetupError('There is no section to import into yet.');
  if (slug === undefined) return undefined;
  const section = all.find((candidate) => candidate.slug === slug);
  if (!section) throw new SetupError(`No section has the slug "${slug}". Sections: ${all.map((candidate) => candidate.slug).join(', ')}.`);
  return section.id;
}

/** A file's text, refused when it is too large, binary (a .docx, a PDF) or not UTF-8. */
function readTextFile(file: string): string {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new Error('not a file.');
  if (stat.size > MAX_IMPORT_BYTES) throw new Error(`the file is ${(stat.size / (1024 * 1024)).toFixed(1)} MB; Byline imports at most 2 MB at a time.`);
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) throw new Error('this is not a text file. Save it as plain text, Markdown or HTML first.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('the file is not UTF-8 text. Save it as UTF-8 first.');
  }
}

function formatOf(file: string): ImportFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.txt') return 'text';
  return undefined;
}

function describeImport(file: string, result: ImportResult): Imported {
  return {
    path: file,
    id: result.id,
    slug: result.slug,
    headline: result.headline,
    suggestions: result.suggestions.map(({ name, type, from, to, text, block }) => ({ name, type, offsets: [from, to], text, block })),
  };
}

/** An error in a person's words: a refused import lists every field's messages. */
function describe(error: unknown): string {
  if (error instanceof ValidationError) return Object.values(error.fieldErrors).flat().join(' ') || error.message;
  if (error instanceof AppError) return error.message;
  if (isErrnoException(error) && error.code === 'ENOENT') return 'no such file.';
  if (isErrnoException(error) && error.code === 'EACCES') return 'permission denied.';
  return error instanceof Error ? error.message : String(error);
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`[byline] ${describe(error)}`);
    process.exitCode = 1;
  },
);
