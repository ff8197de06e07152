import { randomBytes } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, sources } from '@/db/schema';
import type { BodyDocument } from '@/lib/content/body-document';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { useFreshDatabase } from '@/test-support/database';
import { cite, citedBody, createDraft, createPublishedArticle, createSourceAs, createStaff, paragraphs, uniqueHeadline } from '@/test-support/factories';
import { caught } from '@/test-support/inspect';
import { createSource, getSource, listSources, searchSources, SOURCE_PAGE_SIZE, updateSource } from './source-service';

const { db } = useFreshDatabase();

const NOW = new Date('2030-03-04T10:00:00Z');
const LATER = new Date('2030-03-05T16:30:00Z');

/** A word no other test's source contains, so tests sharing the database never see each other's rows. */
function token(): string {
  return `tok${randomBytes(4).toString('hex')}`;
}

/** The source's row and its audit events, read straight from the tables. */
async function readSourceState(sourceId: number) {
  const [row] = await db().select().from(sources).where(eq(sources.id, sourceId));
  const audit = await db()
    .select({ action: auditEvents.action, actorId: auditEvents.actorId, occurredAt: auditEvents.occurredAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'source'), eq(auditEvents.subjectId, String(sourceId))))
    .orderBy(asc(auditEvents.id));
  return { row, audit };
}

/** Every source and every source audit event there is: for asserting that nothing was added. */
async function librarySize() {
  const [rows] = await db().select({ n: count() }).from(sources);
  const [events] = await db().select({ n: count() }).from(auditEvents).where(eq(auditEvents.subjectType, 'source'));
  return { sources: rows!.n, events: events!.n };
}

function byId<Row extends { id: number }>(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => a.id - b.id);
}

function fieldsOf(error: unknown): string[] {
  expect(error).toBeInstanceOf(ValidationError);
  return Object.keys((error as ValidationError).fieldErrors).sort();
}

/** A body whose one paragraph ends with a citation of `sourceId`. */
function citing(sourceId: number): BodyDocument {
  return citedBody(['The ministry published the figures.', cite(sourceId)]);
}

/** The same body, its paragraph inside a block quote: a citation is found at any depth. */
function quoted(body: BodyDocument): BodyDocument {
  return { type: 'doc', content: [{ type: 'blockquote', content: body.content }] };
}

