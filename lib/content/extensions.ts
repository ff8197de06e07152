import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { CitationNode } from './citation-node';
import { EntityMark } from './entity-mark';
import { Figure } from './figure-node';
import { isSafeLinkHref } from './safe-urls';

/**
 * The one extension list behind the body document: the studio editor, the server-side
 * schema check and the public renderer all build from it, so what is typed is what is
 * stored is what is rendered. Editor-only behaviour (placeholder, toolbar) is added by
 * the editor on top and never changes the schema.
 */
export const bodyExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      // News links open in the same tab; no target, so no rel is needed either.
      HTMLAttributes: { target: null, rel: null },
      isAllowedUri: (url) => isSafeLinkHref(url),
      shouldAutoLink: (url) => isSafeLinkHref(url),
    },
  }),
  Figure,
  EntityMark,
  CitationNode,
];
