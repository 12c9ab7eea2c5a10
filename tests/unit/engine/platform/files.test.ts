import { spawnSync, execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, rmSync, truncateSync, unlinkSync, renameSync, writeFileSync, symlinkSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStructured, prepareFile, type PrepareResult } from '../../../../electron/engine/platform/files.js';

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'files-test-'));
  chmodSync(dir, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function ok(r: PrepareResult) {
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r;
}

function reasonOf(r: PrepareResult): string {
  if (r.ok) throw new Error('expected a refusal, got ok');
  return r.reason;
}

const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${String(from + i).padStart(5, '0')}\n`).join('');

describe('prepareFile: regular files', () => {
  it('streams a small file whole, unchanged', async () => {
    writeFileSync(at('small.log'), 'hello\nworld\n');
    const p = ok(await prepareFile(at('small.log'), { maxBytes: 1024, mode: 'tail' }));
    expect(p).toMatchObject({ size: 12, fileSize: 12, truncated: false });
    const opened = await p.open();
    expect((await drain(opened.stream)).toString()).toBe('hello\nworld\n');
    expect(opened.truncated).toBe(false);
    expect(opened.note).toBeUndefined();
  });

  it('tail: keeps only the newest bytes from the next line start, behind one marker line', async () => {
    const content = lines(1, 1000); // 11 bytes a line
    writeFileSync(at('big.log'), content);
    const p = ok(await prepareFile(at('big.log'), { maxBytes: 1000, mode: 'tail' }));
    expect(p.truncated).toBe(true);
    expect(p.size).toBe(1000);
    expect(p.fileSize).toBe(11_000);
    const opened = await p.open();
    const text = (await drain(opened.stream)).toString();
    const [marker, ...rest] = text.split('\n');
    expect(marker).toMatch(/^\[diagcollect: truncated — kept the newest \d+ bytes of 11000 .*older lines omitted\]$/);
    const kept = rest.join('\n');
    // 1000 bytes back from the end lands inside line 910; the first whole line is 911.
    expect(kept).toBe(lines(911, 1000));
    expect(marker).toContain(`kept the newest ${Buffer.byteLength(kept)} bytes`);
    expect(opened.truncated).toBe(true);
    // Why, as a code with the cap and the sizes (the manifest item's `cut`), from the stream and the one read alike.
    expect(opened.cut).toEqual({ code: 'cut-newest', keptBytes: Buffer.byteLength(kept), fileBytes: 11000, capBytes: 1000 });
    expect((await p.read!()).cut).toEqual(opened.cut);
  });

  it('tail: a cut that falls exactly on a line start keeps that line', async () => {
    writeFileSync(at('exact.log'), lines(1, 10));
    const opened = await ok(await prepareFile(at('exact.log'), { maxBytes: 33, mode: 'tail' })).open();
    const text = (await drain(opened.stream)).toString();
    expect(text.split('\n').slice(1).join('\n')).toBe(lines(8, 10));
  });

  it('tail: a large file crosses many read chunks and arrives byte-exact', async () => {
    const content = Buffer.from(lines(1, 60_000)); // 660 000 bytes
    writeFileSync(at('huge.log'), content);
    const p = ok(await prepareFile(at('huge.log'), { maxBytes: 300_000, mode: 'tail' }));
    const text = await drain((await p.open()).stream);
    const body = text.subarray(text.indexOf(10) + 1);
    expect(body.length).toBeLessThanOrEqual(300_000);
    expect(body.length).toBeGreaterThan(299_980);
    expect(content.subarray(content.length - body.length).equals(body)).toBe(true);
  });

  it('whole: a structured file over the cap is refused, not cut', async () => {
    writeFileSync(at('settings.json'), JSON.stringify({ data: 'x'.repeat(3 * 1024 * 1024) }));
    const reason = reasonOf(await prepareFile(at('settings.json'), { maxBytes: 1024 * 1024, mode: 'whole' }));
    expect(reason).toMatch(/^is 3\.0 MB, over the 1\.0 MB cap; structured files are kept whole or not at all$/);
  });

  it('whole: a structured file under the cap is kept byte for byte', async () => {
    writeFileSync(at('ok.json'), '{"a":1}');
    const opened = await ok(await prepareFile(at('ok.json'), { maxBytes: 1024, mode: 'whole' })).open();
    expect((await drain(opened.stream)).toString()).toBe('{"a":1}');
  });
});

describe('prepareFile: what is refused, and why', () => {
  it('a missing file', async () => {
    expect(reasonOf(await prepareFile(at('nope.log'), { maxBytes: 10, mode: 'tail' }))).toBe('does not exist');
  });

  it('a folder', async () => {
    mkdirSync(at('folder'));
    expect(reasonOf(await prepareFile(at('folder'), { maxBytes: 10, mode: 'tail' }))).toMatch(/is a folder/);
  });

  it('a FIFO, at once, without hanging', async () => {
    // No writer ever opens this FIFO: opening it for reading would block for good, so a return
    // at all (before the test's timeout) is the proof; the reason says it was never opened.
    execFileSync('mkfifo', [at('pipe')]);
    expect(reasonOf(await prepareFile(at('pipe'), { maxBytes: 10, mode: 'tail' }))).toBe('is a FIFO (named pipe); skipped so the collection cannot hang');
  });

  it('a socket', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(at('sock'), resolve));
    try {
      expect(reasonOf(await prepareFile(at('sock'), { maxBytes: 10, mode: 'tail' }))).toMatch(/^is a socket/);
    } finally {
      server.close();
    }
  });

  it('a character device (/dev/zero would never end)', async () => {
    expect(reasonOf(await prepareFile('/dev/zero', { maxBytes: 10, mode: 'tail' }))).toMatch(/^is a character device/);
  });

  it('a symbolic link loop', async () => {
    symlinkSync(at('loop-b'), at('loop-a'));
    symlinkSync(at('loop-a'), at('loop-b'));
    expect(reasonOf(await prepareFile(at('loop-a'), { maxBytes: 10, mode: 'tail' }))).toMatch(/symbolic link loop/);
  });

  it('a dangling symbolic link names its target', async () => {
    symlinkSync(at('gone.log'), at('dangling.log'));
    expect(reasonOf(await prepareFile(at('dangling.log'), { maxBytes: 10, mode: 'tail' }))).toBe(`is a symbolic link to "${at('gone.log')}", which does not exist (dangling link)`);
  });

  it('a symbolic link to a file is followed', async () => {
    writeFileSync(at('target.log'), 'via link\n');
    symlinkSync(at('target.log'), at('link.log'));
    const opened = await ok(await prepareFile(at('link.log'), { maxBytes: 100, mode: 'tail' })).open();
    expect((await drain(opened.stream)).toString()).toBe('via link\n');
  });

  it('a file the user may not read (EACCES, checked as an unprivileged user)', async () => {
    writeFileSync(at('secret.log'), 'secret\n');
    chmodSync(at('secret.log'), 0o600);
    const modulePath = path.resolve('electron/engine/platform/files.ts');
    const script = `import(${JSON.stringify(modulePath)}).then(async (m) => { console.log(JSON.stringify(await m.prepareFile(${JSON.stringify(at('secret.log'))}, { maxBytes: 100, mode: 'tail' }))); });`;
    // Root reads everything, so the check runs in a child as "nobody"; a normal user runs it as themselves.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (!asNobody.uid) chmodSync(at('secret.log'), 0o000);
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { ...asNobody, encoding: 'utf8', cwd: process.cwd(), env: { ...process.env, HOME: os.tmpdir() } });
    expect(child.stderr).toBe('');
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ok: boolean; reason: string };
    expect(result).toEqual({ ok: false, reason: 'no read permission (run as the owner or an administrator to include it)' });
  });
});

describe('prepareFile: the file changes between prepare and open', () => {
  it('vanished before open: open() rejects with a clear error', async () => {
    writeFileSync(at('vanish.log'), 'x\n');
    const p = ok(await prepareFile(at('vanish.log'), { maxBytes: 100, mode: 'tail' }));
    unlinkSync(at('vanish.log'));
    await expect(p.open()).rejects.toThrow(`${at('vanish.log')} vanished before it could be read`);
  });

  it('grew: cut at the size seen at prepare time, with a note', async () => {
    writeFileSync(at('grow.log'), 'first\n');
    const p = ok(await prepareFile(at('grow.log'), { maxBytes: 100, mode: 'tail' }));
    appendFileSync(at('grow.log'), 'second\n');
    const opened = await p.open();
    expect((await drain(opened.stream)).toString()).toBe('first\n');
    expect(opened.note).toMatch(/^file grew while being read \(now 13 bytes\); cut at the 6 bytes/);
    expect(opened.truncated).toBe(true);
    expect(opened.cut).toEqual({ code: 'cut-grew', seenBytes: 6, nowBytes: 13 });
    expect((await p.read!()).cut).toEqual({ code: 'cut-grew', seenBytes: 6, nowBytes: 13 });
  });

  it('shrank: the stream ends early and the note says how much could be read', async () => {
    writeFileSync(at('shrink.log'), lines(1, 100));
    const p = ok(await prepareFile(at('shrink.log'), { maxBytes: 10_000, mode: 'tail' }));
    truncateSync(at('shrink.log'), 550);
    const opened = await p.open();
    expect(opened.note).toBeUndefined(); // known only once the stream has ended
    const data = await drain(opened.stream);
    expect(data.toString()).toBe(lines(1, 50));
    expect(opened.note).toBe('the file shrank while being read: 550 of 1100 bytes could be read (truncated or rotated meanwhile?)');
  });

  it('replaced (log rotation): the note says so', async () => {
    writeFileSync(at('rotate.log'), 'old\n');
    const p = ok(await prepareFile(at('rotate.log'), { maxBytes: 100, mode: 'tail' }));
    renameSync(at('rotate.log'), at('rotate.log.1'));
    writeFileSync(at('rotate.log'), 'new\n');
    const opened = await p.open();
    expect((await drain(opened.stream)).toString()).toBe('new\n');
    expect(opened.note).toMatch(/replaced after it was listed \(log rotation\?\)/);
  });

  it('swapped for a FIFO: open() refuses at once instead of hanging', async () => {
    writeFileSync(at('swap.log'), 'x\n');
    const p = ok(await prepareFile(at('swap.log'), { maxBytes: 100, mode: 'tail' }));
    unlinkSync(at('swap.log'));
    execFileSync('mkfifo', [at('swap.log')]);
    await expect(p.open()).rejects.toThrow(/is a FIFO/);
  });
});

describe('isStructured', () => {
  it.each(['a.json', 'B.XML', 'c.yaml', 'd.yml', 'e.plist', 'f.ini', 'g.conf', 'h.toml', 'app.config', 'x.cfg', 'y.properties'])('%s is structured', (name) => {
    expect(isStructured(`/x/${name}`)).toBe(true);
  });
  it.each(['a.log', 'b.txt', 'c.jsonl', 'd.ndjson', 'noext', 'e.log.1', 'f.json.gz'])('%s is not', (name) => {
    expect(isStructured(`/x/${name}`)).toBe(false);
  });
});

describe('prepareFile: links never widen what is read', () => {
  const setupRoots = () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'files-roots-'));
    const logs = path.join(base, 'logs');
    const outside = path.join(base, 'outside');
    mkdirSync(logs);
    mkdirSync(outside);
    writeFileSync(path.join(logs, 'app.log'), 'inside\n');
    writeFileSync(path.join(outside, 'secret.txt'), 'outside secret\n');
    return { base, logs, outside, roots: [logs] };
  };

  it('follows a link whose target stays inside the roots', async () => {
    const { logs, roots } = setupRoots();
    symlinkSync(path.join(logs, 'app.log'), path.join(logs, 'current.log'));
    const p = ok(await prepareFile(path.join(logs, 'current.log'), { maxBytes: 1024, mode: 'tail', roots }));
    expect((await drain((await p.open()).stream)).toString()).toBe('inside\n');
  });

  it('skips a link that leads outside the roots, naming the target', async () => {
    const { logs, outside, roots } = setupRoots();
    symlinkSync(path.join(outside, 'secret.txt'), path.join(logs, 'out.log'));
    const why = reasonOf(await prepareFile(path.join(logs, 'out.log'), { maxBytes: 1024, mode: 'tail', roots }));
    expect(why).toContain(`is a link to ${path.join(outside, 'secret.txt')}, outside the folders the policy names`);
    // Without roots (a collector reading a fixed file), the same link is followed.
    ok(await prepareFile(path.join(logs, 'out.log'), { maxBytes: 1024, mode: 'tail' }));
  });

  it('skips a link through a linked folder that leads outside', async () => {
    const { logs, outside, roots } = setupRoots();
    symlinkSync(outside, path.join(logs, 'sub'));
    const why = reasonOf(await prepareFile(path.join(logs, 'sub', 'secret.txt'), { maxBytes: 1024, mode: 'tail', roots }));
    expect(why).toContain('outside the folders the policy names');
  });

  it('checks again when the archive writer opens the file: a link swapped after prepare is refused', async () => {
    const { logs, outside, roots } = setupRoots();
    const link = path.join(logs, 'swap.log');
    symlinkSync(path.join(logs, 'app.log'), link);
    const p = ok(await prepareFile(link, { maxBytes: 1024, mode: 'tail', roots }));
    unlinkSync(link);
    symlinkSync(path.join(outside, 'secret.txt'), link);
    await expect(p.open()).rejects.toThrow(/outside the folders the policy names/);
  });

  it.skipIf(process.platform === 'win32')('never takes /etc/shadow, through a link or by name, whatever the roots', async () => {
    const { logs } = setupRoots();
    symlinkSync('/etc/shadow', path.join(logs, 'shadow.log'));
    const viaLink = reasonOf(await prepareFile(path.join(logs, 'shadow.log'), { maxBytes: 1024, mode: 'tail', roots: ['/'] }));
    expect(viaLink).toContain('is a link to /etc/shadow, which is a password or key store');
    expect(reasonOf(await prepareFile('/etc/shadow', { maxBytes: 1024, mode: 'tail' }))).toContain('password or key store');
  });

  it("never takes this tool's own data (DIAGCOLLECT_DATA_DIR), even inside the roots", async () => {
    const { base } = setupRoots();
    const data = path.join(base, 'data');
    mkdirSync(path.join(data, 'redaction-maps'), { recursive: true });
    writeFileSync(path.join(data, 'redaction-maps', 'a.json'), '{"<EMAIL-1>":"alice@example.com"}');
    const before = process.env.DIAGCOLLECT_DATA_DIR;
    process.env.DIAGCOLLECT_DATA_DIR = data;
    try {
      const why = reasonOf(await prepareFile(path.join(data, 'redaction-maps', 'a.json'), { maxBytes: 1024, mode: 'whole', roots: [base] }));
      expect(why).toContain("diagcollect's own data");
    } finally {
      if (before === undefined) delete process.env.DIAGCOLLECT_DATA_DIR;
      else process.env.DIAGCOLLECT_DATA_DIR = before;
    }
  });

  it('never takes a file it is told to protect (the policy credentials file), even through a link inside the roots', async () => {
    const { logs, outside, roots } = setupRoots();
    const credentials = path.join(outside, 'credentials.json');
    writeFileSync(credentials, '{"redmine":{"apiKey":"k"}}');
    symlinkSync(credentials, path.join(logs, 'creds.log'));
    const why = reasonOf(await prepareFile(path.join(logs, 'creds.log'), { maxBytes: 1024, mode: 'tail', roots: [...roots, outside], protect: [credentials] }));
    expect(why).toContain("diagcollect's own data");
  });
});


describe('prepareFile: read at once (small files)', () => {
  it('gives the same bytes, truncation and note as the stream, for a whole and for a cut log', async () => {
    writeFileSync(at('once.log'), lines(1, 50));
    writeFileSync(at('once-cut.log'), lines(1, 1000));
    for (const [file, maxBytes] of [['once.log', 4096], ['once-cut.log', 1000]] as const) {
      const p = ok(await prepareFile(at(file), { maxBytes, mode: 'tail' }));
      expect(p.read).toBeDefined();
      const opened = await p.open();
      const streamed = await drain(opened.stream);
      const read = await p.read!();
      expect(read.data.equals(streamed)).toBe(true);
      expect(read.truncated).toBe(opened.truncated);
      expect(read.note).toBe(opened.note);
      expect(read.error).toBeUndefined();
    }
  });

  it('says when the file grew or shrank after it was listed, as the stream does', async () => {
    writeFileSync(at('grows.log'), lines(1, 10));
    const p = ok(await prepareFile(at('grows.log'), { maxBytes: 4096, mode: 'tail' }));
    appendFileSync(at('grows.log'), lines(11, 12));
    const grown = await p.read!();
    expect(grown.data.toString()).toBe(lines(1, 10));
    expect(grown.truncated).toBe(true);
    expect(grown.note).toMatch(/file grew while being read \(now 132 bytes\); cut at the 110 bytes/);
    truncateSync(at('grows.log'), 55);
    const shrunk = await p.read!();
    expect(shrunk.data.length).toBe(55);
    expect(shrunk.note).toMatch(/shrank while being read: 55 of 110 bytes/);
  });

  it('is only offered when the entry fits one read', async () => {
    writeFileSync(at('big-once.log'), 'x'.repeat(200_000));
    const p = ok(await prepareFile(at('big-once.log'), { maxBytes: 1_000_000, mode: 'tail' }));
    expect(p.read).toBeUndefined();
  });
});
