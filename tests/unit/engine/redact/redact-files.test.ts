import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, PolicySchema } from '../../../../shared/policy.js';
import { main } from '../../../../electron/cli/main.js';
import { ZipWriter } from '../../../../electron/engine/archive/zip-writer.js';
import { InputError } from '../../../../electron/engine/errors.js';
import { redactFiles, redactedName } from '../../../../electron/engine/redact/redact-files.js';
import { runSession } from '../../../../electron/engine/session.js';
import { readZip } from '../../../helpers/zip.js';
import { testCollector } from '../../../helpers/collector.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'redact-files-'));
const EMAIL = 'zhang.san@example.com';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), Buffer.from(`contact ${EMAIL}`), Buffer.alloc(64)]);

describe('redactedName', () => {
  it('names copies so a reader sees they are redacted', () => {
    expect(redactedName('/a/notes.txt', 'file')).toBe('notes.redacted.txt');
    expect(redactedName('/a/README', 'file')).toBe('README.redacted');
    expect(redactedName('/a/logs', 'directory')).toBe('logs-redacted');
    expect(redactedName('/a/123_诊断信息.ZIP', 'archive')).toBe('123_诊断信息.redacted.zip');
  });
});

describe('redactFiles', () => {
  it('redacts a text file beside it, with a report without values and a local map', async () => {
    const dir = tmp();
    const maps = tmp();
    const input = join(dir, 'notes.txt');
    writeFileSync(input, `line 1\nmail ${EMAIL} about it\n`);
    const r = await redactFiles({ input, policy: DEFAULT_POLICY, redactionMapDir: maps });
    expect(r.output).toBe(join(dir, 'notes.redacted.txt'));
    const copy = readFileSync(r.output, 'utf8');
    expect(copy).not.toContain(EMAIL);
    expect(copy).toContain('mail <EMAIL-1> about it');
    expect(readFileSync(input, 'utf8')).toContain(EMAIL);
    expect(r.files).toEqual([expect.objectContaining({ name: 'notes.txt', status: 'redacted', counts: { email: 1 } })]);
    const report = readFileSync(r.report, 'utf8');
    expect(r.report).toBe(join(dir, 'notes.redacted.txt.redaction-report.txt'));
    expect(report).toContain('1 email');
    expect(report).not.toContain(EMAIL);
    expect(r.map).toBe(join(maps, 'notes.redacted.txt.json'));
    expect(JSON.parse(readFileSync(r.map!, 'utf8')).placeholders).toEqual({ '<EMAIL-1>': EMAIL });
  });

  it('refuses to overwrite an existing copy or report, and leaves it untouched', async () => {
    const dir = tmp();
    const input = join(dir, 'a.log');
    writeFileSync(input, `${EMAIL}\n`);
    writeFileSync(join(dir, 'a.redacted.log'), 'mine');
    await expect(redactFiles({ input, policy: DEFAULT_POLICY })).rejects.toThrow(/already exists; nothing was overwritten/);
    expect(readFileSync(join(dir, 'a.redacted.log'), 'utf8')).toBe('mine');
    const out = tmp();
    writeFileSync(join(out, 'a.redacted.log.redaction-report.txt'), 'old');
    await expect(redactFiles({ input, outDir: out, policy: DEFAULT_POLICY })).rejects.toBeInstanceOf(InputError);
    expect(existsSync(join(out, 'a.redacted.log'))).toBe(false);
  });

  it('writes no copy of a single binary file, and says why', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'shot.png'), PNG);
    await expect(redactFiles({ input: join(dir, 'shot.png'), policy: DEFAULT_POLICY })).rejects.toThrow(/binary.*no copy was written/);
    expect(readdirSync(dir)).toEqual(['shot.png']);
  });

  it('refuses missing input', async () => {
    await expect(redactFiles({ input: join(tmp(), 'nope.txt'), policy: DEFAULT_POLICY })).rejects.toThrow(/does not exist/);
  });

  it('copies a folder: text redacted, binary untouched under its own name and reported as not redacted', async () => {
    const root = tmp();
    const input = join(root, 'logs');
    mkdirSync(join(input, 'sub'), { recursive: true });
    writeFileSync(join(input, 'app.log'), `user ${EMAIL} logged in\n`);
    writeFileSync(join(input, 'sub', 'more.txt'), 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789\n');
    writeFileSync(join(input, 'shot.png'), PNG);
    const r = await redactFiles({ input, policy: DEFAULT_POLICY });
    expect(r.output).toBe(join(root, 'logs-redacted'));
    expect(readdirSync(r.output).sort()).toEqual(['app.log', 'shot.png', 'sub']);
    expect(readFileSync(join(r.output, 'app.log'), 'utf8')).toBe('user <EMAIL-1> logged in\n');
    expect(readFileSync(join(r.output, 'sub', 'more.txt'), 'utf8')).not.toContain('abcdefghijklmnop');
    expect(readFileSync(join(r.output, 'shot.png')).equals(PNG)).toBe(true);
    expect(r.files.find((f) => f.name === 'shot.png')).toMatchObject({ status: 'binary' });
    expect(r.files.find((f) => f.name === 'sub/more.txt')).toMatchObject({ status: 'redacted' });
    const report = readFileSync(r.report, 'utf8');
    expect(report).toMatch(/shot\.png\s+not redacted: binary/);
    expect(report).not.toContain(EMAIL);
    await expect(redactFiles({ input, outDir: join(input, 'sub'), policy: DEFAULT_POLICY })).rejects.toThrow(/inside the folder/);
    await expect(redactFiles({ input, policy: DEFAULT_POLICY })).rejects.toThrow(/already exists/);
  });

  it('re-redacts an archive made by the session with a rule IT added later; binary entries pass untouched', async () => {
    const staff = /EMP-\d{6}/.source;
    const collector = testCollector('planted', (ctx) => {
      ctx.addText('staff.txt', `badge EMP-123456 for ${EMAIL}\n`, 'test');
      ctx.addBuffer('image.png', PNG, 'test', 'binary');
    });
    const first = await runSession({ ticket: '12345', policy: DEFAULT_POLICY, outDir: tmp(), collectors: [collector], checks: [], host: 'pc-01' });
    const before = await readZip(first.archivePath);
    expect(before.find((e) => e.name === 'staff.txt')!.data.toString()).toContain('EMP-123456');
    const policy = PolicySchema.parse({ redaction: { extraRules: [{ id: 'staff-id', pattern: staff, placeholder: 'STAFF' }] } });
    const out = tmp();
    const r = await redactFiles({ input: first.archivePath, outDir: out, policy });
    expect(r.kind).toBe('archive');
    expect(r.output).toBe(join(out, first.archiveName.replace(/\.zip$/, '.redacted.zip')));
    const after = await readZip(r.output);
    expect(after.map((e) => e.name).sort()).toEqual(before.map((e) => e.name).sort());
    const staffTxt = after.find((e) => e.name === 'staff.txt')!.data.toString();
    expect(staffTxt).toBe('badge <STAFF-1> for <EMAIL-1>\n');
    expect(after.find((e) => e.name === 'image.png')!.data.equals(PNG)).toBe(true);
    expect(r.files.find((f) => f.name === 'image.png')).toMatchObject({ status: 'binary', counts: {} });
    expect(r.files.find((f) => f.name === 'staff.txt')).toMatchObject({ status: 'redacted', counts: { 'staff-id': 1 } });
    expect(r.totals['staff-id']).toBe(1);
    expect(readFileSync(r.report, 'utf8')).not.toContain('EMP-123456');
  });

  it('reads an archive written by ZipWriter and rejects a broken one', async () => {
    const dir = tmp();
    const zipPath = join(dir, 'hand.zip');
    const w = await ZipWriter.open(zipPath);
    await w.addBuffer('a/b.txt', Buffer.from(`x ${EMAIL}\n`));
    await w.finalize();
    const r = await redactFiles({ input: zipPath, policy: DEFAULT_POLICY });
    expect((await readZip(r.output)).map((e) => [e.name, e.data.toString()])).toEqual([['a/b.txt', 'x <EMAIL-1>\n']]);
    writeFileSync(join(dir, 'bad.zip'), 'not a zip at all');
    await expect(redactFiles({ input: join(dir, 'bad.zip'), policy: DEFAULT_POLICY })).rejects.toThrow(/not a readable zip/);
    expect(existsSync(join(dir, 'bad.redacted.zip'))).toBe(false);
  });
});

