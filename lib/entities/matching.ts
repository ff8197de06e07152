/**
 * Entity matching: proposes untagged mentions of known entities in a text, for the writer to
 * accept. Pure and deterministic (no I/O); the editor, the importer and the server share it.
 *
 * The rules:
 * - Every entity's name and aliases are matched, as whole words only: a match never starts or
 *   ends inside a run of letters and digits ("Salvador" is not found in "Salvadoran", "US" not
 *   in "USB"). A possessive is not part of the mention ("Bukele's" gives "Bukele").
 * - Words of a form may be separated in the text by any whitespace (several spaces, a line
 *   break, a non-breaking space); punctuation must be as written, except that a hyphen may be
 *   a non-breaking hyphen and an apostrophe a curly one. Characters that touch in the form
 *   ("MS-13", "U.S.") must touch in the text.
 * - Longest match first, left to right, never overlapping each other nor `skip`.
 * - Forms with fewer than two letters or digits are ignored (empty, punctuation, "X").
 * - A form shared by several entities gives one suggestion with every one of them as a
 *   candidate, in dictionary order; a writer chooses, nothing is tagged silently.
 *
 * The case rule: text and form are compared case-sensitively after folding accents (see
 * normalizeForMatching), so "us" is not "US" and a capital at the start of a sentence or in
 * a title-cased heading ("Us", "Climate Change") does not make a word match a form written
 * otherwise. One exception, for headlines set in capitals: text with no lowercase letter also
 * matches a form with at least four letters or digits ("BUKELE" is "Bukele"; "US" stays "US").
 * The rule trusts forms to be proper nouns: a surname that is also a common word ("Price")
 * is still proposed at the start of a sentence, where it is capitalised anyway.
 */
import type { EntityType } from './entity-types';
import { countWordCharacters, tokenize, type MatchToken } from './match-tokens';

export { normalizeForMatching } from './match-tokens';

export type DictionaryEntity = { id: number; name: string; type: EntityType; aliases: readonly string[] };

export type MentionCandidate = { id: number; name: string; type: EntityType };

export type SuggestedMention = {
  /** UTF-16 offsets into the given text, [from, to). */
  from: number;
  to: number;
  /** text.slice(from, to) */
  text: string;
  /** The name or alias, as written in the dictionary, that matched. */
  matched: string;
  /** One: a clear suggestion. More than one: ambiguous, offered as a choice. */
  candidates: MentionCandidate[];
};

export type Span = { from: number; to: number };

/** Built once from the entity list and reused for every text; its insides are private. */
export type EntityDictionary = Dictionary;

export function buildDictionary(entities: readonly DictionaryEntity[]): EntityDictionary {
  const root: TrieNode = {};
  let formCount = 0;
  entities.forEach((entity, entityIndex) => {
    for (const form of new Set([entity.name, ...entity.aliases])) {
      const tokens = tokenize(form);
      const wordCharacters = countWordCharacters(tokens);
      if (wordCharacters < 2) continue;
      const node = tokens.reduce((parent: TrieNode, token, index) => childOf(parent, stepKey(token, index)), root);
      (node.forms ??= []).push({ form, keys: tokens.map((token) => token.key), wordCharacters, entityIndex });
      formCount += 1;
    }
  });
  const candidates = entities.map(({ id, name, type }) => ({ id, name, type }));
  return new Dictionary(root, candidates, formCount);
}

export function findMentions(
  dictionary: EntityDictionary,
  text: string,
  options: { skip?: ReadonlyArray<Span> } = {},
): SuggestedMention[] {
  if (text === '' || dictionary.formCount === 0) return [];
  const tokens = tokenize(text);
  const skip = mergedSpans(options.skip ?? []);
  const mentions: SuggestedMention[] = [];
  let start = 0;
  while (start < tokens.length) {
    const match = longestMatchAt({ root: dictionary.root, tokens, start, skip });
    if (match) mentions.push(suggestion({ dictionary, text, tokens, start, ...match }));
    start = match ? match.end + 1 : start + 1;
  }
  return mentions;
}

// ---------------------------------------------------------------------------------------

type IndexedForm = { form: string; keys: string[]; wordCharacters: number; entityIndex: number };
type TrieNode = { next?: Map<string, TrieNode>; forms?: IndexedForm[] };

class Dictionary {
  readonly #root: TrieNode;
  readonly #candidates: readonly MentionCandidate[];
  /** How many names and aliases were indexed (the ignored ones are not counted). */
  readonly formCount: number;

  constructor(root: TrieNode, candidates: readonly MentionCandidate[], formCount: number) {
    this.#root = root;
    this.#candidates = candidates;
    this.formCount = formCount;
  }

