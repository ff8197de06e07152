import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, it, expect } from 'vitest';
import { DataDirectoryInUseError, lockDataDirectory, type DataDirectoryLock } from './data-dir-lock';

const LOCK_MODULE = path.join(import.meta.dirname, 'data-dir-lock.ts');
const REPO_ROOT = path.dirname(import.meta.dirname);

const tempDirs: string[] = [];
const locks: DataDirectoryLock[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const lock of locks.splice(0)) lock.release();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-lock-'));
  tempDirs.push(dir);
  return path.join(dir, 'data');
}

function take(dataDir: string, options: { command?: string; inheritedToken?: string } = {}): DataDirectoryLock {
  const lock = lockDataDirectory({ dataDir, command: options.command ?? 'vitest', inheritedToken: options.inheritedToken });
  locks.push(lock);
  return lock;
}

const lockFile = (dataDir: string) => path.join(dataDir, 'byline.lock');
const readLock = (dataDir: string) => JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as Record<string, unknown>;

function writeLock(dataDir: string, content: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(lockFile(dataDir), content);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a process that has exited (and been reaped) by the time this returns. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (pid === undefined || isAlive(pid)) throw new Error('could not find a dead pid');
  return pid;
}

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('lockDataDirectory in one process', () => {
  it('creates the data directory and writes a lock file naming this process', () => {
    const dataDir = tempDataDir();

    const lock = take(dataDir, { command: 'npm start' });

    expect(readLock(dataDir)).toEqual({
      pid: process.pid,
      token: lock.token,
      command: 'npm start',
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    expect(lock.token).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a second lock on the same directory, naming the holder and saying how to proceed', () => {
    const dataDir = tempDataDir();
    take(dataDir, { command: 'npm start' });

    const error = captureError(() => take(dataDir, { command: 'npm run seed' }));

    expect(error).toBeInstanceOf(DataDirectoryInUseError);
    const message = (error as Error).message;
    expect(message).toContain(`in use by another Byline process (pid ${process.pid}, "npm start", since `);
    expect(message).toContain('Stop that process first, or set DATABASE_URL to use a Postgres server.');
    expect(message).toContain(`If no such process runs, delete ${lockFile(dataDir)}.`);
    expect(error).toMatchObject({ name: 'DataDirectoryInUseError', dataDir, holder: { pid: process.pid } });
  });

  it('leaves the holder’s lock file untouched when refusing', () => {
    const dataDir = tempDataDir();
    take(dataDir);
    const before = fs.readFileSync(lockFile(dataDir), 'utf8');

    captureError(() => take(dataDir));

    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(before);
  });

  it('removes the lock file on release, so the directory can be locked again', () => {
    const dataDir = tempDataDir();
    const first = take(dataDir);

    first.release();
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
    const second = take(dataDir);

    expect(second.token).not.toBe(first.token);
    expect(readLock(dataDir).token).toBe(second.token);
  });

  it('stops listening for exit once released', () => {
    const dataDir = tempDataDir();
    const listenersBefore = process.listenerCount('exit');
    const lock = take(dataDir);
    expect(process.listenerCount('exit')).toBe(listenersBefore + 1);

    lock.release();

    expect(process.listenerCount('exit')).toBe(listenersBefore);
  });

  it('does not remove a lock file that is no longer its own on release', () => {
    const dataDir = tempDataDir();
    const lock = take(dataDir);
    const someoneElses = JSON.stringify({ pid: process.pid, token: 'someone-else', command: 'other', since: 'now' });
    fs.writeFileSync(lockFile(dataDir), someoneElses);

    lock.release();

    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(someoneElses);
  });

  it('takes over a lock file left by a process that no longer runs', () => {
    const dataDir = tempDataDir();
    const pid = deadPid();
    writeLock(dataDir, JSON.stringify({ pid, token: 'stale', command: 'npm start', since: '2025-01-01T00:00:00.000Z' }));

    const lock = take(dataDir);

    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, token: lock.token });
  });

  it.each([
    ['garbage', 'not json at all'],
    ['an empty file', ''],
    ['JSON without a pid', JSON.stringify({ token: 'abc' })],
    ['a half-written file', '{"pid": 12'],
  ])('takes over a lock file holding %s', (_what, content) => {
    const dataDir = tempDataDir();
    writeLock(dataDir, content);

    const lock = take(dataDir);

    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, token: lock.token });
  });

  it('accepts the inherited token of a live holder without rewriting the lock file', () => {
    const dataDir = tempDataDir();
    const parent = take(dataDir, { command: 'npm start' });
    const before = fs.readFileSync(lockFile(dataDir), 'utf8');

    const inherited = take(dataDir, { command: 'next start', inheritedToken: parent.token });

    expect(inherited.token).toBe(parent.token);
    expect(fs.readFileSync(lockFile(dataDir), 'utf8')).toBe(before);
  });

  it('leaves the holder’s lock in place when an inherited lock is released', () => {
    const dataDir = tempDataDir();
    const parent = take(dataDir);
    const inherited = take(dataDir, { inheritedToken: parent.token });

    inherited.release();

    expect(readLock(dataDir).token).toBe(parent.token);
  });

  it('refuses a wrong inherited token', () => {
    const dataDir = tempDataDir();
    take(dataDir);

    const error = captureError(() => take(dataDir, { inheritedToken: 'not-the-token' }));

    expect(error).toBeInstanceOf(DataDirectoryInUseError);
  });

  it('does not accept an inherited token for a stale lock, but takes the lock anew', () => {
    const dataDir = tempDataDir();
    writeLock(dataDir, JSON.stringify({ pid: deadPid(), token: 'old-token', command: 'npm start', since: 'then' }));

    const lock = take(dataDir, { inheritedToken: 'old-token' });

    expect(lock.token).not.toBe('old-token');
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, token: lock.token });
  });
});

describe('lockDataDirectory across processes', () => {
  /** Starts a Node process that takes the lock, prints "locked" and then waits. */
  async function startHolder(dataDir: string): Promise<ChildProcess> {
    const script = `
      const { lockDataDirectory } = await import(${JSON.stringify(LOCK_MODULE)});
      lockDataDirectory({ dataDir: process.env.LOCK_TEST_DIR, command: 'child holder' });
      console.log('locked');
      setInterval(() => {}, 60_000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOCK_TEST_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('locked')) resolve();
      });
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`the holder exited early (${code}): ${stderr}`)));
    });
    return child;
  }

  function killAndWait(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  it('refuses the lock while another process holds it, and takes it over once that process is gone', async () => {
    const dataDir = tempDataDir();
    const child = await startHolder(dataDir);
    expect(readLock(dataDir)).toMatchObject({ pid: child.pid, command: 'child holder' });

    const whileHeld = captureError(() => take(dataDir));

    expect(whileHeld).toBeInstanceOf(DataDirectoryInUseError);
    expect((whileHeld as Error).message).toContain(`(pid ${child.pid}, "child holder", since `);

    // Killed outright: the holder cannot remove its lock file, which is left behind stale.
    await killAndWait(child);
    expect(readLock(dataDir)).toMatchObject({ pid: child.pid });

    const lock = take(dataDir);

    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, token: lock.token });
  }, 20_000);
});
