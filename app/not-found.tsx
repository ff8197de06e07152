import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="standalone-page">
      <p className="standalone-kicker">404</p>
      <h1>We could not find that page</h1>
      <p>It may have moved, or it was never published. The latest stories are on the front page.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </main>
  );
}
