import { NOTICE_LABELS } from '@/lib/articles/article-input';
import type { PublicNotice } from '@/lib/articles/public-articles';
import { formatDateTime } from '@/lib/format';


/** Notices readers must see: corrections above the text, the others after it. */
export function Notices({ notices, placement }: { notices: PublicNotice[]; placement: 'top' | 'foot' }) {
  const shown = notices.filter((notice) => (notice.kind === 'correction') === (placement === 'top'));
  if (shown.length === 0) return null;
  return (
    <aside className={`notices notices-${placement}`} aria-label={placement === 'top' ? 'Corrections' : 'Updates and notes'}>
      {shown.map((notice) => (
        <p key={`${notice.kind}-${notice.at.toISOString()}`} className={`notice-item notice-${notice.kind}`}>
          <strong>{NOTICE_LABELS[notice.kind]}</strong>{' '}
          <time dateTime={notice.at.toISOString()}>{formatDateTime(notice.at)}</time>: {notice.body}
        </p>
      ))}
    </aside>
  );
}
