/**
 * Fault suite (issue 13): uploads against hostile servers, through the real CLI as a process and
 * a real TCP server in this test:
 * - a slow-loris (accepts, reads everything, never answers): `--upload-wait` holds — the attempt
 *   is cut, the job stays queued with a reason naming the silence, exit 4, the archive kept.
 *   Before, the run waited out undici's 300 s header timeout whatever `--upload-wait` said.
 * Timeouts here only guard against a hang; no test measures speed.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './support.js';

/** Generous: the stall cut comes 30 s after the wait; undici's own timeout would be 300 s. */
const HANG_GUARD_MS = 200_000;

interface CollectJson {
  exitCode: number;
  archive?: { path: string };
  upload?: { state: string; error?: string; attempts: number };
}

/** Accepts every connection, reads what is sent, answers nothing, never closes. */
function slowLoris(): Promise<{ server: Server; port: number; sockets: Socket[]; bytes: () => number }> {
  const sockets: Socket[] = [];
  let bytes = 0;
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('data', (d) => (bytes += d.length));
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, sockets, bytes: () => bytes })));
}

describe('faults: hostile upload servers (real CLI)', { timeout: HANG_GUARD_MS + 20_000 }, () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(os.tmpdir(), 'diagcollect-fault-upload-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('a server that accepts and never answers: --upload-wait holds, the job stays queued naming the silence, exit 4, the archive kept', async () => {
    const loris = await slowLoris();
    try {
      const policy = join(work, 'loris.json');
      await writeFile(policy, JSON.stringify({ upload: { target: 'http-put', httpPut: { url: `http://127.0.0.1:${loris.port}/{ticket}/{name}` } } }));
      const { child, done } = startCli(['collect', '--ticket', 'F-20', '--json', '--only', 'versions', '--no-screenshot', '--policy', policy, '--out', join(work, 'out'), '--upload-wait', '1'], {
        DIAGCOLLECT_DATA_DIR: join(work, 'data'),
      });
      const guard = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
      const r = await done.finally(() => clearTimeout(guard));
      expect(r.signal, 'the CLI hung past the guard and was killed').toBeNull();
      expect(r.code, r.stderr).toBe(4);
      const json = JSON.parse(r.stdout) as CollectJson;
      expect(loris.sockets.length).toBeGreaterThan(0);
      expect(json.upload).toMatchObject({ state: 'queued', attempts: 1 });
      expect(json.upload!.error).toMatch(/no answer and no bytes moved for 30 s/);
      expect((await stat(json.archive!.path)).size).toBeGreaterThan(0);
    } finally {
      for (const s of loris.sockets) s.destroy();
      loris.server.close();
    }
  });
});
