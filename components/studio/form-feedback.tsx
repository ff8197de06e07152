import type { ReactNode } from 'react';
import type { ActionResult } from '@/lib/http/action-result';

/**
 * The message under a form after its action ran: success in green, the error in red.
 * `children` (a way forward, such as a link) is announced with it.
 */
export function FormFeedback({ result, children }: { result: ActionResult<string | null> | null; children?: ReactNode }) {
  return (
    <div aria-live="polite">
      {result?.ok === true && typeof result.data === 'string' && <p className="notice notice-success">{result.data}</p>}
      {result?.ok === false && <p className="notice notice-error">{result.error.message}</p>}
      {children}
    </div>
  );
}

export function FieldError({ id, result, field }: { id: string; result: ActionResult<unknown> | null; field: string }) {
  const messages = result?.ok === false ? result.error.fieldErrors?.[field] : undefined;
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

export function fieldInvalid(result: ActionResult<unknown> | null, field: string): true | undefined {
  return result?.ok === false && result.error.fieldErrors?.[field]?.length ? true : undefined;
}
