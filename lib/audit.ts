import 'server-only';
import type { Executor } from '@/db/client';
import { auditEvents } from '@/db/schema';

/** Who did what to which object, when (DESIGN.md "Audit event"). Written in the caller's transaction. */
export type AuditAction =
  | 'sign_in'
  | 'sign_in.failed'
  | 'sign_in.refused'
  | 'sign_out_everywhere'
  | 'password.change'
  | 'password.reset'
  | 'user.create'
  | 'user.role_change'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'article.create'
  | 'article.submit'
  | 'article.return'
  | 'article.publish'
  | 'article.unpublish'
  | 'article.takeover'
  | 'article.restore'
  | 'article.schedule'
  | 'article.schedule_cancel'
  | 'article.scheduled_publish'
  | 'article.scheduled_unpublish'
  | 'article.schedule_failed'
  | 'entity.create'
  | 'entity.update'
  | 'entity.merge'
  | 'source.create'
  | 'source.update'
  | 'article.coverage_override';

export async function recordAudit(
  executor: Executor,
  event: {
    actorId: number | null;
    action: AuditAction;
    subjectType?: 'user' | 'article' | 'entity' | 'source';
    subjectId?: number | string;
    address?: string | null;
    details?: Record<string, unknown>;
    at?: Date;
  },
): Promise<void> {
  await executor.insert(auditEvents).values({
    actorId: event.actorId,
    action: event.action,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId === undefined ? null : String(event.subjectId),
    address: event.address ?? null,
    details: event.details ?? {},
    ...(event.at ? { occurredAt: event.at } : {}),
  });
}
