import 'server-only';
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { TooManyRequestsError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { attemptPasswordSignIn } from './sign-in-service';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string } & DefaultSession['user'];
    sessionVersion: number;
  }
}

/** Wrong email, wrong password or deactivated account: one answer for all. */
export class InvalidCredentials extends CredentialsSignin {
  override code = 'invalid_credentials';
}

/** Too many recent failures; carries the wait for the Retry-After header. */
export class SignInRateLimited extends CredentialsSignin {
  override code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

const credentialsSchema = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
});

/**
 * next-auth v5 with a credentials provider and JWT sessions. The token carries the user
 * id and session version only; the role and whether the session is still valid are read
 * from the database on every request (lib/auth/session.ts), so a role change,
 * deactivation, password change or "sign out everywhere" applies on the next request.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email' }, password: { label: 'Password', type: 'password' } },
      authorize: async (credentials, request) => {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const user = await attemptPasswordSignIn({
            ...parsed.data,
            address: clientAddress(request.headers),
          });
          if (!user) throw new InvalidCredentials();
          return { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (error instanceof TooManyRequestsError) throw new SignInRateLimited(error.retryAfterSeconds);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sessionVersion = user.sessionVersion;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? '';
      session.sessionVersion = typeof token.sessionVersion === 'number' ? token.sessionVersion : -1;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});
