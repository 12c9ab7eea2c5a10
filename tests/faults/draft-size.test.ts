/**
 * Fault suite (issue 13, "bounded by design"): the e-mail draft of a large archive, through the
 * real CLI as a process. The draft carried the whole archive base64-encoded: a 200 MB archive
 * made a 274 MB .eml, which no mail server takes (most refuse a message over 25 MB). Past that
 * size the draft carries no attachment; its body names the archive's path and what to do (upload
 * it on the ticket page, or share a link), and so does the CLI's summary. Behaviour only.
 */
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './support.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('faults: the e-mail draft of an archive too large to mail (real CLI)', () => {
  it('a 30 MB archive: the draft is small, attaches nothing, and names the archive and what to do; the summary says so', async () => {
    const root = mkdtempSync(join(os.tmpdir(), 'diagcollect-fault-draft-'));
    temps.push(root);
    // Random bytes do not deflate: the archive is as large as the log.
    writeFileSync(join(root, 'big.log'), randomBytes(30 * 1000 * 1000));
    const policy = join(root, 'policy.json');
    writeFileSync(policy, JSON.stringify({ appLogPaths: [join(root, 'big.log')], caps: { fileBytes: 64 * 1024 * 1024 } }));
    const args = ['collect', '--ticket', 'D-25', '--only', 'app-logs', '--no-screenshot', '--policy', policy, '--lang', 'en'];
    const r = await startCli([...args, '--json', '--out', join(root, 'out')], { DIAGCOLLECT_DATA_DIR: join(root, 'data') }).done;
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { archive: { path: string; bytes: number }; emailDraft: string; emailDraftAttached: boolean };
    expect(json.archive.bytes).toBeGreaterThan(25 * 1000 * 1000);
    expect(json.emailDraftAttached).toBe(false);
    expect(statSync(json.emailDraft).size).toBeLessThan(64 * 1024);
    const mail = await simpleParser(createReadStream(json.emailDraft));
    expect(mail.attachments).toEqual([]);
    expect(mail.text).toContain(`It is on this computer at ${json.archive.path}`);
    expect(mail.text).toMatch(/too large to send by e-mail \(mail servers commonly refuse messages over 25 MB\)/);
    expect(mail.text).toMatch(/upload it on the ticket page/);
    expect(mail.text).not.toMatch(/check the attachment/);

    const zh = await startCli([...args.slice(0, -1), 'zh-CN', '--out', join(root, 'out-zh')], { DIAGCOLLECT_DATA_DIR: join(root, 'data') }).done;
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/诊断包太大（邮件服务器通常拒收超过 25 MB 的邮件），没有附在草稿中/);
  });
});
