import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceArbitrary } from './testing/body-arbitraries';
import { diffWords, tokenize, wordSet } from './word-diff';

describe('diffWords', () => {
  it('replaces one word and keeps the rest equal', () => {
    const changes = diffWords({ before: 'Police arrested two men on Friday.', after: 'Police arrested three men on Friday.' });

    expect(changes).toEqual([
      { kind: 'equal', text: 'Police arrested ' },
      { kind: 'delete', text: 'two' },
      { kind: 'insert', text: 'three' },
      { kind: 'equal', text: ' men on Friday.' },
    ]);
  });

  it('shows a rewritten phrase as one replacement, not word by word', () => {
    const changes = diffWords({ before: 'The mayor strongly denied the claims.', after: 'The mayor later admitted the claims.' });

    expect(changes).toEqual([
      { kind: 'equal', text: 'The mayor ' },
      { kind: 'delete', text: 'strongly denied' },
      { kind: 'insert', text: 'later admitted' },
      { kind: 'equal', text: ' the claims.' },
    ]);
  });

  it('shows an added sentence as one insertion', () => {
    const changes = diffWords({ before: 'The council met.', after: 'The council met. It did not vote.' });

    expect(changes).toEqual([
      { kind: 'equal', text: 'The council met.' },
      { kind: 'insert', text: ' It did not vote.' },
    ]);
  });

  it('treats a changed punctuation mark as its own change', () => {
    const changes = diffWords({ before: 'The budget passed.', after: 'The budget passed!' });

    expect(changes).toEqual([
      { kind: 'equal', text: 'The budget passed' },
      { kind: 'delete', text: '.' },
      { kind: 'insert', text: '!' },
    ]);
  });

  it('gives no changes for two empty texts and one insertion for new text', () => {
    expect(diffWords({ before: '', after: '' })).toEqual([]);
    expect(diffWords({ before: '', after: 'New paragraph.' })).toEqual([{ kind: 'insert', text: 'New paragraph.' }]);
  });

  it('replaces the changed middle whole when the budget is spent, keeping the common start and end', () => {
    const changes = diffWords({ before: 'Start one two three end', after: 'Start three two one end', budget: { remaining: 0 } });

    expect(changes).toEqual([
      { kind: 'equal', text: 'Start ' },
      { kind: 'delete', text: 'one two three' },
      { kind: 'insert', text: 'three two one' },
      { kind: 'equal', text: ' end' },
    ]);
  });

  it('spells out both texts from its changes, whatever the texts', () => {
    fc.assert(
      fc.property(fc.array(sentenceArbitrary, { maxLength: 4 }), fc.array(sentenceArbitrary, { maxLength: 4 }), (left, right) => {
        const before = left.join(' ');
        const after = right.join('\n');

        const changes = diffWords({ before, after });

        expect(changes.filter((change) => change.kind !== 'insert').map((change) => change.text).join('')).toBe(before);
        expect(changes.filter((change) => change.kind !== 'delete').map((change) => change.text).join('')).toBe(after);
        for (let i = 1; i < changes.length; i++) expect(changes[i]!.kind === 'equal' && changes[i - 1]!.kind === 'equal').toBe(false);
      }),
    );
  });
});

describe('tokenize', () => {
  it('keeps apostrophes, hyphens and number separators inside words, and splits off punctuation', () => {
    expect(tokenize('García’s co-op spent £4,500.50 — 3.5%!')).toEqual([
      'García’s', ' ', 'co-op', ' ', 'spent', ' ', '£', '4,500.50', ' ', '—', ' ', '3.5', '%', '!',
    ]);
  });

  it('makes each line break its own token', () => {
    expect(tokenize('• One\n• Two')).toEqual(['•', ' ', 'One', '\n', '•', ' ', 'Two']);
  });
});

describe('wordSet', () => {
  it('collects the distinct words, lower-cased, without punctuation', () => {
    expect([...wordSet('The mayor said: “The plan stands.”')]).toEqual(['the', 'mayor', 'said', 'plan', 'stands']);
  });
});