describe('redactFiles on an archive: the mend step', () => {
  it('redacts a name in an entry written before the entry that names it (mended before the copy is published); the report says so', async () => {
    const dir = tmp();
    const zipPath = join(dir, 'hand.zip');
    const w = await ZipWriter.open(zipPath);
    await w.addBuffer('1-chat.txt', Buffer.from('IT 服务台 ↔ 龚雅婷\nupload cert\\luoxiaotong.p12\n'));
    await w.addBuffer('2-shot.png', PNG);
    await w.addBuffer('3-hr.ini', Buffer.from('[Account]\nUserName=luoxiaotong\n姓名：龚雅婷\n'));
    await w.finalize();
    const r = await redactFiles({ input: zipPath, policy: DEFAULT_POLICY });
    const out = await readZip(r.output);
    expect(out.map((e) => [e.name, e.name.endsWith('.png') ? e.data.equals(PNG) : e.data.toString()])).toEqual([
      ['1-chat.txt', 'IT 服务台 ↔ <NAME-1>\nupload cert\\<USER-1>.p12\n'],
      ['2-shot.png', true],
      ['3-hr.ini', '[Account]\nUserName=<USER-1>\n姓名：<NAME-1>\n'],
    ]);
    const chat = r.files.find((f) => f.name === '1-chat.txt')!;
    expect(chat.counts).toEqual({ 'person-name': 1, 'user-name': 1 });
    expect(chat.bytes).toBe(out[0]!.data.length);
    expect(r.totals).toEqual({ 'person-name': 2, 'user-name': 2 });
    expect(readFileSync(r.report, 'utf8')).toMatch(/1-chat\.txt\s+redacted: .*mended: redacted again/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

describe('redactFiles on a folder: the mend step', () => {
  it('redacts a name in a file written before the file that names it (mended before the copy is published); the report says so', async () => {
    const dir = tmp();
    const input = join(dir, 'logs');
    mkdirSync(join(input, 'sub'), { recursive: true });
    writeFileSync(join(input, '1-chat.txt'), 'IT 服务台 ↔ 龚雅婷\nupload cert\\luoxiaotong.p12\n');
    writeFileSync(join(input, '2-shot.png'), PNG);
    writeFileSync(join(input, 'sub', '3-hr.ini'), '[Account]\nUserName=luoxiaotong\n姓名：龚雅婷\n');
    const r = await redactFiles({ input, policy: DEFAULT_POLICY });
    expect(r.output).toBe(join(dir, 'logs-redacted'));
    expect(readFileSync(join(r.output, '1-chat.txt'), 'utf8')).toBe('IT 服务台 ↔ <NAME-1>\nupload cert\\<USER-1>.p12\n');
    expect(readFileSync(join(r.output, 'sub', '3-hr.ini'), 'utf8')).toBe('[Account]\nUserName=<USER-1>\n姓名：<NAME-1>\n');
    // A binary file is never rewritten; nothing but the copies is left in the folder.
    expect(readFileSync(join(r.output, '2-shot.png')).equals(PNG)).toBe(true);
    expect(readdirSync(r.output).sort()).toEqual(['1-chat.txt', '2-shot.png', 'sub']);
    expect(readdirSync(dir).sort()).toEqual(['logs', 'logs-redacted', 'logs-redacted.redaction-report.txt']);
    const chat = r.files.find((f) => f.name === '1-chat.txt')!;
    expect(chat.counts).toEqual({ 'person-name': 1, 'user-name': 1 });
    expect(chat.bytes).toBe(readFileSync(join(r.output, '1-chat.txt')).length);
    expect(chat.reason).toMatch(/^mended: redacted again/);
    expect(r.files.find((f) => f.name === 'sub/3-hr.ini')!.reason).toBeUndefined();
    expect(r.totals).toEqual({ 'person-name': 2, 'user-name': 2 });
    const report = readFileSync(r.report, 'utf8');
    expect(report).toMatch(/1-chat\.txt\s+redacted: .*mended: redacted again/);
    expect(report).not.toMatch(/龚雅婷|luoxiaotong/);
  });
});

describe('diagcollect redact', () => {
  const io = (env: NodeJS.ProcessEnv) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    return { io: { stdout, stderr, env, signals: process }, text: () => ({ out, err }) };
  };

  it('prints JSON, saves the map in the data folder and exits 2 when the copy exists', async () => {
    const dir = tmp();
    const data = tmp();
    writeFileSync(join(dir, 'n.txt'), `${EMAIL}\n`);
    const env = { DIAGCOLLECT_DATA_DIR: data, HOME: tmp() };
    const a = io(env);
    expect(await main(['node', 'diagcollect', 'redact', join(dir, 'n.txt'), '--json'], a.io)).toBe(0);
    const json = JSON.parse(a.text().out);
    expect(json).toMatchObject({ ok: true, output: join(dir, 'n.redacted.txt'), totals: { email: 1 } });
    expect(JSON.stringify(json.files)).not.toContain(EMAIL);
    expect(existsSync(join(data, 'redaction-maps', 'n.redacted.txt.json'))).toBe(true);
    const b = io(env);
    expect(await main(['node', 'diagcollect', 'redact', join(dir, 'n.txt')], b.io)).toBe(2);
    expect(b.text().err).toMatch(/already exists/);
  });
});
