/**
 * npm run bench — every performance figure the project promises, measured in one run, with ratios
 * against a baseline measured in the same process. Results are recorded in docs/BENCHMARKS.md.
 */
import { benchClassifier, printClassifierBench } from './bench/classifier';
import { benchPopup, printPopupBench } from './bench/popup';
import { benchContentScriptInBrowsers, printContentScriptBench } from './bench/contentScript';
import { benchScale, printScaleBench, scaleFailures } from './bench/scale';

console.log(`# Properso benchmarks — ${new Date().toISOString()} — Node ${process.version}`);
printClassifierBench(await benchClassifier());
printPopupBench(await benchPopup());
printContentScriptBench(await benchContentScriptInBrowsers());
// Scale: 200,000 posts over 50 audiences (also `npm run bench:scale`); the one section with a pass/fail verdict.
const scale = await benchScale();
printScaleBench(scale);
const failures = scaleFailures(scale);
for (const failure of failures) console.error(`✗ Scale: ${failure}`);
if (failures.length > 0) process.exitCode = 1;
