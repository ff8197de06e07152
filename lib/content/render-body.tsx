import type { Mark as ProseMirrorMark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { CitationNumbering } from '@/lib/citations/numbering';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { ReactNode } from 'react';
import type { BodyDocument } from './body-document';
import { bodyExtensions } from './extensions';

/** How the renderer finds an entity's public page from the id a tag stores. */
export type EntityLinks = ReadonlyMap<number, { slug: string; name: string }>;

/**
 * Renders a stored (already validated) body to React elements on the server, through the
 * same extension list the editor uses: readers need no client JavaScript to read it.
 * Entity tags become links to their dossiers; a tag whose entity is unknown stays text.
 */
export function renderBody(
  document: BodyDocument,
  { entities = new Map(), citations }: { entities?: EntityLinks; citations?: CitationNumbering } = {},
): ReactNode {
  // Citations render in reading order, so the n-th citation node is the n-th marker.
  let next = 0;
  return renderToReactElement({
    extensions: bodyExtensions,
    content: document,
    options: {
      nodeMapping: {
        citation: ({ node }: { node: ProseMirrorNode }) => {
          const marker = citations?.markers[next++];
          if (!marker || marker.sourceId !== Number(node.attrs.sourceId)) return null;
          return (
            <sup className="citation" id={marker.id}>
              <a href={`#source-${marker.number}`} aria-describedby="sources-title">
                <span className="visually-hidden">Source </span>
                {marker.number}
              </a>
            </sup>
          );
        },
      },
      markMapping: {
        entity: ({ mark, children }: { mark: ProseMirrorMark; children?: ReactNode }) => {
          const entity = entities.get(Number(mark.attrs.entityId));
          if (!entity) return <>{children}</>;
          return (
            <a href={`/entities/${entity.slug}`} className="entity-mention" data-entity-id={mark.attrs.entityId}>
              {children}
            </a>
          );
        },
      },
    },
  });
}
