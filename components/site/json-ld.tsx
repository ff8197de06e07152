import { jsonLdScript } from '@/lib/json-ld';

/** A JSON-LD block: data for search engines, never executed. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }} />;
}