describe('adding a source', () => {
  it('lets a writer add one: fields trimmed, dates kept, the address normalised for comparison, an audit event', async () => {
    const writer = await createStaff('writer');

    const created = await createSource(
      writer,
      {
        url: ' https://www.Example.org/reports/cecot/?utm_source=x ',
        title: '  Inside the prison ',
        outlet: ' Example News ',
        author: ' Ana Ruiz ',
        publishedOn: '2025-04-14',
        accessedOn: '2025-04-20',
        notes: ' Live page; figures changed later. ',
      },
      { now: NOW },
    );

    expect(created).toEqual({
      id: expect.any(Number),
      url: 'https://www.Example.org/reports/cecot/?utm_source=x',
      title: 'Inside the prison',
      outlet: 'Example News',
      author: 'Ana Ruiz',
      publishedOn: '2025-04-14',
      accessedOn: '2025-04-20',
      notes: 'Live page; figures changed later.',
    });
    const { row, audit } = await readSourceState(created.id);
    expect(row).toMatchObject({ normalizedUrl: 'example.org/reports/cecot', createdBy: writer.id, createdAt: NOW, updatedAt: NOW });
    expect(audit).toEqual([{ action: 'source.create', actorId: writer.id, occurredAt: NOW }]);
  });

  it('offers the existing source, and adds nothing, when the same report comes under another form of its address', async () => {
    const writer = await createStaff('writer');
    const host = `${token()}.example.com`;
    const existing = await createSourceAs(writer, { url: `https://${host.toUpperCase()}/report/` });
    const before = await librarySize();

    const error = await caught(createSource(writer, { url: `http://${host}/report`, title: 'The same report, again' }));

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toEqual(existing);
    expect((error as ConflictError).message).toContain(existing.title);
    expect(await librarySize()).toEqual(before);
  });

  it('keeps two sources whose addresses differ in what makes reports different (path case, query)', async () => {
    const writer = await createStaff('writer');
    const host = `${token()}.example.com`;

    const added = [
      await createSourceAs(writer, { url: `https://${host}/report?id=1` }),
      await createSourceAs(writer, { url: `https://${host}/report?id=2` }),
      await createSourceAs(writer, { url: `https://${host}/Report?id=1` }),
    ];

    expect(new Set(added.map((source) => source.id)).size).toBe(3);
  });

  it('adds sources without an address (print, broadcast) side by side', async () => {
    const writer = await createStaff('writer');

    const first = await createSourceAs(writer, { title: 'Evening bulletin' });
    const second = await createSourceAs(writer, { title: 'Evening bulletin' });

    expect(first.url).toBeNull();
    expect(second.id).not.toBe(first.id);
    expect((await readSourceState(second.id)).row!.normalizedUrl).toBeNull();
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/report.pdf', 'https://user:pw@x.org/report', 'example.org/report', 'data:text/html,<b>x</b>'])(
    'refuses the address %j on url, and adds nothing',
    async (url) => {
      const writer = await createStaff('writer');
      const before = await librarySize();

      const error = await caught(createSource(writer, { url, title: 'A report' }));

      expect(fieldsOf(error)).toEqual(['url']);
      expect(await librarySize()).toEqual(before);
    },
  );

  it('reports every field that needs attention at once', async () => {
    const writer = await createStaff('writer');
    const before = await librarySize();

    const error = await caught(createSource(writer, { url: 'ftp://x.org', title: '  ', publishedOn: '2025-02-30', accessedOn: '14/04/2025' }));

    expect(fieldsOf(error)).toEqual(['accessedOn', 'publishedOn', 'title', 'url']);
    expect(await librarySize()).toEqual(before);
  });
});

describe('editing a source', () => {
  it('refuses a writer, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const source = await createSourceAs(writer, { outlet: 'Before' });
    const before = await readSourceState(source.id);

    const error = await caught(updateSource(writer, { ...source, sourceId: source.id, outlet: 'After' }));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await readSourceState(source.id)).toEqual(before);
  });

  it('lets an editor change every field, with an audit event', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const source = await createSourceAs(writer, { url: `https://${token()}.example.com/old` });

    const updated = await updateSource(
      editor,
      {
        sourceId: source.id,
        url: 'https://www.example.net/new-address/',
        title: 'A better title',
        outlet: 'Example Wire',
        author: 'B. Reporter',
        publishedOn: '2025-01-02',
        accessedOn: '',
        notes: 'Checked against the print edition.',
      },
      { now: LATER },
    );

    expect(updated).toEqual({
      id: source.id,
      url: 'https://www.example.net/new-address/',
      title: 'A better title',
      outlet: 'Example Wire',
      author: 'B. Reporter',
      publishedOn: '2025-01-02',
      accessedOn: null,
      notes: 'Checked against the print edition.',
    });
    const { row, audit } = await readSourceState(source.id);
    expect(row).toMatchObject({ normalizedUrl: 'example.net/new-address', updatedAt: LATER });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ['source.create', writer.id],
      ['source.update', editor.id],
    ]);
    expect(audit[1]!.occurredAt).toEqual(LATER);
  });

  it('lets an editor keep the address in another form of itself', async () => {
    const editor = await createStaff('editor');
    const host = `${token()}.example.com`;
    const source = await createSourceAs(editor, { url: `https://${host}/report` });

    const updated = await updateSource(editor, { ...source, sourceId: source.id, url: `http://www.${host}/report/#top` });

    expect(updated.url).toBe(`http://www.${host}/report/#top`);
  });

  it("refuses another source's address on url, and changes nothing", async () => {
    const editor = await createStaff('editor');
    const host = `${token()}.example.com`;
    const taken = await createSourceAs(editor, { url: `https://${host}/taken`, title: 'The first report' });
    const source = await createSourceAs(editor, { url: `https://${host}/mine` });
    const before = await readSourceState(source.id);

    const error = await caught(updateSource(editor, { ...source, sourceId: source.id, url: `https://${host}/taken/` }));

    expect(fieldsOf(error)).toEqual(['url']);
    expect((error as ValidationError).fieldErrors.url![0]).toContain(taken.title);
    expect(await readSourceState(source.id)).toEqual(before);
  });

  it('answers a missing source with not found', async () => {
    const editor = await createStaff('editor');

    const error = await caught(updateSource(editor, { sourceId: 2_000_000_000, title: 'Nothing here' }));

    expect(error).toBeInstanceOf(NotFoundError);
  });
});

