import { customType } from 'drizzle-orm/sqlite-core';

/**
 * A JSON text column written with every non-ASCII character escaped (\uXXXX). Still plain JSON text
 * for SQLite's json functions, but pure ASCII reaches JavaScript about twice as fast: better-sqlite3
 * has a fast path for ASCII strings, and page captures are the bulk of what a rescoring reads.
 */
export function asciiJson<T>(name: string) {
  return customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    toDriver: (value) => toAsciiJson(value),
    fromDriver: (value) => JSON.parse(value) as T,
  })(name);
}

const NON_ASCII = /[\u0080-\uffff]/g;

export function toAsciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    NON_ASCII,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
