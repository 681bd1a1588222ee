/** Body checks and decoding for fetched documents: binary sniffing and charset detection. */

const MAGIC_NUMBERS: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // zip, docx, xlsx, odt
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // rar
  [0x49, 0x44, 0x33], // mp3 (ID3)
  [0x52, 0x49, 0x46, 0x46], // RIFF (wav, avi, webp)
  [0x1a, 0x45, 0xdf, 0xa3], // matroska / webm
  [0x4f, 0x67, 0x67, 0x53], // ogg
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // exe
  [0xd0, 0xcf, 0x11, 0xe0], // legacy MS Office
  [0x77, 0x4f, 0x46], // woff / woff2
];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** True when the first KB looks like a binary file: NUL bytes or a known magic number. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  if (MAGIC_NUMBERS.some((magic) => startsWith(head, magic))) return true;
  if (head.length >= 12 && startsWith(head, [0x66, 0x74, 0x79, 0x70], 4)) return true; // mp4/mov "ftyp"
  return !hasUtf16Bom(head) && head.includes(0);
}

export function isHtmlContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === 'text/html' || mime === 'application/xhtml+xml';
}

/** Content types that are text whatever their subtype (robots.txt, sitemaps, feeds). */
export function isTextContentType(contentType: string | null): boolean {
  if (!contentType) return true;
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mime.startsWith('text/') || /[/+](xml|json)$/.test(mime) || mime === 'application/octet-stream';
}

/** For a response without Content-Type: does the body look like an HTML document? */
export function sniffsAsHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return /^(<!doctype html|<html|<head|<body|<!--)/.test(head) || /<(html|body|title)[\s>]/.test(head);
}

function charsetFromContentType(contentType: string | null): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1] ?? null;
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct?.[1] ?? null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/** Decodes a document: BOM, then the Content-Type charset, then <meta charset>, then UTF-8. */
export function decodeDocument(bytes: Uint8Array, contentType: string | null): string {
  const decoder =
    decoderFor(charsetFromBom(bytes)) ??
    decoderFor(charsetFromContentType(contentType)) ??
    decoderFor(charsetFromMeta(bytes)) ??
    new TextDecoder('utf-8');
  return decoder.decode(bytes);
}
