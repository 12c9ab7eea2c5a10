/**
 * Digests of the redacted output of every fixture under tests/fixtures/redact (all folders) under
 * every corpus profile (default, network, policy), cut in 64 KiB and in 977-byte chunks, plus 4 MB
 * of the bench's log text, the same with Chinese quotes (two-byte strings), 2 MB of a Chinese
 * client's log, the mapping, the rules behind each placeholder and the seen values:
 * the reference a speed change is held to (it may make the redactor cheaper, never change a byte).
 *
 *   npx tsx tests/bench/redact-digests.ts > /tmp/before.txt      (on the base)
 *   npx tsx tests/bench/redact-digests.ts --check /tmp/before.txt (after each change: exit 1 on any difference)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redactor } from '../../electron/engine/redact/index.js';
import { PROFILES } from '../unit/engine/redact/corpus-quality.js';
import { generateChineseLogText, generateLogText } from './redact.bench.js';

const DIR = fileURLToPath(new URL('../fixtures/redact/', import.meta.url));
const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

function fixtures(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) fixtures(p, out);
    else if (!f.endsWith('.labels.json')) out.push(p);
  }
  return out;
}

async function redact(redactor: Redactor, data: Buffer, name: string, chunk: number) {
  const stream = redactor.createStream({ name });
  const out: Buffer[] = [];
  stream.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  for (let off = 0; off < data.length; off += chunk) stream.write(data.subarray(off, off + chunk));
  stream.end();
  await done;
  return { out: Buffer.concat(out), counts: stream.counts(), structure: stream.structure() };
}

/** One line per fixture, profile and chunk size. */
export async function redactionDigests(): Promise<string[]> {
  const lines: string[] = [];
  const files = fixtures(DIR);
  const bench = Buffer.concat(generateLogText(4));
  const twoByte = Buffer.from(bench.toString('utf8').replace(/"Save"/g, '\u201c保存\u201d'), 'utf8');
  const chinese = Buffer.concat(generateChineseLogText(2));
  for (const [profile, options] of Object.entries(PROFILES)) {
    for (const chunk of [65536, 977]) {
      const redactor = new Redactor(options);
      for (const f of files) {
        const r = await redact(redactor, readFileSync(f), relative(DIR, f), chunk);
        lines.push(`${profile} ${chunk} ${relative(DIR, f)} ${sha(r.out)} ${JSON.stringify(r.counts)} ${JSON.stringify(r.structure)}`);
      }
      const b = await redact(redactor, bench, 'app.log', chunk);
      lines.push(`${profile} ${chunk} <bench 4 MB> ${sha(b.out)} ${JSON.stringify(b.counts)}`);
      const t = await redact(redactor, twoByte, 'app-zh.log', chunk);
      lines.push(`${profile} ${chunk} <bench 4 MB, two-byte> ${sha(t.out)} ${JSON.stringify(t.counts)}`);
      const c = await redact(redactor, chinese, 'client-zh.log', chunk);
      lines.push(`${profile} ${chunk} <chinese log 2 MB> ${sha(c.out)} ${JSON.stringify(c.counts)}`);
      const state = JSON.stringify([[...redactor.mapping()], [...redactor.placeholderRules()], [...redactor.seenValues()].sort()]);
      lines.push(`${profile} ${chunk} <mapping, rules, seen> ${sha(state)}`);
    }
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines = await redactionDigests();
  const at = process.argv.indexOf('--check');
  if (at < 0) {
    console.log(lines.join('\n'));
  } else {
    const before = readFileSync(process.argv[at + 1]!, 'utf8').trimEnd().split('\n');
    const changed = lines.filter((l, i) => l !== before[i]);
    if (changed.length > 0 || before.length !== lines.length) {
      console.error(`${changed.length} of ${lines.length} digests differ (before: ${before.length} lines):\n${changed.slice(0, 20).join('\n')}`);
      process.exit(1);
    }
    console.log(`all ${lines.length} digests identical`);
  }
}
