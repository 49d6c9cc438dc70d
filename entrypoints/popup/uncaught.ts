/**
 * Counts the errors nothing caught in the popup (an exception in a timer or handler, a rejected promise
 * nobody awaited) on the document element, `data-uncaught-errors`, and logs them. Imported first by
 * main.tsx so that it listens before any other module runs. Rendering errors are the error boundary's
 * (ErrorBoundary.tsx); this is what the real-browser tests read to prove nothing else went wrong
 * (Firefox's WebDriver BiDi reports no console or page errors of extension pages).
 */
function note(what: string, error: unknown): void {
  const root = document.documentElement;
  root.dataset.uncaughtErrors = String(Number(root.dataset.uncaughtErrors ?? 0) + 1);
  console.error(`[properso] ${what}`, error);
}

window.addEventListener('error', (event) => note('uncaught error in the popup', event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => note('unhandled rejection in the popup', event.reason));
