import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Helpers shared by the database benchmarks: timing summaries, the machine line, tables. */

export type Summary = { runs: number; median: number; p95: number; p99: number };

/** Nearest-rank percentiles of a set of timings, in ms. */
export function summarize(times: number[]): Summary {
  return { runs: times.length, median: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) };
}

export function percentile(values: number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(rank * sorted.length) - 1))]!;
}

/** Runs `run` `warmUp` times untimed, then `runs` times timed; `prepare` is never timed. */
export async function timeRuns<Input>({
  runs,
  warmUp,
  prepare,
  run,
}: {
  runs: number;
  warmUp: number;
  prepare: (index: number) => Input;
  run: (input: Input, index: number) => Promise<unknown> | unknown;
}): Promise<Summary> {
  for (let i = 0; i < warmUp; i++) await run(prepare(i), i);
  const times: number[] = [];
  for (let i = warmUp; i < warmUp + runs; i++) {
    const input = prepare(i);
    const started = performance.now();
    await run(input, i);
    times.push(performance.now() - started);
  }
  return summarize(times);
}

/** nproc, CPU model, memory, Node: the line every result is read against (print the load average with it). */
export function machineLine(): string {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readOrEmpty('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
  return `${os.availableParallelism()} cores (${cpu}), ${memory} RAM, Node ${process.version}`;
}

/** The 1, 5 and 15-minute load averages. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ');
}

/** The installed version of a package, read from its package.json (exports may hide it). */
export function installedVersion(name: string): string {
  const manifest = path.join(process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(readOrEmpty(manifest) || '{}') as { version?: string }).version ?? 'unknown';
}

/** A Markdown table, columns padded so it also reads well in a terminal. */
export function formatTable(header: string[], lines: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (cells: string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [format(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

export function ms(value: number): string {
  return value.toFixed(2);
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
