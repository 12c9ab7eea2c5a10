/**
 * `npm run bench`: every speed and memory requirement as a ratio against a baseline run in the
 * same process, so the figures mean the same on a slow or busy machine. Pick some with
 * `npm run bench -- collect archive`.
 */
import { benchArchive } from './archive.bench.js';
import { benchCollect } from './collect.bench.js';
import { benchUpload, benchUploadMemory } from './upload.bench.js';

type Row = [string, string, string];
const rows: Row[] = [];
const want = new Set(process.argv.slice(2));
const on = (name: string) => want.size === 0 || want.has(name);
const verdict = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');

if (on('collect')) {
  const r = benchCollect(Number(process.env.BENCH_RUNS ?? 3));
  rows.push(['collect: speed-up over sos report (same categories)', `${r.speedup.toFixed(2)}x  (sos ${r.sosSeconds.toFixed(2)} s, ours ${r.oursSeconds.toFixed(2)} s)`, `>= 3x: ${verdict(r.speedup >= 3)}`]);
}
if (on('archive')) {
  const r = await benchArchive({ corpusMB: Number(process.env.BENCH_CORPUS_MB ?? 500) });
  rows.push(['archive: throughput ours / zip -6', `${r.ratio.toFixed(2)}x  (zip ${r.zipMiBs.toFixed(1)} MiB/s, ours ${r.oursMiBs.toFixed(1)} MiB/s)`, `>= 1.0: ${verdict(r.ratio >= 1)}`]);
  rows.push(['archive: peak RSS of the writer', `${r.peakRssMB.toFixed(0)} MB`, `< 150 MB: ${verdict(r.peakRssMB < 150)}`]);
  const diff = Math.abs(r.oursCompression - r.zipCompression) / r.zipCompression;
  rows.push(['archive: compression ratio vs zip -6', `${(r.oursCompression * 100).toFixed(1)} % vs ${(r.zipCompression * 100).toFixed(1)} %`, `within 5 %: ${verdict(diff <= 0.05)}`]);
}
if (on('upload')) {
  const r = await benchUpload();
  const big = await benchUploadMemory(1024);
  rows.push(['upload: throughput ours / curl --data-binary (real Redmine)', `${r.ratio.toFixed(2)}x  (curl ${r.curlMiBs.toFixed(1)} MiB/s, ours ${r.oursMiBs.toFixed(1)} MiB/s)`, `>= 0.8: ${verdict(r.ratio >= 0.8)}`]);
  rows.push(['upload: peak RSS, 190 MiB vs 1 GiB file', `${r.oursPeakRssMB.toFixed(0)} MB vs ${big.peakRssMB.toFixed(0)} MB`, `flat (< +50 MB): ${verdict(big.peakRssMB - r.oursPeakRssMB < 50)}`]);
}

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
