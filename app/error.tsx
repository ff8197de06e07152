'use client';

import Link from 'next/link';

/** Unexpected failures: a calm message, no internals, and a way to try again. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="standalone-page">
      <p className="standalone-kicker">Something went wrong</p>
      <h1>This page could not be shown</h1>
      <p>It is our fault, not yours. Please try again in a moment.</p>
      <p className="standalone-actions">
        <button type="button" onClick={reset}>
          Try again
        </button>
        <Link href="/">Go to the front page</Link>
      </p>
    </main>
  );
}