  get entityCount(): number {
    return this.#candidates.length;
  }

  /** @internal */
  get root(): TrieNode {
    return this.#root;
  }

  /** @internal A copy, so a caller that edits a suggestion cannot change the dictionary. */
  candidate(entityIndex: number): MentionCandidate {
    const { id, name, type } = this.#candidates[entityIndex]!;
    return { id, name, type };
  }
}

/**
 * The trie is keyed by capitalised tokens, each prefixed with a space when whitespace comes
 * before it, so one walk finds the forms that may match; each form is then checked against
 * the case rule.
 */
function stepKey(token: MatchToken, index: number): string {
  return index > 0 && token.isSpaced ? ` ${token.upper}` : token.upper;
}

function childOf(parent: TrieNode, key: string): TrieNode {
  parent.next ??= new Map();
  let child = parent.next.get(key);
  if (!child) parent.next.set(key, (child = {}));
  return child;
}

type Match = { end: number; forms: IndexedForm[] };

/** The longest form that matches from token `start` (its last token is `end`), if any. */
function longestMatchAt({ root, tokens, start, skip }: { root: TrieNode; tokens: MatchToken[]; start: number; skip: Span[] }): Match | undefined {
  if (!startsWord(tokens, start)) return undefined;
  let best: Match | undefined;
  let end = start;
  let node = root.next?.get(tokens[start]!.upper);
  while (node) {
    if (node.forms && endsWord(tokens, end)) {
      // Any longer span from the same start would overlap the skipped one too.
      if (overlapsAny(skip, { from: tokens[start]!.from, to: tokens[end]!.to })) break;
      const forms = node.forms.filter((form) => isCaseMatch({ form, tokens, start }));
      if (forms.length > 0) best = { end, forms };
    }
    end += 1;
    const following = tokens[end];
    node = following && node.next?.get(stepKey(following, 1));
  }
  return best;
}

/** The case rule (see the top of the file). The trie already matched the capitalised keys. */
function isCaseMatch({ form, tokens, start }: { form: IndexedForm; tokens: MatchToken[]; start: number }): boolean {
  let isExact = true;
  let hasNoLowercase = true;
  form.keys.forEach((key, offset) => {
    const token = tokens[start + offset]!;
    if (token.key !== key) isExact = false;
    if (token.key !== token.upper) hasNoLowercase = false;
  });
  return isExact || (hasNoLowercase && form.wordCharacters >= 4);
}

/** Word tokens are whole runs of letters and digits; a form that starts with punctuation must not follow one. */
function startsWord(tokens: MatchToken[], index: number): boolean {
  const token = tokens[index]!;
  const before = tokens[index - 1];
  return token.isWord || !before?.isWord || before.to < token.from;
}

function endsWord(tokens: MatchToken[], index: number): boolean {
  const token = tokens[index]!;
  const after = tokens[index + 1];
  return token.isWord || !after?.isWord || after.from > token.to;
}

function suggestion({
  dictionary,
  text,
  tokens,
  start,
  end,
  forms,
}: {
  dictionary: Dictionary;
  text: string;
  tokens: MatchToken[];
  start: number;
  end: number;
  forms: IndexedForm[];
}): SuggestedMention {
  const from = tokens[start]!.from;
  const to = tokens[end]!.to;
  const slice = text.slice(from, to);
  const isSameCase = (form: IndexedForm) => form.keys.every((key, offset) => tokens[start + offset]!.key === key);
  const matched = forms.find((form) => form.form === slice) ?? forms.find(isSameCase) ?? forms[0]!;
  const candidates: MentionCandidate[] = [];
  for (const entityIndex of [...new Set(forms.map((form) => form.entityIndex))].sort((a, b) => a - b)) {
    const candidate = dictionary.candidate(entityIndex);
    if (!candidates.some(({ id }) => id === candidate.id)) candidates.push(candidate);
  }
  return { from, to, text: slice, matched: matched.form, candidates };
}

/** Sorted, non-empty, merged: one binary search answers "does this span touch a skipped one?". */
function mergedSpans(spans: ReadonlyArray<Span>): Span[] {
  const sorted = spans.filter(({ from, to }) => from < to).toSorted((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const { from, to } of sorted) {
    const last = merged.at(-1);
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else merged.push({ from, to });
  }
  return merged;
}

function overlapsAny(spans: Span[], { from, to }: Span): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.to <= from) low = middle + 1;
    else high = middle;
  }
  const first = spans[low];
  return first !== undefined && first.from < to;
}
