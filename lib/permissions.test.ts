import { describe, it, expect } from 'vitest';
import {
  articleListScope,
  can,
  canOnArticle,
  isOwnArticle,
  type Actor,
  type ArticleAbility,
  type ArticleFacts,
  type GeneralAbility,
  type Role,
} from './permissions';

const ACTOR_ID = 7;
const OTHER_ID = 8;

function actor(role: Role): Actor {
  return { id: ACTOR_ID, role, name: `A ${role}`, email: `${role}@example.com` };
}

type Situation = 'ownDraft' | 'ownInReview' | 'ownPublished' | 'othersDraft' | 'othersPublished';

const SITUATIONS: Record<Situation, ArticleFacts> = {
  ownDraft: { createdBy: ACTOR_ID, bylineIds: [ACTOR_ID], status: 'draft' },
  ownInReview: { createdBy: ACTOR_ID, bylineIds: [ACTOR_ID], status: 'in_review' },
  ownPublished: { createdBy: ACTOR_ID, bylineIds: [ACTOR_ID], status: 'published' },
  othersDraft: { createdBy: OTHER_ID, bylineIds: [OTHER_ID], status: 'draft' },
  othersPublished: { createdBy: OTHER_ID, bylineIds: [OTHER_ID], status: 'published' },
};

// The matrix as DESIGN.md "Roles" states it, written out by hand: one row per role and
// ability, columns in the order own draft, own in review, own published, other's draft,
// other's published.
type Row = [boolean, boolean, boolean, boolean, boolean];
const T = true;
const F = false;
const EXPECTED: Record<Role, Record<ArticleAbility, Row>> = {
  admin: {
    view: [T, T, T, T, T],
    edit: [T, T, T, T, T],
    submit: [T, T, T, T, T],
    publish: [T, T, T, T, T],
    unpublish: [T, T, T, T, T],
    review: [T, T, T, T, T],
    changeBylines: [T, T, T, T, T],
    viewRevisions: [T, T, T, T, T],
  },
  editor: {
    view: [T, T, T, T, T],
    edit: [T, T, T, T, T],
    submit: [T, T, T, T, T],
    publish: [T, T, T, T, T],
    unpublish: [T, T, T, T, T],
    review: [T, T, T, T, T],
    changeBylines: [T, T, T, T, T],
    viewRevisions: [T, T, T, T, T],
  },
  writer: {
    view: [T, T, T, F, T],
    edit: [T, F, F, F, F],
    submit: [T, F, F, F, F],
    publish: [F, F, F, F, F],
    unpublish: [F, F, F, F, F],
    review: [F, F, F, F, F],
    changeBylines: [F, F, F, F, F],
    viewRevisions: [T, T, T, F, F],
  },
};

const SITUATION_ORDER: Situation[] = ['ownDraft', 'ownInReview', 'ownPublished', 'othersDraft', 'othersPublished'];

const MATRIX_CASES = Object.entries(EXPECTED).flatMap(([role, abilities]) =>
  Object.entries(abilities).flatMap(([ability, row]) =>
    SITUATION_ORDER.map((situation, column) => ({
      role: role as Role,
      ability: ability as ArticleAbility,
      situation,
      expected: row[column]!,
    })),
  ),
);

describe('canOnArticle: the whole matrix', () => {
  it('covers 3 roles × 8 abilities × 5 situations', () => {
    expect(MATRIX_CASES).toHaveLength(3 * 8 * 5);
  });

  it.each(MATRIX_CASES)('$role may $ability on $situation: $expected', ({ role, ability, situation, expected }) => {
    const result = canOnArticle(actor(role), ability, SITUATIONS[situation]);

    expect(result).toBe(expected);
  });
});