describe('searching the library', () => {
  it('finds a source by a fragment of its title, outlet or address, in any case', async () => {
    const writer = await createStaff('writer');
    const [inTitle, inOutlet, inUrl] = [token(), token(), token()];
    const source = await createSourceAs(writer, { title: `Deportation flights ${inTitle}`, outlet: `Wire ${inOutlet}`, url: `https://example.org/${inUrl}/report` });
    await createSourceAs(writer); // another source, which none of the searches may return

    const found = await Promise.all(
      [inTitle.toUpperCase(), `wire ${inOutlet}`, `org/${inUrl}`].map(async (query) => (await searchSources(writer, { query })).map((row) => row.id)),
    );

    expect(found).toEqual([[source.id], [source.id], [source.id]]);
  });

  it('reads % and _ in a query as themselves, not as wildcards', async () => {
    const writer = await createStaff('writer');
    const tag = token();
    const percent = await createSourceAs(writer, { title: `Rents up 5% in a year ${tag}` });
    await createSourceAs(writer, { title: `Rents up 50 dollars ${tag}` });
    const underscore = await createSourceAs(writer, { title: `Dataset ${tag}`, url: `https://example.org/${tag}/a_b` });
    await createSourceAs(writer, { title: `Dataset ${tag}`, url: `https://example.org/${tag}/axb` });

    const byPercent = await searchSources(writer, { query: '5%' });
    const byUnderscore = await searchSources(writer, { query: `${tag}/a_b` });

    expect(byPercent.map((row) => row.id)).toEqual([percent.id]);
    expect(byUnderscore.map((row) => row.id)).toEqual([underscore.id]);
  });
});

describe('listing the library', () => {
  it('pages through the matches by title, with the total', async () => {
    const writer = await createStaff('writer');
    const tag = token();
    const titles = Array.from({ length: SOURCE_PAGE_SIZE + 1 }, (_, index) => `${tag} report ${String(index).padStart(2, '0')}`);
    for (const title of [...titles].reverse()) await createSourceAs(writer, { title });

    const first = await listSources(writer, { q: tag, page: 1 });
    const second = await listSources(writer, { q: tag, page: 2 });

    expect(first.total).toBe(SOURCE_PAGE_SIZE + 1);
    expect(first.rows.map((row) => row.title)).toEqual(titles.slice(0, SOURCE_PAGE_SIZE));
    expect(second.rows.map((row) => row.title)).toEqual(titles.slice(SOURCE_PAGE_SIZE));
  });

  it('counts the published articles citing each source, not drafts', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const tag = token();
    const [published, draftOnly, uncited] = [
      await createSourceAs(writer, { title: `${tag} a` }),
      await createSourceAs(writer, { title: `${tag} b` }),
      await createSourceAs(writer, { title: `${tag} c` }),
    ];
    await createPublishedArticle(writer, editor, { body: citing(published.id) });
    await createPublishedArticle(writer, editor, { body: quoted(citing(published.id)) });
    await createDraft(writer, { body: citing(draftOnly.id) });

    const { rows } = await listSources(writer, { q: tag, page: 1 });

    expect(rows.map((row) => [row.id, row.citedBy])).toEqual([
      [published.id, 2],
      [draftOnly.id, 0],
      [uncited.id, 0],
    ]);
  });
});

describe('one source and the articles citing it', () => {
  it("shows an editor every article whose current text cites it, with its status, and no other", async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const source = await createSourceAs(writer);
    const other = await createSourceAs(writer);
    const [draftHeadline, publishedHeadline] = [uniqueHeadline('Draft'), uniqueHeadline('Published')];
    const draft = await createDraft(writer, { headline: draftHeadline, body: citing(source.id) });
    const published = await createPublishedArticle(writer, editor, { headline: publishedHeadline, body: quoted(citing(source.id)) });
    await createDraft(writer, { body: citing(other.id) });
    await createDraft(writer, { body: paragraphs('Nothing cited here.') });

    const found = await getSource(editor, source.id);

    expect(found.source).toEqual(source);
    expect(byId(found.citing)).toEqual(
      byId([
        { id: draft.id, headline: draftHeadline, status: 'draft' },
        { id: published.id, headline: publishedHeadline, status: 'published' },
      ]),
    );
  });

  it("shows a writer their own drafts and published articles, not another writer's draft", async () => {
    const writer = await createStaff('writer');
    const otherWriter = await createStaff('writer');
    const editor = await createStaff('editor');
    const source = await createSourceAs(writer);
    const own = await createDraft(writer, { body: citing(source.id) });
    const othersPublished = await createPublishedArticle(otherWriter, editor, { body: citing(source.id) });
    await createDraft(otherWriter, { body: citing(source.id) });

    const found = await getSource(writer, source.id);

    expect(byId(found.citing).map((article) => article.id)).toEqual(byId([own, othersPublished]).map((article) => article.id));
  });

  it('answers a missing source with not found', async () => {
    const writer = await createStaff('writer');

    const error = await caught(getSource(writer, 2_000_000_000));

    expect(error).toBeInstanceOf(NotFoundError);
  });
});
