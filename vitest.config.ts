// Unit tests: Node by default, happy-dom for files that ask for it (`// @vitest-environment happy-dom`).
// WxtVitest resolves `wxt/browser` to fakeBrowser and applies the project's aliases.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}', 'utils/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
});
