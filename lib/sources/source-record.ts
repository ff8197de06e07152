/**
 * A source as the studio, the editor's citation tools and the renderer use it. Types only,
 * so client components can share it with the server's services.
 */
export type SourceRecord = {
  id: number;
  url: string | null;
  title: string;
  outlet: string;
  author: string;
  publishedOn: string | null;
  accessedOn: string | null;
  notes: string;
};
