/**
 * `npm run bench`: runs every bench/*.bench.ts suite, one after another in its own process so
 * one suite's load cannot skew another's figures, and prints each suite's report.
 * A suite prints its own figures (always side by side with its baseline) and exits non-zero
 * only when it could not measure, never because a figure missed its goal.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const suites = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, suite)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${suite} could not complete (exit ${result.status ?? result.signal})`);
  }
}
if (suites.length === 0) console.log('no bench suites found');
process.exit(failed === 0 ? 0 : 1);
