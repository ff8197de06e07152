import { Lexer, Tokenizer, type Token } from 'marked';
import { ValidationError } from '@/lib/errors';

/*
 * marked's lexer with bounds on its slow paths. marked reads some inputs in time quadratic in
 * a paragraph's length, and nests a block per ">" or "1." with recursion: a crafted paste of a
 * megabyte would hold a server's CPU for minutes. Real articles never come near the bounds.
 */

/** The tokens of a Markdown text (GFM), within the bounds below. */
export function lexMarkdown(source: string): Token[] {
  if (isNestedTooDeeply(source)) throw new ValidationError({ text: ['The text is nested too deeply to import.'] });
  return [...new BoundedLexer({ gfm: true, breaks: false, pedantic: false, tokenizer: new BoundedTokenizer() }).lex(source)];
}

// ---------------------------------------------------------------------------------------

const MAX_NESTING = 100;
const CONTAINER_MARKER = /[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]|$))/y;
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1)*[ \t]*$/;

/** A line opening more than MAX_NESTING quotations or lists ("> > > …", "- 1. - 1. …"), which marked reads by recursion. */
function isNestedTooDeeply(source: string): boolean {
  for (const line of source.split(/\r\n?|\n/)) {
    CONTAINER_MARKER.lastIndex = 0;
    let depth = 0;
    while (depth < MAX_NESTING && CONTAINER_MARKER.test(line)) depth++;
    if (depth === MAX_NESTING && !THEMATIC_BREAK.test(line)) return true;
  }
  return false;
}

// Inline content is read in runs of at most this many characters (cut at a space): whatever
// is quadratic in a run's length stays bounded. Emphasis cannot span two runs; no real
// paragraph is this long.
const MAX_INLINE_RUN = 4_000;

class BoundedLexer extends Lexer {
  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (src.length <= MAX_INLINE_RUN) return super.inlineTokens(src, tokens);
    for (let start = 0; start < src.length; ) {
      let end = Math.min(start + MAX_INLINE_RUN, src.length);
      if (end < src.length) {
        const space = src.lastIndexOf(' ', end);
        if (space > start) end = space;
        else if (/[\ud800-\udbff]/.test(src.charAt(end - 1))) end -= 1;
      }
      super.inlineTokens(src.slice(start, end), tokens);
      start = end;
    }
    return tokens;
  }
}

// Within a run, two slow paths are cut short: pairing emphasis delimiters
// (markedjs/marked#4099: "_a_b " × 10,000 takes 14 s), and looking for an email address at
// every stop inside a long run of characters an address may hold ("a_b_c" or "!" repeated).
// A run with more delimiters than any real paragraph has is read without emphasis, and a
// stretch longer than any address is read as plain text, whole.
const MAX_DELIMITERS_PER_PARAGRAPH = 200;
const LONG_RUN = 256;
const ADDRESS_CHARACTERS = "a-zA-Z0-9.!#$%&'*+/=?_`{|}~-";
const LONG_ADDRESS_RUN = new RegExp(`^[${ADDRESS_CHARACTERS}]{${LONG_RUN}}`);
const ADDRESS_RUN = new RegExp(`^[${ADDRESS_CHARACTERS}]+`);
const LONG_EMAIL_RUN = new RegExp(`^[A-Za-z0-9._+-]{${LONG_RUN}}`);
const WORD_END = /[\s\\<!\[`]|https?:\/\/|ftp:\/\/|www\./;

class BoundedTokenizer extends Tokenizer {
  #counted: { source: string; emphasis: number; strike: number } | undefined;

  override emStrong(src: string, maskedSrc: string, prevChar?: string) {
    return this.#delimiters(maskedSrc).emphasis > MAX_DELIMITERS_PER_PARAGRAPH ? undefined : super.emStrong(src, maskedSrc, prevChar);
  }

  override del(src: string, maskedSrc: string, prevChar?: string) {
    return this.#delimiters(maskedSrc).strike > MAX_DELIMITERS_PER_PARAGRAPH ? undefined : super.del(src, maskedSrc, prevChar);
  }

  override url(src: string) {
    // No email address is this long, and a web address starts with its scheme or www.
    return LONG_EMAIL_RUN.test(src) && !/^(?:https?:\/\/|ftp:\/\/|www\.)/.test(src) ? undefined : super.url(src);
  }

  override inlineText(src: string) {
    let length = 0;
    if (LONG_ADDRESS_RUN.test(src)) {
      length = ADDRESS_RUN.exec(src)![0].length;
      if (src[length - 1] === '!' && src[length] === '[') length -= 1; // leave an image's "![" whole
    } else {
      const end = src.search(WORD_END);
      length = end < 0 ? src.length : end;
    }
    if (length < LONG_RUN) return super.inlineText(src);
    const text = src.slice(0, length);
    return { type: 'text' as const, raw: text, text, escaped: false };
  }

  /** Counted once per paragraph: the lexer passes the same masked source for each delimiter in it. */
  #delimiters(source: string) {
    if (this.#counted?.source !== source) {
      let emphasis = 0;
      let strike = 0;
      for (let i = 0; i < source.length; i++) {
        const code = source.charCodeAt(i);
        if (code === 42 || code === 95) emphasis++; // * _
        else if (code === 126) strike++; // ~
      }
      this.#counted = { source, emphasis, strike };
    }
    return this.#counted;
  }
}
