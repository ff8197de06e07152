import { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors';

/** Parses untrusted input; on failure throws a ValidationError carrying every field's errors. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(fieldErrorsOf(parsed.error));
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'form';
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}

/** A positive integer id from a URL segment or form field; anything else is "not found". */
export const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
