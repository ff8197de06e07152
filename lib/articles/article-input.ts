import { z } from 'zod';
import type { BodyDocument } from '@/lib/content/body-document';
import { slugSchema } from './slug';

export const HEADLINE_MAX = 200;
export const STANDFIRST_MAX = 600;

const headline = z.string().trim().max(HEADLINE_MAX, `Keep the headline under ${HEADLINE_MAX} characters.`);
const sectionId = z.coerce.number('Choose a section.').int('Choose a section.').positive('Choose a section.');
const version = z.number().int().positive();

export const newArticleSchema = z.object({
  headline: headline.min(1, 'Enter a headline.'),
  sectionId,
});

/** One save of the editor's working copy. Unknown fields are dropped, never stored. */
export const workingCopyInputSchema = z.object({
  baseVersion: version,
  // merge / overwrite: the save that settles a conflict, recorded as such in the history.
  intent: z.enum(['autosave', 'save', 'merge', 'overwrite']),
  // The browser tab saving: after someone took over, the old tab's saves are refused.
  tabId: z.string().min(8).max(64).optional(),
  headline,
  standfirst: z.string().trim().max(STANDFIRST_MAX, `Keep the standfirst under ${STANDFIRST_MAX} characters.`),
  slug: slugSchema,
  sectionId,
  bylineIds: z
    .array(z.number().int().positive())
    .min(1, 'Add at least one byline.')
    .max(10, 'At most ten bylines.')
    .refine((ids) => new Set(ids).size === ids.length, 'Each person can carry the byline once.'),
  // Checked separately by validateBody, which reports what is wrong and where.
  body: z.unknown(),
});

/** A parsed save: the body has passed validateBody too. */
export type WorkingCopyInput = Omit<z.output<typeof workingCopyInputSchema>, 'body'> & { body: BodyDocument };

/** Publish, submit and the like name the version the person saw, so they act on what they read. */
export const articleActionSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  expectedVersion: z.coerce.number().int().positive(),
  note: z.string().trim().max(2000, 'Keep the note under 2,000 characters.').optional(),
});

/** Why an editor publishes although some claims have no source; empty means no reason given. */
export const coverageOverrideSchema = z.string().trim().max(1000, 'Keep the reason under 1,000 characters.').optional();

export const NOTICE_KINDS = ['correction', 'update', 'clarification', 'editors_note'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What readers, feeds and the publish dialog call each kind of notice. */
export const NOTICE_LABELS: Record<NoticeKind, string> = {
  correction: 'Correction',
  update: 'Update',
  clarification: 'Clarification',
  editors_note: 'Editor’s note',
};

/** Publishing: optionally with a notice (when republishing) and, when claims lack sources, a reason to go ahead. */
export const publishActionSchema = articleActionSchema.extend({
  notice: z
    .object({
      kind: z.enum(NOTICE_KINDS, 'Choose correction, update, clarification or editor’s note.'),
      body: z.string().trim().min(1, 'Write the notice readers will see.').max(2000, 'Keep the notice under 2,000 characters.'),
    })
    .optional(),
  coverageOverride: coverageOverrideSchema,
});

/** Returning an article to its writer always says what to fix. */
export const returnActionSchema = articleActionSchema.extend({
  note: z.string().trim().min(1, 'Tell the writer what to change.').max(2000, 'Keep the note under 2,000 characters.'),
});
