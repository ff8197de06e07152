import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { listPublicSections } from '@/lib/articles/public-fronts';
import { getConfig } from '@/lib/config';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection(); // read at request time, never while building
  const { siteName } = getConfig();
  const sections = await listPublicSections();
  return (
    <div className="site">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader siteName={siteName} sections={sections} />
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter siteName={siteName} />
    </div>
  );
}
