/**
 * Who may do what, as one readable matrix (DESIGN.md "Roles"). Pure: no I/O. Services
 * call `can` with the acting user and the facts of the object; the list queries use
 * `articleListScope` so a writer's lists are filtered in SQL, not after the fact.
 */
export type Role = 'admin' | 'editor' | 'writer';
export const ROLES: readonly Role[] = ['admin', 'editor', 'writer'];

export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';

export type Actor = { id: number; role: Role; name: string; email: string };

/** What a rule needs to know about an article. */
export type ArticleFacts = { createdBy: number; bylineIds: readonly number[]; status: ArticleStatus };

export type ArticleAbility =
  | 'view'
  | 'edit'
  | 'submit'
  | 'publish'
  | 'unpublish'
  | 'review'
  | 'changeBylines'
  | 'viewRevisions';

/** How far a grant reaches: every article, the actor's own, own drafts, or none. */
type Reach = 'any' | 'own' | 'own-draft' | 'own-or-published' | 'none';

const ARTICLE_MATRIX: Record<Role, Record<ArticleAbility, Reach>> = {
  admin: {
    view: 'any',
    edit: 'any',
    submit: 'any',
    publish: 'any',
    unpublish: 'any',
    review: 'any',
    changeBylines: 'any',
    viewRevisions: 'any',
  },
  editor: {
    view: 'any',
    edit: 'any',
    submit: 'any',
    publish: 'any',
    unpublish: 'any',
    review: 'any',
    changeBylines: 'any',
    viewRevisions: 'any',
  },
  writer: {
    view: 'own-or-published',
    edit: 'own-draft',
    submit: 'own-draft',
    publish: 'none',
    unpublish: 'none',
    review: 'none',
    changeBylines: 'none',
    viewRevisions: 'own',
  },
};

export type GeneralAbility =
  | 'article.create'
  | 'entity.create'
  | 'entity.manage'
  | 'source.create'
  | 'source.manage'
  | 'user.manage'
  | 'audit.view';

// Writers may add an entity or a source while writing; editing and merging them is an
// editor's job.
const GENERAL_MATRIX: Record<Role, Record<GeneralAbility, boolean>> = {
  admin: {
    'article.create': true,
    'entity.create': true,
    'entity.manage': true,
    'source.create': true,
    'source.manage': true,
    'user.manage': true,
    'audit.view': true,
  },
  editor: {
    'article.create': true,
    'entity.create': true,
    'entity.manage': true,
    'source.create': true,
    'source.manage': true,
    'user.manage': false,
    'audit.view': false,
  },
  writer: {
    'article.create': true,
    'entity.create': true,
    'entity.manage': false,
    'source.create': true,
    'source.manage': false,
    'user.manage': false,
    'audit.view': false,
  },
};

export function canOnArticle(actor: Actor, ability: ArticleAbility, article: ArticleFacts): boolean {
  const reach = ARTICLE_MATRIX[actor.role][ability];
  const own = isOwnArticle(actor, article);
  switch (reach) {
    case 'any':
      return true;
    case 'own':
      return own;
    case 'own-draft':
      return own && article.status === 'draft';
    case 'own-or-published':
      return own || article.status === 'published';
    case 'none':
      return false;
  }
}

export function can(actor: Actor, ability: GeneralAbility): boolean {
  return GENERAL_MATRIX[actor.role][ability];
}

/** The filter for article lists: everything, or the actor's own plus what is published. */
export function articleListScope(actor: Actor): { kind: 'all' } | { kind: 'own-or-published'; userId: number } {
  return ARTICLE_MATRIX[actor.role].view === 'any'
    ? { kind: 'all' }
    : { kind: 'own-or-published', userId: actor.id };
}

/** Own: the actor created it or carries its byline. */
export function isOwnArticle(actor: Actor, article: ArticleFacts): boolean {
  return article.createdBy === actor.id || article.bylineIds.includes(actor.id);
}
