// Catches option parsing drift in `npm run demo`: defaults, each flag, and clear errors for typos.
import { describe, expect, it } from 'vitest';
import { parseDemoArgs, UsageError } from '../../../scripts/demo/args';

describe('parseDemoArgs', () => {
  it('defaults to a headed run on the bundled feeds, writing to demo-output', () => {
    expect(parseDemoArgs([])).toEqual({ headless: false, out: 'demo-output', pagesDir: null, help: false });
  });

  it('reads --headless, --out and --pages (both spellings of a value)', () => {
    expect(parseDemoArgs(['--headless', '--out', 'tmp/demo', '--pages=saved'])).toEqual({
      headless: true,
      out: 'tmp/demo',
      pagesDir: 'saved',
      help: false,
    });
  });

  it('reads -h and --help', () => {
    expect(parseDemoArgs(['-h']).help).toBe(true);
    expect(parseDemoArgs(['--help']).help).toBe(true);
  });

  it.each([
    [['--headles'], /headles/],
    [['--out'], /--out/],
    [['--out', ''], /--out needs a folder/],
    [['--pages', ' '], /--pages needs a folder/],
    [['feed.html'], /feed\.html/],
  ])('refuses %j with a UsageError', (argv, message) => {
    expect(() => parseDemoArgs(argv)).toThrow(UsageError);
    expect(() => parseDemoArgs(argv)).toThrow(message);
  });
});
