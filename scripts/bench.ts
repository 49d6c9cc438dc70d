/**
 * npm run bench — every performance figure the project promises, measured in one run, with ratios
 * against a baseline measured in the same process. Results are recorded in docs/BENCHMARKS.md.
 */
import { benchClassifier, printClassifierBench } from './bench/classifier';
import { benchPopup, printPopupBench } from './bench/popup';
import { benchContentScriptInBrowsers, printContentScriptBench } from './bench/contentScript';

console.log(`# Properso benchmarks — ${new Date().toISOString()} — Node ${process.version}`);
printClassifierBench(await benchClassifier());
printPopupBench(await benchPopup());
printContentScriptBench(await benchContentScriptInBrowsers());
