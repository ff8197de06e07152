import Link from 'next/link';

const ROLE_LABELS = { admin: 'Admin', editor: 'Editor', writer: 'Writer' } as const;

export function StudioNav({
  siteName,
  person,
  canManageUsers,
  signOut,
}: {
  siteName: string;
  person: { name: string; role: keyof typeof ROLE_LABELS };
  canManageUsers: boolean;
  signOut: () => Promise<void>;
}) {
  return (
    <header className="studio-bar">
      <div className="studio-bar-inner">
        <Link href="/studio" className="studio-brand">
          <span className="studio-brand-mark" aria-hidden="true">
            B
          </span>
          <span>
            {siteName} <span className="studio-brand-sub">Studio</span>
          </span>
        </Link>
        <nav aria-label="Studio" className="studio-links">
          <Link href="/studio">Articles</Link>
          <Link href="/studio/articles/new">New article</Link>
          <Link href="/studio/entities">Entities</Link>
          <Link href="/studio/sources">Sources</Link>
          {canManageUsers && <Link href="/studio/users">Users</Link>}
          <Link href="/studio/account">Account</Link>
          <Link href="/" target="_blank">
            View site
          </Link>
        </nav>
        <div className="studio-person">
          <span>
            {person.name} <span className="role-badge">{ROLE_LABELS[person.role]}</span>
          </span>
          <form action={signOut}>
            <button type="submit" className="button button-quiet">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
