import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

/**
 * `npm start` builds only when the sources changed since the last build: a hash of the
 * path, size and modification time of every file the build reads.
 */
const INPUTS = ['app', 'components', 'lib', 'db', 'public', 'next.config.js', 'tsconfig.json', 'package-lock.json'];
const STAMP = path.join('.next', 'byline-build-fingerprint');

export function currentFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) visit(path.join(root, input), root, hash);
  return hash.digest('hex');
}

export function isBuildCurrent(root: string): boolean {
  const stampPath = path.join(root, STAMP);
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || !fs.existsSync(stampPath)) return false;
  return fs.readFileSync(stampPath, 'utf8').trim() === currentFingerprint(root);
}

export function recordBuild(root: string): void {
  fs.writeFileSync(path.join(root, STAMP), currentFingerprint(root));
}

function visit(target: string, root: string, hash: ReturnType<typeof createHash>): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) visit(path.join(target, entry), root, hash);
  } else {
    hash.update(`${path.relative(root, target)}:${stat.size}:${stat.mtimeMs}\n`);
  }
}
