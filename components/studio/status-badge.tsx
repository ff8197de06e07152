import { STATUS_LABELS } from '@/lib/articles/status-transitions';
import type { ArticleStatus } from '@/lib/permissions';

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`status-badge status-${status.replace('_', '-')}`}>{STATUS_LABELS[status]}</span>;
}
