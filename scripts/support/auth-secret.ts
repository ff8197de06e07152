import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * AUTH_SECRET signs session cookies. Without one in the environment, a secret is made
 * once and kept in the data directory, so sessions survive restarts. Several app servers
 * behind a load balancer must share one: set AUTH_SECRET for them.
 */
export function resolveAuthSecret(dataDir: string): string {
  const fromEnvironment = process.env.AUTH_SECRET;
  if (fromEnvironment) return fromEnvironment;
  const file = path.join(dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
