import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { getConfig } from '@/lib/config';
import { feedAlternates } from '@/lib/feed-alternates';
import './globals.css';

export function generateMetadata(): Metadata {
  const { siteName, siteUrl } = getConfig();
  return {
    metadataBase: new URL(siteUrl),
    title: { default: siteName, template: `%s · ${siteName}` },
    description: `${siteName}: independent reporting with every claim sourced.`,
    alternates: { types: feedAlternates({ siteUrl, path: '', title: siteName }) },
    openGraph: { siteName, locale: 'en', type: 'website' },
    twitter: { card: 'summary' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#fbfaf7' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
