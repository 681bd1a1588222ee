import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { parseAllowEntry } from '../../crawlers/net/network-policy.ts';
import type { AllowPrivate } from '../core/index.ts';

export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new InvalidArgumentError(`${name} must be a positive whole number.`);
    return n;
  };
}

export function nonNegativeInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError(`${name} must be 0 or a positive whole number.`);
    return n;
  };
}

export function oneOf<T extends string>(name: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${name} must be one of: ${allowed.join(', ')}.`);
    }
    return value as T;
  };
}

export function score01(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError('the score must be a number from 0 to 1 (e.g. 0.6).');
  }
  return n;
}

/**
 * `--allow-private` alone allows every private address; `--allow-private 127.0.0.1:8080,intranet.example`
 * only those hosts (and ports).
 */
export function allowPrivateHosts(value: string | undefined): AllowPrivate {
  if (value === undefined) return true;
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.find((entry) => parseAllowEntry(entry) === null);
  if (bad !== undefined || entries.length === 0) {
    throw new InvalidArgumentError(
      `--allow-private takes host or host:port entries separated by commas (got "${bad ?? value}").`,
    );
  }
  return entries;
}

/** A comma-separated list of values from `allowed` ("sarif,csv"). */
export function listOf<T extends string>(name: string, allowed: readonly T[]) {
  return (value: string): T[] => {
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = items.find((item) => !(allowed as readonly string[]).includes(item));
    if (bad !== undefined || items.length === 0) {
      throw new InvalidArgumentError(
        `${name} takes one or more of: ${allowed.join(', ')} (comma-separated).`,
      );
    }
    return items as T[];
  };
}

/** `--ca-file <pem>`: the PEM text of the file, which must hold at least one certificate. */
export function pemCertificates(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError(`--ca-file: cannot read ${path} (${(error as Error).message}).`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InvalidArgumentError(`--ca-file: ${path} holds no PEM certificate.`);
  }
  return text;
}
