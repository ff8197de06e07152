/*
 * Text into XML, safely. Pure. Everything a feed or sitemap says comes from people
 * (headlines, names, notices), so every string goes through here, element text and
 * attribute values alike. No CDATA: a headline containing "]]>" would end the section.
 */

// XML 1.0 allows tab, line feed and carriage return below U+0020, and no surrogate code
// points (a lone one in a JS string), nor U+FFFE/U+FFFF. U+007F–U+009F are allowed but
// "discouraged" (XML 1.0 §2.2) and never meant in editorial text, so they go too.
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Drops what XML 1.0 forbids; a carriage return (with or without its line feed) becomes a line feed. */
export function toXmlText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(FORBIDDEN_CHARACTERS, '');
}

/** Escapes text for element content or a quoted attribute value, after dropping forbidden characters. */
export function escapeXml(text: string): string {
  return toXmlText(text).replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/**
 * Escapes text for HTML that will itself be XML-escaped (an RSS description). Like
 * escapeXml, but with `&#39;`: `&apos;` is not an entity in HTML 4, which old readers speak.
 */
export function escapeHtml(text: string): string {
  return toXmlText(text).replace(/[&<>"']/g, (character) => (character === "'" ? '&#39;' : ESCAPES[character]!));
}

/** `<name attr="…">text</name>`, or `<name attr="…"/>` without text. Text and attributes are escaped here. */
export function element(name: string, text?: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

// A conforming parser reads a tab or line feed in an attribute as a space (XML 1.0 §3.3.3);
// writing the space ourselves makes every parser, lenient ones too, read the same value.
function escapeAttribute(value: string): string {
  return escapeXml(value).replace(/[\t\n]/g, ' ');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
