/*
 * `npm test`: unit and integration tests (vitest), a production build when the sources
 * changed, then the Playwright journeys against `npm start`'s server. Ends with one line
 * of totals. Options: --only=unit,integration,e2e  --reports=<dir> (default test-results).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isBuildCurrent, recordBuild } from './support/build-fingerprint';
import { formatTotals, readTotals } from './support/test-totals';

const root = process.cwd();
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const suites = (option('only') ?? 'unit,integration,e2e').split(',');
const reports = path.resolve(option('reports') ?? 'test-results');
fs.mkdirSync(reports, { recursive: true });

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const run = (command: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } }).status ?? 1;

const reportFiles: string[] = [];
let failures = 0;

for (const project of ['unit', 'integration'].filter((name) => suites.includes(name))) {
  const report = path.join(reports, `${project}.json`);
  fs.rmSync(report, { force: true });
  reportFiles.push(report);
  const started = Date.now();
  failures += run(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]) === 0 ? 0 : 1;
  console.log(`[test] ${project}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (suites.includes('e2e')) {
  if (!isBuildCurrent(root)) {
    const started = Date.now();
    if (run(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build']) !== 0) {
      console.error('[test] next build failed');
      process.exit(1);
    }
    recordBuild(root);
    console.log(`[test] build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const report = path.join(reports, 'e2e.json');
  fs.rmSync(report, { force: true });
  reportFiles.push(report);
  const started = Date.now();
  failures += run(bin('playwright'), ['test'], { E2E_JSON_REPORT: report }) === 0 ? 0 : 1;
  console.log(`[test] e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const totals = readTotals(reportFiles);
console.log(formatTotals(totals));
process.exit(failures > 0 || totals.failed > 0 ? 1 : 0);
