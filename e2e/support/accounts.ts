/**
 * The accounts the journeys sign in with, created by e2e/support/serve.ts before the
 * server starts. Accounts whose state a journey changes (deactivation, password change,
 * "sign out everywhere", a rate-limit lockout) belong to that journey alone.
 */
export const E2E_PASSWORD = 'e2e-password-123456';

export const ACCOUNTS = {
  admin: { email: 'admin@e2e.example', name: 'Site Admin', role: 'admin' }, // made by the first-start seed
  editor: { email: 'editor@e2e.example', name: 'Eddie Editor', role: 'editor' },
  writer: { email: 'writer@e2e.example', name: 'Wren Writer', role: 'writer' },
  otherWriter: { email: 'other-writer@e2e.example', name: 'Otto Writer', role: 'writer' },
  revokeEverywhere: { email: 'revoke@e2e.example', name: 'Rae Revoke', role: 'writer' },
  deactivated: { email: 'deactivate@e2e.example', name: 'Dee Activate', role: 'writer' },
  passwordChange: { email: 'password@e2e.example', name: 'Pat Password', role: 'writer' },
  demoted: { email: 'demote@e2e.example', name: 'Dem Oted', role: 'editor' },
  lockedOut: { email: 'locked@e2e.example', name: 'Lock Out', role: 'writer' },
} as const;

export type AccountKey = keyof typeof ACCOUNTS;
