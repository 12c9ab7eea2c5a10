import { createReadStream, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { draftAttaches, draftBody, writeEmailDraft } from '../../../../electron/engine/upload/email-draft.js';
import { testManifest } from '../../../helpers/manifest.js';
import { sha256 } from '../../../helpers/zip.js';

const manifest = (over: Parameters<typeof testManifest>[0] = {}) =>
  testManifest({ intake: { problemDescription: '软件打不开', stepsToReproduce: '1. 双击图标\n2. 报错' }, ...over });

describe('e-mail draft', () => {
  it('stops at the deadline: rejects, publishes no .eml and leaves no temp file', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'draft-abort-'));
    const name = '12345_诊断信息_20240315-0942_PC.zip';
    const archive = join(dir, name);
    writeFileSync(archive, Buffer.alloc(64 * 1024, 7));
    const input = { ticket: '12345', lang: 'zh-CN' as const, archivePath: archive, archiveName: name, archiveBytes: 64 * 1024, archiveSha256: 'x'.repeat(64), manifest: manifest() };
    await expect(writeEmailDraft({ ...input, signal: AbortSignal.abort(new Error('deadline')) })).rejects.toThrow('deadline');
    const stopping = new AbortController();
    const writing = writeEmailDraft({ ...input, signal: stopping.signal });
    stopping.abort(new Error('deadline'));
    await expect(writing).rejects.toThrow(); // the stream's AbortError, or the reason itself
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('has the standard subject, the facts as bullets and the archive attached under its Chinese name', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'eml-'));
    const name = '12345_诊断信息_20261124-0930_pc-01.zip';
    const archive = join(dir, name);
    const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256));
    writeFileSync(archive, bytes);
    const draft = await writeEmailDraft({ ticket: '12345', lang: 'zh-CN', archivePath: archive, archiveName: name, archiveBytes: bytes.length, archiveSha256: sha256(bytes), manifest: manifest() });
    const eml = draft.path;
    expect(draft.attached).toBe(true);
    expect(eml).toBe(join(dir, '12345_诊断信息_20261124-0930_pc-01.eml'));
    expect(readdirSync(dir).sort()).toEqual([eml.split('/').pop(), name].sort());
    const raw = readFileSync(eml, 'latin1');
    expect(raw).toMatch(/^X-Unsent: 1$/m);
    // RFC 2231 parameter for the non-ASCII file name.
    expect(raw).toMatch(/filename\*[0-9*]*=utf-8''/i);
    const mail = await simpleParser(createReadStream(eml));
    expect(mail.subject).toBe('【技术支持】12345');
    expect(mail.text).toContain(`- 附件：${name}`);
    expect(mail.text).toContain(`- SHA-256：${sha256(bytes)}`);
    expect(mail.text).toContain('- 未完成：network');
    expect(mail.text).toContain('1. 双击图标');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe(name);
    expect(sha256(mail.attachments[0]!.content)).toBe(sha256(bytes));
  });

  it('writes English text for an en archive and never leaves a partial draft', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'eml-'));
    const archive = join(dir, 'a.zip');
    writeFileSync(archive, 'zip');
    const eml = (await writeEmailDraft({ ticket: 'SUP-1', lang: 'en', archivePath: archive, archiveName: 'a.zip', archiveBytes: 3, archiveSha256: 'x', manifest: manifest({ collectors: [] }) })).path;
    const mail = await simpleParser(createReadStream(eml));
    expect(mail.subject).toBe('【技术支持】SUP-1');
    expect(mail.text).toContain('- Attachment: a.zip');
    expect(mail.text).not.toContain('Incomplete');
    // A missing archive fails and leaves no draft or temp file.
    await expect(writeEmailDraft({ ticket: 'SUP-1', lang: 'en', archivePath: join(dir, 'gone.zip'), archiveName: 'gone.zip', archiveBytes: 0, archiveSha256: 'x', manifest: manifest() })).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['a.eml', 'a.zip']);
  });

  it('says which entries the mend step redacted again (manifest.redaction.mended), in the archive language', () => {
    const base = { ticket: '12345', archivePath: '/x/a.zip', archiveName: 'a.zip', archiveBytes: 3, archiveSha256: 'x'.repeat(64) };
    const mended = manifest({ redaction: { enabled: true, rules: [], totals: { 'person-name': 2 }, mended: ['1-chat.txt'] } });
    expect(draftBody({ ...base, lang: 'en', manifest: mended }, true)).toContain('- 1 entry was redacted again once the archive was complete (a name or value in them was recognised only later): 1-chat.txt');
    expect(draftBody({ ...base, lang: 'zh-CN', manifest: mended }, true)).toContain('- 归档完成后又脱敏了 1 个条目（其中的姓名或值在写入之后才被识别）：1-chat.txt');
    expect(draftBody({ ...base, lang: 'en', manifest: manifest() }, true)).not.toContain('redacted again');
  });

  it('attaches the archive only while the message stays under the limit; past it, names the path and attaches nothing', async () => {
    expect(draftAttaches(18_000_000)).toBe(true);
    expect(draftAttaches(18_500_000)).toBe(false);
    expect(draftAttaches(1000, 10_000)).toBe(false);
    const dir = mkdtempSync(join(os.tmpdir(), 'eml-big-'));
    const archive = join(dir, 'big.zip');
    writeFileSync(archive, Buffer.alloc(200_000, 1));
    const input = { ticket: 'SUP-2', lang: 'en' as const, archivePath: archive, archiveName: 'big.zip', archiveBytes: 200_000, archiveSha256: 'x', manifest: manifest({ collectors: [] }), maxMessageBytes: 100_000 };
    const draft = await writeEmailDraft(input);
    // One answer for the body, the attachment and the caller (the workflow's emailDraftAttached).
    expect(draft.attached).toBe(false);
    const mail = await simpleParser(createReadStream(draft.path));
    expect(mail.attachments).toHaveLength(0);
    expect(mail.text).toContain(`- Not attached: the archive big.zip (195 KB) is too large to send by e-mail (mail servers commonly refuse messages over 0 MB). It is on this computer at ${archive}`);
    expect(draftBody({ ...input, lang: 'zh-CN' }, false)).toContain(`它保存在本机的 ${archive}`);
    const roomy = await writeEmailDraft({ ...input, maxMessageBytes: undefined });
    expect(roomy.attached).toBe(true);
    expect((await simpleParser(createReadStream(roomy.path))).text).toContain('- Attachment: big.zip');
  });
});
