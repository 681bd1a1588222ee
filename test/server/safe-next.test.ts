import { describe, expect, it } from 'vitest';
import { safeNext } from '../../src/server/auth/auth-hook.ts';

describe('the return path after login', () => {
  it('keeps local paths', () => {
    expect(safeNext('/runs/3/indicators/206?x=1#top')).toBe('/runs/3/indicators/206?x=1#top');
    expect(safeNext('/')).toBe('/');
  });

  it('refuses anything that could leave the site', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      '',
      undefined,
      ['/runs/1'],
    ]) {
      expect(safeNext(value), JSON.stringify(value)).toBe('/');
    }
  });
});
