import { describe, expect, it } from 'vitest';
import { generatedArticle, generatedEntities } from './generated-newsroom';
import { buildDictionary, findMentions } from './matching';

/**
 * A regression guard, not the benchmark (bench/entity-matching.bench.ts measures ≤ 5 ms):
 * ten times the target, so a slow or busy machine does not make it flaky.
 */
describe('findMentions performance', () => {
  it('takes well under 50 ms (median) on a 1,000-word article with 10,000 entities and 50,000 aliases', () => {
    const entities = generatedEntities({ count: 10_000, aliasesPerEntity: 5 });
    const dictionary = buildDictionary(entities);
    const article = generatedArticle({ entities, words: 1_000, seed: 7 });
    for (let run = 0; run < 5; run++) findMentions(dictionary, article);

    const times: number[] = [];
    let suggestions = 0;
    for (let run = 0; run < 25; run++) {
      const started = performance.now();
      suggestions = findMentions(dictionary, article).length;
      times.push(performance.now() - started);
    }

    expect(entities.reduce((count, entity) => count + entity.aliases.length, 0)).toBe(50_000);
    expect(suggestions).toBeGreaterThan(40);
    expect(times.toSorted((a, b) => a - b)[12]).toBeLessThan(50);
  });
});
