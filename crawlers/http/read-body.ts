import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Dispatcher } from 'undici';

type Body = Dispatcher.ResponseData['body'];

/** Content codings we ask for and decode; the byte cap applies to the decoded body (zip bombs). */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Stops reading a body and closes its connection; the stream's abort error is expected, not thrown. */
export function discardBody(body: Body): void {
  body.on('error', () => undefined);
  body.destroy();
}

function decoderFor(contentEncoding: string | undefined): (Readable & NodeJS.WritableStream) | null {
  switch ((contentEncoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/**
 * Reads a body, decoding its content coding, up to `limit` decoded bytes. Returns null (after
 * closing the connection) when it is longer. A corrupt compressed body throws.
 */
export async function readCapped(
  body: Body,
  limit: number,
  contentEncoding?: string,
): Promise<Uint8Array | null> {
  const decoder = decoderFor(contentEncoding);
  let source: AsyncIterable<Buffer> = body as AsyncIterable<Buffer>;
  if (decoder) {
    body.on('error', (err) => decoder.destroy(err));
    source = body.pipe(decoder) as AsyncIterable<Buffer>;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > limit) {
      decoder?.destroy();
      discardBody(body);
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
