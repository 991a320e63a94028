#!/usr/bin/env node
// Prints the built JavaScript sizes (raw and gzip) and the initial load (the entry chunk and what
// index.html preloads), and fails the build if the initial JavaScript exceeds the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 250 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]),
);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let initialGzip = 0;
const rows = readdirSync(assets)
  .filter((f) => f.endsWith('.js'))
  .map((file) => {
    const content = readFileSync(join(assets, file));
    const gzip = gzipSync(content).length;
    if (initial.has(file)) initialGzip += gzip;
    return { file, raw: statSync(join(assets, file)).size, gzip, initial: initial.has(file) };
  })
  .sort((a, b) => b.gzip - a.gzip);
console.log('\nJavaScript chunks (gzip):');
for (const r of rows)
  console.log(
    `  ${r.initial ? '*' : ' '} ${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)}`,
  );
console.log(
  `Initial JavaScript (* above): ${kb(initialGzip)} gzip, budget ${kb(BUDGET_GZIP_BYTES)}`,
);
if (initialGzip > BUDGET_GZIP_BYTES) {
  console.error('Initial JavaScript is over budget.');
  process.exit(1);
}
