/**
 * Child process of memory.test.ts: streams `MB` megabytes of generated log text (one line in 50
 * carries a distinct secret and e-mail) through one Redactor stream and prints the mapping size.
 * Run under a small heap, it fails with "heap out of memory" when the redactor keeps input
 * chunks alive through the values it remembers.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Redactor } from '../../../../electron/engine/redact/index.js';

const mb = Number(process.env.MB ?? 40);
const target = mb * 1e6;

function* chunks(): Generator<Buffer> {
  let bytes = 0;
  let i = 0;
  while (bytes < target) {
    const lines: string[] = [];
    let size = 0;
    while (size < 64 * 1024) {
      const line =
        i % 50 === 0
          ? `2024-03-15 08:00:00 [WARN] auth: login failed password=Secret-${i}-${(i * 2654435761) % 1e9} mail=user.${i}@example-corp.com\n`
          : `2024-03-15 08:00:00 [INFO] worker ${i % 8} heartbeat ok, uptime ${i}s, load 0.${i % 99}, queue depth ${i % 40}\n`;
      lines.push(line);
      size += line.length;
      i += 1;
    }
    const chunk = Buffer.from(lines.join(''), 'utf8');
    bytes += chunk.length;
    yield chunk;
  }
}

const redactor = new Redactor();
await pipeline(Readable.from(chunks()), redactor.createStream(), new Writable({ write: (_c, _e, cb) => cb() }));
process.stdout.write(`${JSON.stringify({ values: redactor.mapping().size, heapMB: process.memoryUsage().heapUsed / 2 ** 20 })}\n`);
