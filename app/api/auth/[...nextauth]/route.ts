import { handlers } from '@/lib/auth/auth';

// next-auth's own endpoints (session, csrf, sign-out). Sign-in goes through /api/sign-in.
export const { GET, POST } = handlers;
