import { describe, it, expect, vi } from 'vitest';
import {
  AppError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  toErrorBody,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from './errors';

describe('toErrorBody: typed errors', () => {
  it.each([
    [new BadRequestError('Send JSON.'), 400, 'bad_request', 'Send JSON.'],
    [new UnauthorizedError(), 401, 'unauthorized', 'Please sign in.'],
    [new UnauthorizedError('Your session ended.'), 401, 'unauthorized', 'Your session ended.'],
    [new ForbiddenError(), 403, 'forbidden', 'You do not have permission to do that.'],
    [new NotFoundError(), 404, 'not_found', 'Not found.'],
    [new NotFoundError('No such article.'), 404, 'not_found', 'No such article.'],
    [new PayloadTooLargeError('Too large.'), 413, 'payload_too_large', 'Too large.'],
  ])('maps %s to %i %s', (error, status, code, message) => {
    expect(toErrorBody(error)).toEqual({ status, headers: {}, body: { error: { code, message } } });
  });

  it('maps a ValidationError to 422 with every field error', () => {
    const error = new ValidationError({ title: ['Enter a title.'], slug: ['Enter a slug.', 'Use lowercase.'] });

    expect(toErrorBody(error)).toEqual({
      status: 422,
      headers: {},
      body: {
        error: {
          code: 'validation_failed',
          message: 'Some fields need attention.',
          fieldErrors: { title: ['Enter a title.'], slug: ['Enter a slug.', 'Use lowercase.'] },
        },
      },
    });
  });

  it('maps a ConflictError to 409 carrying the current state', () => {
    const current = { version: 7, title: 'Their title' };

    expect(toErrorBody(new ConflictError('Someone else saved first.', current))).toEqual({
      status: 409,
      headers: {},
      body: { error: { code: 'conflict', message: 'Someone else saved first.', current } },
    });
  });

  it('maps a TooManyRequestsError to 429 with a Retry-After header', () => {
    expect(toErrorBody(new TooManyRequestsError('Try again in 100 seconds.', 100))).toEqual({
      status: 429,
      headers: { 'Retry-After': '100' },
      body: { error: { code: 'too_many_requests', message: 'Try again in 100 seconds.' } },
    });
  });

  it('does not put fieldErrors or current on other errors', () => {
    const { body } = toErrorBody(new ForbiddenError());

    expect(Object.keys(body.error)).toEqual(['code', 'message']);
  });
});

describe('toErrorBody: unexpected errors', () => {
  it('maps a plain Error to a generic 500 that does not leak its message', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');

    const result = toErrorBody(error);

    expect(result).toEqual({
      status: 500,
      headers: {},
      body: { error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } },
    });
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(consoleError).toHaveBeenCalledWith(error);
    consoleError.mockRestore();
  });

  it('maps a typed error that is not public to the generic 500', () => {
    class LedgerError extends AppError {
      readonly status = 502;
      readonly code = 'ledger_down';
      override readonly isPublic = false;
    }
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});

    const result = toErrorBody(new LedgerError('ledger at 10.0.0.9 refused'));

    expect(result).toEqual({
      status: 500,
      headers: {},
      body: { error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } },
    });
    consoleError.mockRestore();
  });

  it.each([['a string', 'secret detail'], ['undefined', undefined], ['an object', { sql: 'SELECT secret' }]])(
    'maps a thrown %s to the generic 500',
    (_what, thrown) => {
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});

      const result = toErrorBody(thrown);

      expect(result.status).toBe(500);
      expect(result.body.error.code).toBe('internal_error');
      expect(JSON.stringify(result)).not.toContain('secret');
      consoleError.mockRestore();
    },
  );
});
