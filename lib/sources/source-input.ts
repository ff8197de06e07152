import { z } from 'zod';
import { isAcceptableSourceUrl, SOURCE_URL_MESSAGE } from './source-url';

const optionalText = (max: number, label: string) => z.string().trim().max(max, `Keep the ${label} under ${max} characters.`).default('');
const optionalDate = z
  .string()
  .trim()
  .refine((value) => value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))), 'Enter a date as YYYY-MM-DD.')
  .optional()
  .transform((value) => (value ? value : null));

export const sourceFieldsSchema = z.object({
  url: z
    .string()
    .trim()
    .refine((value) => value === '' || isAcceptableSourceUrl(value), SOURCE_URL_MESSAGE)
    .optional()
    .transform((value) => (value ? value : null)),
  title: z.string().trim().min(1, 'Give the source a title.').max(300, 'Keep the title under 300 characters.'),
  outlet: optionalText(200, 'outlet'),
  author: optionalText(200, 'author'),
  publishedOn: optionalDate,
  accessedOn: optionalDate,
  notes: optionalText(2000, 'notes'),
});

export const sourceUpdateSchema = sourceFieldsSchema.extend({ sourceId: z.coerce.number().int().positive() });
