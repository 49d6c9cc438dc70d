/**
 * Researchers' summary: tallies per group of a classified file, as a Frictionless data package.
 *   npm run summarise -- CLASSIFIED.jsonl --by FIELD --out DIR [--zip] [--window day|week|all]
 * All the work is in scripts/summarise/ (docs/STATISTICS.md, docs/EXPORT.md).
 */
import { runSummarise } from './summarise/run';

// `npm run` moves to the package root; INIT_CWD is where the researcher typed the command.
process.exitCode = await runSummarise(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
