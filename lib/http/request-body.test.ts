import { describe, it, expect } from 'vitest';
import { BadRequestError, PayloadTooLargeError } from '@/lib/errors';
import { MAX_ARTICLE_SAVE_BYTES, MAX_FORM_BYTES, readBodyText, readJsonBody } from './request-body';

const URL_ = 'http://byline.test/api';

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

/** A chunked body of `chunks` × `chunkBytes` bytes, with no Content-Length; counts pulls. */
function streamedBody({ chunks, chunkBytes }: { chunks: number; chunkBytes: number }) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) {
        controller.close();
        return;
      }
      state.pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function captureRejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('limits', () => {
  it('are 2 MB for an article save and 64 KB for a form', () => {
    expect(MAX_ARTICLE_SAVE_BYTES).toBe(2_097_152);
    expect(MAX_FORM_BYTES).toBe(65_536);
  });
});

describe('readBodyText', () => {
  it('reads a body under the limit', async () => {
    await expect(readBodyText(post('héllo'), 100)).resolves.toBe('héllo');
  });

  it('reads a body of exactly the limit in bytes', async () => {
    await expect(readBodyText(post('a'.repeat(100)), 100)).resolves.toBe('a'.repeat(100));
  });

  it('counts bytes, not characters', async () => {
    const error = await captureRejection(readBodyText(post('é'.repeat(60)), 100)); // 120 bytes

    expect(error).toBeInstanceOf(PayloadTooLargeError);
  });

  it('reads a request without a body as an empty string', async () => {
    await expect(readBodyText(new Request(URL_, { method: 'POST' }), 100)).resolves.toBe('');
  });

  it('refuses a declared Content-Length over the limit with a 413 naming the limit', async () => {
    const request = post('{}', { 'content-length': String(MAX_ARTICLE_SAVE_BYTES + 1) });

    const error = await captureRejection(readBodyText(request, MAX_ARTICLE_SAVE_BYTES));

    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect(error).toMatchObject({
      status: 413,
      code: 'payload_too_large',
      message: 'The request is too large: the limit is 2 MB. Split very long articles, or remove embedded data.',
    });
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { stream, state } = streamedBody({ chunks: 10, chunkBytes: 1024 });
    const request = new Request(URL_, {
      method: 'POST',
      body: stream,
      headers: { 'content-length': '10240' },
      duplex: 'half',
    } as RequestInit);

    const error = await captureRejection(readBodyText(request, MAX_FORM_BYTES / 8));

    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as Error).message).toBe(
      'The request is too large: the limit is 8 KB. Split very long articles, or remove embedded data.',
    );
    expect(state.pulled).toBeLessThanOrEqual(1); // a stream may pre-pull one chunk; nothing is read past it
  });

  it('refuses a streamed body without Content-Length once it passes the limit, and stops reading', async () => {
    const { stream, state } = streamedBody({ chunks: 1000, chunkBytes: 1024 });
    const request = new Request(URL_, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();

    const error = await captureRejection(readBodyText(request, MAX_FORM_BYTES));

    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as Error).message).toBe(
      'The request is too large: the limit is 64 KB. Split very long articles, or remove embedded data.',
    );
    expect(state.pulled).toBeLessThan(80);
    expect(state.cancelled).toBe(true);
  });

  it('reads a streamed body under the limit in full', async () => {
    const { stream } = streamedBody({ chunks: 4, chunkBytes: 1024 });
    const request = new Request(URL_, { method: 'POST', body: stream, duplex: 'half' } as RequestInit);

    await expect(readBodyText(request, MAX_FORM_BYTES)).resolves.toBe('a'.repeat(4096));
  });
});

describe('readJsonBody', () => {
  it('parses JSON under the limit', async () => {
    const request = post('{"title":"Hello","version":3}', { 'content-type': 'application/json' });

    await expect(readJsonBody(request, 100)).resolves.toEqual({ title: 'Hello', version: 3 });
  });

  it('accepts a content type with a charset, in any case', async () => {
    const request = post('[1,2]', { 'content-type': 'Application/JSON; charset=utf-8' });

    await expect(readJsonBody(request, 100)).resolves.toEqual([1, 2]);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', {}],
  ])('refuses %s with a 400', async (_what, headers: Record<string, string>) => {
    // Bytes, not a string: a string body would get "text/plain" by default.
    const request = post(new TextEncoder().encode('{"a":1}'), headers);
    expect(request.headers.get('content-type')).toBe(headers['content-type'] ?? null);

    const error = await captureRejection(readJsonBody(request, 100));

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: 'Send the request as JSON (Content-Type: application/json).',
    });
  });

  it('refuses invalid JSON with a 400', async () => {
    const request = post('{"title": ', { 'content-type': 'application/json' });

    const error = await captureRejection(readJsonBody(request, 100));

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, message: 'The request body is not valid JSON.' });
  });

  it('refuses an empty body as invalid JSON', async () => {
    const request = post('', { 'content-type': 'application/json' });

    const error = await captureRejection(readJsonBody(request, 100));

    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('refuses JSON over the limit with a 413', async () => {
    const request = post(JSON.stringify({ body: 'x'.repeat(200) }), { 'content-type': 'application/json' });

    const error = await captureRejection(readJsonBody(request, 100));

    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect(error).toMatchObject({ status: 413 });
  });
});
