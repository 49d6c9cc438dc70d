/**
 * Fault injection for the real-browser tests, compiled into test builds only (`wxt --mode e2e`; the
 * `import.meta.env.MODE` check is a constant, so production builds drop the rest). While a test sets
 * `localStorage[E2E_HOLD_KEY] = '1'` on the extension's origin (from the popup page), the inference
 * host holds every batch before classifying it, and publishes how many texts it holds: the test can
 * then stop the service worker, close the offscreen document or kill the browser "in the middle of a
 * batch", deterministically. Both hosts have a DOM and so `localStorage` (Chrome: the offscreen
 * document; Firefox: the background page), and the popup shares it.
 */
export const E2E_HOLD_KEY = 'properso:e2e:holdInference';
/** Number of texts in the batches the host holds now ('0' when none). */
export const E2E_HELD_TEXTS_KEY = 'properso:e2e:heldTexts';

let held = 0;

export async function waitWhileHeldForTests(texts: number): Promise<void> {
  if (import.meta.env.MODE !== 'e2e') return;
  const storage = (globalThis as { localStorage?: Storage }).localStorage;
  if (!storage || storage.getItem(E2E_HOLD_KEY) !== '1') return;
  held += texts;
  storage.setItem(E2E_HELD_TEXTS_KEY, String(held));
  try {
    while (storage.getItem(E2E_HOLD_KEY) === '1') await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    held -= texts;
    storage.setItem(E2E_HELD_TEXTS_KEY, String(held));
  }
}
