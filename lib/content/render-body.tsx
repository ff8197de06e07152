import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { ReactNode } from 'react';
import type { BodyDocument } from './body-document';
import { bodyExtensions } from './extensions';

/**
 * Renders a stored (already validated) body to React elements on the server, through the
 * same extension list the editor uses: readers need no client JavaScript to read it.
 */
export function renderBody(document: BodyDocument): ReactNode {
  return renderToReactElement({ extensions: bodyExtensions, content: document });
}
