import { parseFeed } from '@rowanmanning/feed-parser';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { publishArticle, unpublishArticle } from '@/lib/articles/article-workflow';
import type { BodyDocument } from '@/lib/content/body-document';
import type { Actor } from '@/lib/permissions';
import { createDraft, currentSaveInput, saveChanges, SOURCING_NOT_UNDER_TEST } from '@/test-support/factories';
import { parseXmlStrictly, type XmlTree } from './xml-test-support';

/*
 * For the feed and sitemap integration tests: publishing the way the studio does, calling
 * route handlers as Next calls them, and reading what they answer as a feed reader would.
 */

type SlugRoute = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;

/** Calls a `[slug]` route handler's GET as Next would, with the slug already decoded. */
export function getWithSlug(route: SlugRoute, slug: string): Promise<Response> {
  return route(new Request('http://localhost/feed'), { params: Promise.resolve({ slug }) });
}

/** The address slug of a member of staff (the factories make it from their role). */
export async function userSlug(userId: number): Promise<string> {
  const [user] = await getDb().select({ slug: users.slug }).from(users).where(eq(users.id, userId));
  return user!.slug;
}

/** A draft by `author`, given a standfirst and bylines by `editor`, and published by them at `now`. */
export async function publishStory(
  editor: Actor,
  {
    author,
    headline,
    standfirst,
    sectionId,
    bylineIds,
    body,
    now,
  }: { author: Actor; headline?: string; standfirst?: string; sectionId?: number; bylineIds?: number[]; body?: BodyDocument; now: Date },
): Promise<{ id: number; slug: string; sectionId: number }> {
  const draft = await createDraft(author, { headline, sectionId, body, now });
  const version = await saveChanges(editor, draft.id, { ...(standfirst === undefined ? {} : { standfirst }), ...(bylineIds ? { bylineIds } : {}) }, { now });
  await publishArticle(editor, { articleId: draft.id, expectedVersion: version, coverageOverride: SOURCING_NOT_UNDER_TEST }, { now });
  return { id: draft.id, slug: draft.slug, sectionId: draft.sectionId };
}

/** Edits a published article and publishes the edit at `now`, with a notice if one is given. */
export async function republish(
  editor: Actor,
  articleId: number,
  { changes = {}, notice, now }: { changes?: Parameters<typeof saveChanges>[2]; notice?: { kind: string; body: string }; now: Date },
): Promise<void> {
  const version = await saveChanges(editor, articleId, changes, { now });
  await publishArticle(editor, { articleId, expectedVersion: version, notice, coverageOverride: SOURCING_NOT_UNDER_TEST }, { now });
}

export async function takeDown(editor: Actor, articleId: number, now: Date): Promise<void> {
  const { baseVersion } = await currentSaveInput(articleId);
  await unpublishArticle(editor, { articleId, expectedVersion: baseVersion }, { now });
}

/** A feed response's text, parsed strictly as XML and by a feed reader's parser. */
export async function readFeedResponse(response: Response): Promise<{ xml: XmlTree; feed: ReturnType<typeof parseFeed> }> {
  const text = await response.text();
  return { xml: parseXmlStrictly(text, { arrays: ['item', 'entry', 'dc:creator', 'author', 'category', 'link'] }), feed: parseFeed(text) };
}

/** The ids of a feed response's items, in order. */
export async function itemIds(response: Response): Promise<Array<string | null>> {
  return (await readFeedResponse(response)).feed.items.map((item) => item.id);
}
