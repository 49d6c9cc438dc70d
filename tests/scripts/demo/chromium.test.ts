// Catches a demo that cannot find the browser the user has, or that fails without saying how to get one.
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../scripts/demo/chromium';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('findChromium', () => {
  it('prefers CHROME_PATH', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' }, only('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({
      path: '/opt/chrome/chrome',
    });
  });

  it('says so when CHROME_PATH is not an executable', () => {
    const found = findChromium({ CHROME_PATH: '/nowhere/chrome', PATH: '/usr/bin' }, only('/usr/bin/chromium'));
    expect(found).toEqual({ error: expect.stringContaining('CHROME_PATH is /nowhere/chrome') });
  });

  it('looks on PATH for chromium, then chromium-browser, then google-chrome', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin' };
    expect(findChromium(env, only('/usr/bin/chromium', '/usr/local/bin/google-chrome'))).toEqual({ path: '/usr/bin/chromium' });
    expect(findChromium(env, only('/usr/bin/chromium-browser'))).toEqual({ path: '/usr/bin/chromium-browser' });
    expect(findChromium(env, only('/usr/local/bin/google-chrome'))).toEqual({ path: '/usr/local/bin/google-chrome' });
  });

  it('explains how to install one when none is found', () => {
    const found = findChromium({ PATH: '/usr/bin' }, () => false);
    expect(found).toEqual({ error: expect.stringContaining('sudo apt-get install chromium') });
    expect(found).toEqual({ error: expect.stringContaining('CHROME_PATH') });
  });
});
