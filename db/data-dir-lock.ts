import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * PGlite does not stop two processes from opening one data directory, and two writers
 * silently lose rows (STACK-NOTES.md). So every process that opens the embedded database
 * first takes this lock file; a second one stops with a message saying who holds it.
 *
 * `npm start` takes the lock in its supervisor and hands a token to the Next.js server
 * it spawns (BYLINE_DB_LOCK_TOKEN), so the server may open the directory its parent holds.
 */
export type DataDirectoryLock = { token: string; release(): void };

type LockHolder = { pid: number; token: string; command: string; since: string };

export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Byline process ` +
        `(pid ${holder.pid}, "${holder.command}", since ${holder.since}). ` +
        `Stop that process first, or set DATABASE_URL to use a Postgres server. ` +
        `If no such process runs, delete ${lockPathFor(dataDir)}.`,
    );
    this.name = 'DataDirectoryInUseError';
  }
}

export function lockDataDirectory({
  dataDir,
  command,
  inheritedToken,
}: {
  dataDir: string;
  command: string;
  inheritedToken?: string | undefined;
}): DataDirectoryLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathFor(dataDir);
  // Two rounds: the second follows the removal of a stale lock left by a dead process.
  for (let round = 0; round < 2; round++) {
    const token = randomBytes(16).toString('hex');
    const holder: LockHolder = { pid: process.pid, token, command, since: new Date().toISOString() };
    // Written whole to a private file, then linked into place: linking fails if the lock
    // exists, and nobody ever sees a half-written lock file.
    const draft = `${lockPath}.${token}`;
    fs.writeFileSync(draft, JSON.stringify(holder), { mode: 0o600 });
    try {
      fs.linkSync(draft, lockPath);
      return ownedLock(lockPath, token);
    } catch (error) {
      if (!isErrnoException(error) || error.code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
    const current = readHolder(lockPath);
    if (current && isProcessAlive(current.pid)) {
      if (inheritedToken && current.token === inheritedToken) {
        return { token: inheritedToken, release: () => {} };
      }
      throw new DataDirectoryInUseError(dataDir, current);
    }
    fs.rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}: another process keeps recreating it.`);
}

function ownedLock(lockPath: string, token: string): DataDirectoryLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only remove the file if it is still ours.
    if (readHolder(lockPath)?.token === token) fs.rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return { token, release };
}

function lockPathFor(dataDir: string): string {
  return path.join(dataDir, 'byline.lock');
}

function readHolder(lockPath: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') {
      return {
        pid: parsed.pid,
        token: parsed.token,
        command: String(parsed.command ?? 'unknown'),
        since: String(parsed.since ?? 'unknown'),
      };
    }
  } catch {
    // Unreadable or half-written: treat it as stale.
  }
  return undefined;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrnoException(error) && error.code === 'EPERM';
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
