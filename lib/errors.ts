/**
 * Errors a user can cause, each with the HTTP status it maps to. `isPublic` says the
 * message may be shown as is; anything else becomes a generic 500 without internals.
 */
export type FieldErrors = Record<string, string[]>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly isPublic: boolean = true;
}

export class ValidationError extends AppError {
  readonly status = 422;
  readonly code = 'validation_failed';
  constructor(
    readonly fieldErrors: FieldErrors,
    message = 'Some fields need attention.',
  ) {
    super(message);
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
  readonly code = 'bad_request';
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthorized';
  constructor(message = 'Please sign in.') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(message = 'Not found.') {
    super(message);
  }
}

/** A save or publish based on a stale version; carries what is current instead. */
export class ConflictError<Current = unknown> extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
  constructor(
    message: string,
    readonly current: Current,
  ) {
    super(message);
  }
}

/** Someone else holds the article's edit lease: this tab was taken over. */
export class EditLockedError extends AppError {
  readonly status = 423;
  readonly code = 'taken_over';
  constructor(
    message: string,
    readonly holder: { name: string; since: string },
  ) {
    super(message);
  }
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'too_many_requests';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The shape every failed operation takes on the wire and in `useActionState`. */
export type ErrorBody = {
  error: {
    code: string;
    message: string;
    fieldErrors?: FieldErrors;
    current?: unknown;
    holder?: { name: string; since: string };
  };
};

export function toErrorBody(error: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof AppError && error.isPublic) {
    const headers: Record<string, string> = {};
    if (error instanceof TooManyRequestsError) headers['Retry-After'] = String(error.retryAfterSeconds);
    return {
      status: error.status,
      headers,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error instanceof ValidationError ? { fieldErrors: error.fieldErrors } : {}),
          ...(error instanceof ConflictError ? { current: error.current } : {}),
          ...(error instanceof EditLockedError ? { holder: error.holder } : {}),
        },
      },
    };
  }
  console.error(error);
  return {
    status: 500,
    headers: {},
    body: { error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } },
  };
}
