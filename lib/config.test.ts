import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { parseConfig } from './config';

/** An environment of just these variables (plus NODE_ENV, which Byline does not read). */
function env(variables: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { NODE_ENV: 'test', ...variables };
}

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected an error');
}

describe('parseConfig: defaults', () => {
  it('gives every default for an empty environment', () => {
    const config = parseConfig(env());

    expect(config).toEqual({
      databaseUrl: undefined,
      dataDir: path.resolve('.data'),
      port: 3000,
      host: undefined,
      siteUrl: 'http://localhost:3000',
      siteName: 'The Byline Dispatch',
      timeZone: 'UTC',
      admin: { email: undefined, password: undefined },
      seedDemo: true,
      signIn: { windowSeconds: 900, maxFailuresPerAccount: 5, maxFailuresPerAddress: 20 },
      revisions: { pauseSeconds: 120, checkpointSeconds: 600 },
    });
  });

  it('resolves the default data directory to an absolute path ending in .data', () => {
    const { dataDir } = parseConfig(env());

    expect(path.isAbsolute(dataDir)).toBe(true);
    expect(dataDir.endsWith(`${path.sep}.data`)).toBe(true);
  });

  it('treats blank values as unset', () => {
    const config = parseConfig(env({ PORT: '  ', BYLINE_SEED_DEMO: ' ' }));

    expect(config.port).toBe(3000);
    expect(config.seedDemo).toBe(true);
  });

  it('treats empty strings as unset', () => {
    const config = parseConfig(env({
      DATABASE_URL: '',
      PORT: '',
      BYLINE_DATA_DIR: '',
      BYLINE_SEED_DEMO: '',
      BYLINE_ADMIN_PASSWORD: '',
      BYLINE_SIGNIN_WINDOW_SECONDS: '',
    }));

    expect(config).toEqual(parseConfig(env()));
  });
});

describe('parseConfig: given values', () => {
  it('reads every variable', () => {
    const config = parseConfig(env({
      DATABASE_URL: 'postgresql://byline@db.internal/byline',
      BYLINE_DATA_DIR: '/var/lib/byline',
      PORT: '8080',
      HOST: '0.0.0.0',
      BYLINE_SITE_URL: 'https://news.example/',
      BYLINE_SITE_NAME: 'The Daily',
      BYLINE_TIME_ZONE: 'America/El_Salvador',
      BYLINE_ADMIN_EMAIL: 'admin@news.example',
      BYLINE_ADMIN_PASSWORD: 'a long enough password',
      BYLINE_SEED_DEMO: 'no',
      BYLINE_SIGNIN_WINDOW_SECONDS: '60',
      BYLINE_SIGNIN_MAX_FAILURES_PER_ACCOUNT: '3',
      BYLINE_SIGNIN_MAX_FAILURES_PER_ADDRESS: '10',
      BYLINE_AUTOSAVE_PAUSE_SECONDS: '30',
      BYLINE_REVISION_CHECKPOINT_SECONDS: '300',
    }));

    expect(config).toEqual({
      databaseUrl: 'postgresql://byline@db.internal/byline',
      dataDir: '/var/lib/byline',
      port: 8080,
      host: '0.0.0.0',
      siteUrl: 'https://news.example',
      siteName: 'The Daily',
      timeZone: 'America/El_Salvador',
      admin: { email: 'admin@news.example', password: 'a long enough password' },
      seedDemo: false,
      signIn: { windowSeconds: 60, maxFailuresPerAccount: 3, maxFailuresPerAddress: 10 },
      revisions: { pauseSeconds: 30, checkpointSeconds: 300 },
    });
  });

  it('accepts a postgres:// URL', () => {
    expect(parseConfig(env({ DATABASE_URL: 'postgres://localhost/byline' })).databaseUrl).toBe('postgres://localhost/byline');
  });

  it('resolves a relative data directory against the working directory', () => {
    expect(parseConfig(env({ BYLINE_DATA_DIR: 'var/db' })).dataDir).toBe(path.join(process.cwd(), 'var', 'db'));
  });

  it('derives the site URL from the port', () => {
    expect(parseConfig(env({ PORT: '4000' })).siteUrl).toBe('http://localhost:4000');
  });

  it.each([
    ['1', true],
    ['true', true],
    ['yes', true],
    ['0', false],
    ['false', false],
    ['no', false],
  ])('reads BYLINE_SEED_DEMO=%s as %s', (value, expected) => {
    expect(parseConfig(env({ BYLINE_SEED_DEMO: value })).seedDemo).toBe(expected);
  });
});

describe('parseConfig: invalid values', () => {
  it('names every bad variable in one message', () => {
    const error = captureError(() =>
      parseConfig(env({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        BYLINE_ADMIN_PASSWORD: 'short',
        BYLINE_SEED_DEMO: 'maybe',
      })),
    );

    expect(error.message).toBe(
      [
        'Byline cannot start: invalid environment',
        '  DATABASE_URL: must be a postgres:// or postgresql:// URL',
        '  PORT: Invalid input: expected number, received NaN',
        '  BYLINE_ADMIN_PASSWORD: must be at least 12 characters',
        '  BYLINE_SEED_DEMO: Invalid option: expected one of "0"|"1"|"true"|"false"|"yes"|"no"',
      ].join('\n'),
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', '3000.5'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'localhost:5432'],
    ['BYLINE_ADMIN_PASSWORD', 'elevenchars'],
    ['BYLINE_ADMIN_EMAIL', 'not-an-email'],
    ['BYLINE_SEED_DEMO', 'maybe'],
    ['BYLINE_TIME_ZONE', 'Central America'],
    ['BYLINE_SITE_URL', 'ftp://news.example'],
    ['BYLINE_SITE_NAME', 'x'.repeat(81)],
    ['BYLINE_SIGNIN_WINDOW_SECONDS', '86401'],
    ['BYLINE_SIGNIN_MAX_FAILURES_PER_ACCOUNT', '0'],
    ['BYLINE_REVISION_CHECKPOINT_SECONDS', 'soon'],
  ])('refuses %s=%j, naming it', (name, value) => {
    const error = captureError(() => parseConfig(env({ [name]: value })));

    expect(error.message).toMatch(new RegExp(`^Byline cannot start: invalid environment\\n  ${name}: .+$`));
  });

  it('accepts an admin password of exactly 12 characters', () => {
    expect(parseConfig(env({ BYLINE_ADMIN_PASSWORD: 'twelve chars' })).admin.password).toBe('twelve chars');
  });
});
