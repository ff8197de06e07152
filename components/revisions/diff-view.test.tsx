import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BodyBlock, BodyDocument } from '@/lib/content/body-document';
import { diffBodies } from '@/lib/revisions/block-diff';
import { diffMetadata, type RevisionMetadata } from '@/lib/revisions/metadata-diff';
import { DiffView } from './diff-view';

const paragraph = (text: string): BodyBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: BodyBlock[]): BodyDocument => ({ type: 'doc', content });
const META: RevisionMetadata = { headline: 'Council approves budget', standfirst: '', slug: 'budget', section: 'Local', bylines: ['Ana Ruiz'] };

/** The first render, as the server sends it (no effects run: no focus, nothing expanded). */
function render(before: BodyDocument, after: BodyDocument, metadataAfter: RevisionMetadata = META): string {
  return renderToStaticMarkup(
    <DiffView metadata={diffMetadata(META, metadataAfter)} blocks={diffBodies(before, after)} beforeLabel="Revision 4" afterLabel="Revision 5" />,
  );
}

describe('DiffView', () => {
  const lede = paragraph('The council approved the budget on Tuesday.');
  const cuts = paragraph('Two libraries will close.');
  const quote = paragraph('“It was the right decision,” the mayor said.');

  it('marks a one-word edit with <del> and <ins>, and folds the unchanged paragraphs', () => {
    const html = render(doc(lede, cuts, quote), doc(paragraph('The council rejected the budget on Tuesday.'), cuts, quote));

    expect(html).toContain('<span>The council </span><del>approved</del><ins>rejected</ins><span> the budget on Tuesday.</span>');
    expect(html).toContain('Show 2 unchanged paragraphs');
    expect(html).not.toContain('Two libraries will close.');
    expect(html).toContain('aria-label="Change 1 of 1: Changed"');
    expect(html).toContain('1 change');
  });

  it('shows changed fields first, before and after', () => {
    const html = render(doc(lede), doc(lede), { ...META, headline: 'Council rejects budget' });

    expect(html.indexOf('Headline')).toBeLessThan(html.indexOf('Body'));
    expect(html).toContain('<del>approves</del>');
    expect(html).toContain('<ins>rejects</ins>');
    expect(html).toContain('The body is the same in both versions.');
  });

  it('starts in the inline layout, with the toggle saying so', () => {
    const html = render(doc(lede), doc(lede, cuts));

    expect(html).toMatch(/<button type="button" class="tool-button" aria-pressed="true">Inline<\/button>/);
    expect(html).toMatch(/<button type="button" class="tool-button" aria-pressed="false">Side by side<\/button>/);
    expect(html).toContain('<span class="diff-badge diff-badge--added">Added</span>');
    expect(html).toContain('<ins>Two libraries will close.</ins>');
  });

  it('renders text as text, never as markup', () => {
    const html = render(doc(lede), doc(lede, paragraph('<img src=x onerror=alert(1)>')));

    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
