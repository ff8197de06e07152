import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { StudioNav } from '@/components/studio/studio-nav';
import { getActor } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { can } from '@/lib/permissions';
import { signOutAction } from './actions/account-actions';
import './studio.css';
import './sourcing.css';

export const metadata: Metadata = { title: { default: 'Studio', template: '%s · Studio' }, robots: { index: false } };

/**
 * The studio's chrome. Signing in is enforced by each page and service, not here:
 * a layout is a convenience, and renders in parallel with its page anyway.
 */
export default async function StudioLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  return (
    <div className="studio">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {actor && (
        <StudioNav
          siteName={getConfig().siteName}
          person={{ name: actor.name, role: actor.role }}
          canManageUsers={can(actor, 'user.manage')}
          signOut={signOutAction}
        />
      )}
      <main id="main" className="studio-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