describe('canOnArticle: "own" includes the byline', () => {
  const bylinedDraft: ArticleFacts = { createdBy: OTHER_ID, bylineIds: [OTHER_ID, ACTOR_ID], status: 'draft' };

  it('lets a writer on the byline edit a draft someone else created', () => {
    expect(canOnArticle(actor('writer'), 'edit', bylinedDraft)).toBe(true);
  });

  it('lets a writer on the byline submit a draft someone else created', () => {
    expect(canOnArticle(actor('writer'), 'submit', bylinedDraft)).toBe(true);
  });

  it('lets a writer on the byline view the revisions of an unpublished article of someone else', () => {
    const article: ArticleFacts = { createdBy: OTHER_ID, bylineIds: [ACTOR_ID], status: 'unpublished' };

    expect(canOnArticle(actor('writer'), 'viewRevisions', article)).toBe(true);
  });

  it('lets a writer who created the article but is no longer on the byline still edit the draft', () => {
    const article: ArticleFacts = { createdBy: ACTOR_ID, bylineIds: [OTHER_ID], status: 'draft' };

    expect(canOnArticle(actor('writer'), 'edit', article)).toBe(true);
  });

  it('does not let a writer on the byline change the byline', () => {
    expect(canOnArticle(actor('writer'), 'changeBylines', bylinedDraft)).toBe(false);
  });

  it('does not let a writer on the byline publish', () => {
    expect(canOnArticle(actor('writer'), 'publish', bylinedDraft)).toBe(false);
  });
});

describe('canOnArticle: statuses outside the five situations', () => {
  it.each([
    { status: 'scheduled', ability: 'view', expected: true },
    { status: 'unpublished', ability: 'view', expected: true },
    { status: 'scheduled', ability: 'edit', expected: false },
    { status: 'unpublished', ability: 'edit', expected: false },
    { status: 'unpublished', ability: 'submit', expected: false },
  ] as const)('a writer may $ability their own $status article: $expected', ({ status, ability, expected }) => {
    const article: ArticleFacts = { createdBy: ACTOR_ID, bylineIds: [ACTOR_ID], status };

    expect(canOnArticle(actor('writer'), ability, article)).toBe(expected);
  });

  it.each(['scheduled', 'unpublished', 'in_review'] as const)(
    "does not let a writer view someone else's %s article",
    (status) => {
      const article: ArticleFacts = { createdBy: OTHER_ID, bylineIds: [OTHER_ID], status };

      expect(canOnArticle(actor('writer'), 'view', article)).toBe(false);
    },
  );
});

describe('isOwnArticle', () => {
  it.each([
    { facts: { createdBy: ACTOR_ID, bylineIds: [] }, expected: true, why: 'created it' },
    { facts: { createdBy: OTHER_ID, bylineIds: [OTHER_ID, ACTOR_ID] }, expected: true, why: 'is on the byline' },
    { facts: { createdBy: OTHER_ID, bylineIds: [OTHER_ID] }, expected: false, why: 'neither' },
    { facts: { createdBy: OTHER_ID, bylineIds: [] }, expected: false, why: 'neither, empty byline' },
  ])('is $expected when the actor $why', ({ facts, expected }) => {
    const article: ArticleFacts = { ...facts, status: 'draft' };

    expect(isOwnArticle(actor('writer'), article)).toBe(expected);
  });
});

describe('can: general abilities', () => {
  const EXPECTED_GENERAL: Record<Role, Record<GeneralAbility, boolean>> = {
    admin: { 'article.create': true, 'entity.create': true, 'entity.manage': true, 'source.create': true, 'source.manage': true, 'user.manage': true, 'audit.view': true },
    editor: { 'article.create': true, 'entity.create': true, 'entity.manage': true, 'source.create': true, 'source.manage': true, 'user.manage': false, 'audit.view': false },
    writer: { 'article.create': true, 'entity.create': true, 'entity.manage': false, 'source.create': true, 'source.manage': false, 'user.manage': false, 'audit.view': false },
  };
  const cases = Object.entries(EXPECTED_GENERAL).flatMap(([role, abilities]) =>
    Object.entries(abilities).map(([ability, expected]) => ({
      role: role as Role,
      ability: ability as GeneralAbility,
      expected,
    })),
  );

  it.each(cases)('$role may $ability: $expected', ({ role, ability, expected }) => {
    expect(can(actor(role), ability)).toBe(expected);
  });
});

describe('articleListScope', () => {
  it.each(['admin', 'editor'] as const)('lets an %s list every article', (role) => {
    expect(articleListScope(actor(role))).toEqual({ kind: 'all' });
  });

  it("limits a writer's lists to their own articles plus published ones", () => {
    expect(articleListScope(actor('writer'))).toEqual({ kind: 'own-or-published', userId: ACTOR_ID });
  });
});
