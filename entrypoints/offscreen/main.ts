/**
 * Chrome's inference host: an offscreen document the background creates on the first batch. It loads
 * the model once and answers the background's classify messages for the rest of the browser session.
 * Listeners are registered synchronously so that the first message, sent as soon as
 * `offscreen.createDocument` resolves, finds them.
 */
import { handleMessages } from '@/utils/messaging';
import { createInferenceHost } from '@/utils/inference/host';
import { loadBundledClassifier } from '@/utils/inference/bundledClassifier';

const host = createInferenceHost({ kind: 'offscreen-document', loadClassifier: loadBundledClassifier });

handleMessages('offscreen', {
  classify: async ({ texts }) => ({ predictions: await host.classify(texts) }),
  getHostStatus: () => host.status(),
});
