import fs from 'node:fs';

export type Totals = { passed: number; failed: number; skipped: number };

/**
 * Reads the JSON reports of vitest and Playwright and adds them up, so that `npm test`
 * and CI can end with one plain line: "N passed, N failed".
 */
export function readTotals(reportPaths: string[]): Totals {
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  for (const reportPath of reportPaths) {
    if (!fs.existsSync(reportPath)) {
      totals.failed += 1; // a suite that wrote no report did not pass
      continue;
    }
    const report = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as Record<string, unknown>;
    if ('numPassedTests' in report) {
      totals.passed += Number(report.numPassedTests);
      totals.failed += Number(report.numFailedTests);
      totals.skipped += Number(report.numPendingTests ?? 0) + Number(report.numTodoTests ?? 0);
    } else if (report.stats && typeof report.stats === 'object') {
      const stats = report.stats as Record<string, number>;
      totals.passed += stats.expected ?? 0;
      totals.failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
      totals.skipped += stats.skipped ?? 0;
      const errors = (report.errors as unknown[] | undefined)?.length ?? 0;
      totals.failed += errors;
    }
  }
  return totals;
}

export function formatTotals({ passed, failed, skipped }: Totals): string {
  return skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`;
}
