import { BadRequestError, PayloadTooLargeError } from '@/lib/errors';

/** Saves of one article, its body included. Documented in the README. */
export const MAX_ARTICLE_SAVE_BYTES = 2 * 1024 * 1024;
/** Forms and small JSON requests. */
export const MAX_FORM_BYTES = 64 * 1024;

/**
 * Reads a request body up to `limitBytes`, refusing larger ones with a 413 before
 * reading them whole (Content-Length first, then while streaming, for chunked bodies).
 */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

export async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new BadRequestError('Send the request as JSON (Content-Type: application/json).');
  }
  const text = await readBodyText(request, limitBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError('The request body is not valid JSON.');
  }
}

function tooLarge(limitBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The request is too large: the limit is ${formatBytes(limitBytes)}. Split very long articles, or remove embedded data.`,
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
