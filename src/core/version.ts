import { readFileSync } from 'node:fs';
import { packagePath } from './package-root.ts';

const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
  version: string;
};

export const TOOL_NAME = 'portal-audit';
export const TOOL_VERSION: string = pkg.version;
/** The token robots.txt rules are matched against. */
export const ROBOTS_TOKEN = 'portal-audit';
export const DEFAULT_CONTACT_URL = 'https://github.com/portal-audit/portal-audit';

export function userAgent(contactUrl: string = DEFAULT_CONTACT_URL): string {
  return `${TOOL_NAME}/${TOOL_VERSION} (+${contactUrl})`;
}
