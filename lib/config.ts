import path from 'node:path';
import { z } from 'zod';
import { isValidTimeZone } from './time/zoned-time';

/**
 * Every environment variable Byline reads, parsed once with zod so that a bad deploy
 * fails at start with a message naming the variable, not later with an odd 500.
 * The README documents each of them; keep the two in step.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const environmentSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  BYLINE_DATA_DIR: z.string().min(1).default('.data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  BYLINE_SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  BYLINE_SITE_NAME: z.string().min(1).max(80).default('The Byline Dispatch'),
  BYLINE_TIME_ZONE: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as America/El_Salvador').default('UTC'),
  BYLINE_ADMIN_EMAIL: z.email().optional(),
  BYLINE_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  BYLINE_SEED_DEMO: booleanFlag.default(true),
  BYLINE_SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  BYLINE_SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  BYLINE_SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(20),
  BYLINE_AUTOSAVE_PAUSE_SECONDS: z.coerce.number().int().min(1).default(120),
  BYLINE_REVISION_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).default(600),
});

export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string | undefined;
  siteUrl: string;
  siteName: string;
  timeZone: string;
  admin: { email: string | undefined; password: string | undefined };
  seedDemo: boolean;
  signIn: { windowSeconds: number; maxFailuresPerAccount: number; maxFailuresPerAddress: number };
  revisions: { pauseSeconds: number; checkpointSeconds: number };
};

let cached: Config | undefined;

export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export function parseConfig(environment: Record<string, string | undefined>): Config {
  // Empty or blank values count as unset: `FOO= npm start` should not fail validation.
  const present = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Byline cannot start: invalid environment\n${problems}`);
  }
  const env = parsed.data;
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.BYLINE_DATA_DIR),
    port: env.PORT,
    host: env.HOST,
    siteUrl: (env.BYLINE_SITE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    siteName: env.BYLINE_SITE_NAME,
    timeZone: env.BYLINE_TIME_ZONE,
    admin: { email: env.BYLINE_ADMIN_EMAIL, password: env.BYLINE_ADMIN_PASSWORD },
    seedDemo: env.BYLINE_SEED_DEMO,
    signIn: {
      windowSeconds: env.BYLINE_SIGNIN_WINDOW_SECONDS,
      maxFailuresPerAccount: env.BYLINE_SIGNIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: env.BYLINE_SIGNIN_MAX_FAILURES_PER_ADDRESS,
    },
    revisions: {
      pauseSeconds: env.BYLINE_AUTOSAVE_PAUSE_SECONDS,
      checkpointSeconds: env.BYLINE_REVISION_CHECKPOINT_SECONDS,
    },
  };
}
