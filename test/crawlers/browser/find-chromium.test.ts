import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  findChromium,
  requireChromium,
} from '../../../crawlers/browser/find-chromium.ts';

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it exists', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  it('finds a browser on this machine without CHROMIUM_PATH', () => {
    const found = findChromium({});
    expect(found).not.toBeNull();
    expect(existsSync(found as string)).toBe(true);
  });

  it('says how to get a browser when CHROMIUM_PATH points nowhere', () => {
    const env = { CHROMIUM_PATH: '/nonexistent/chromium' };
    expect(findChromium(env)).toBeNull();
    expect(() => requireChromium(env)).toThrow(BrowserNotFoundError);
    try {
      requireChromium(env);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('apt-get install -y chromium');
      expect(message).toContain('CHROMIUM_PATH');
      expect(message).toContain('/nonexistent/chromium');
    }
  });
});
