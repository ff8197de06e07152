/**
 * Article page throughput: Byline's origin against nginx serving the same bytes from disk.
 *   BENCH_URL=http://127.0.0.1:3000/articles/<slug> node --import tsx bench/site-throughput.bench.ts
 *
 * Needs a running `npm start` (production build) at BENCH_URL, and Debian's `wrk` and `nginx`
 * (`apt-get install wrk nginx`). Saves the article's HTML to a temporary directory, serves it
 * with nginx on 127.0.0.1:8099 (one worker per core, no access log, gzip off as for the
 * origin's HTML), then runs wrk against both: 50 connections (throughput, p99) and one
 * connection (p50), 2 threads, BENCH_SECONDS (default 10) each after a 3-second warm-up.
 * Prints one table. nginx is stopped and the directory removed at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatTable, loadAverage, machineLine } from './bench-support';

const url = process.env.BENCH_URL ?? 'http://127.0.0.1:3000/articles/cecot-deportees-counted-differently';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const NGINX_PORT = 8099;

type Run = { target: string; connections: number; requestsPerSecond: number; p50: number; p99: number; errors: string };

const html = await (await fetch(url)).text();
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-static-'));
fs.writeFileSync(path.join(directory, 'article.html'), html);
fs.chmodSync(directory, 0o755); // nginx's workers run as another user
fs.writeFileSync(
  path.join(directory, 'nginx.conf'),
  `worker_processes auto;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${directory}/body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  server {
    listen 127.0.0.1:${NGINX_PORT};
    root ${directory};
    location / { default_type text/html; try_files /article.html =404; }
  }
}
`,
);
execFileSync('nginx', ['-c', path.join(directory, 'nginx.conf'), '-p', directory]);

const loadAtStart = loadAverage();
const runs: Run[] = [];
try {
  const staticUrl = `http://127.0.0.1:${NGINX_PORT}/articles/static`;
  for (const [target, address] of [
    ['nginx, the same HTML from disk', staticUrl],
    ['Byline origin (next start)', url],
  ] as const) {
    wrk(address, 50, 3); // warm-up
    runs.push({ target, connections: 50, ...wrk(address, 50, seconds) });
    runs.push({ target, connections: 1, ...wrk(address, 1, seconds) });
  }
} finally {
  spawnSync('nginx', ['-c', path.join(directory, 'nginx.conf'), '-p', directory, '-s', 'stop']);
  fs.rmSync(directory, { recursive: true, force: true });
}

const nginx50 = runs.find((run) => run.connections === 50 && run.target.startsWith('nginx'))!.requestsPerSecond;
console.log(`Page: ${url} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KiB of HTML)`);
console.log(`Machine: ${machineLine()}; load average ${loadAtStart} at start, ${loadAverage()} at end; wrk 2 threads, ${seconds} s per run\n`);
console.log(
  formatTable(
    ['target', 'connections', 'requests/s', 'share of nginx', 'p50 ms', 'p99 ms', 'errors'],
    runs.map((run) => [
      run.target,
      String(run.connections),
      run.requestsPerSecond.toFixed(0),
      run.connections === 50 ? `${((run.requestsPerSecond / nginx50) * 100).toFixed(1)} %` : '—',
      run.p50.toFixed(2),
      run.p99.toFixed(2),
      run.errors || 'none',
    ]),
  ),
);

/** Runs wrk and reads its requests per second, latency percentiles and socket errors. */
function wrk(address: string, connections: number, duration: number): Omit<Run, 'target' | 'connections'> {
  const output = execFileSync('wrk', ['-t', connections === 1 ? '1' : '2', '-c', String(connections), '-d', `${duration}s`, '--latency', address], {
    encoding: 'utf8',
  });
  const percentile = (label: string) => toMs(new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(output));
  const requestsPerSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const errors = [/Socket errors:[^\n]*/.exec(output)?.[0], /Non-2xx or 3xx responses: \d+/.exec(output)?.[0]].filter(Boolean).join('; ');
  return { requestsPerSecond, p50: percentile('50'), p99: percentile('99'), errors };
}

function toMs(match: RegExpExecArray | null): number {
  if (!match) return NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}
