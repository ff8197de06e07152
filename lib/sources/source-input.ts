import { z } from 'zod';
import { isAcceptableSourceUrl, SOURCE_URL_MESSAGE } from './source-url';

const optionalText = (max: number, label: string) => z.string().trim().max(max, `Keep the ${label} under ${max} characters.`).default('');
// Absent is '', null or missing, as forms and the records this service returns say it.
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isCalendarDate(value), 'Enter a date as YYYY-MM-DD.')
  .nullish()
  .transform((value) => (value ? value : null));

export const sourceFieldsSchema = z.object({
  url: z
    .string()
    .trim()
    .refine((value) => value === '' || isAcceptableSourceUrl(value), SOURCE_URL_MESSAGE)
    .nullish()
    .transform((value) => (value ? value : null)),
  title: z.string().trim().min(1, 'Give the source a title.').max(300, 'Keep the title under 300 characters.'),
  outlet: optionalText(200, 'outlet'),
  author: optionalText(200, 'author'),
  publishedOn: optionalDate,
  accessedOn: optionalDate,
  notes: optionalText(2000, 'notes'),
});

export const sourceUpdateSchema = sourceFieldsSchema.extend({ sourceId: z.coerce.number().int().positive() });

/** A real day: JavaScript reads 2025-02-30 as 2 March, and year 0, which the database refuses. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
