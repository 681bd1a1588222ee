#!/usr/bin/env node
// Entry point for `npx portal-audit`: runs the TypeScript sources directly through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
