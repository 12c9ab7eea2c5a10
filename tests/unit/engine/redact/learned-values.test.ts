/**
 * Propagation (learned-values.ts): a name or login a rule redacted once is redacted again wherever
 * it reappears later in the archive, with the same placeholder, as a whole word.
 */
import { describe, expect, it } from 'vitest';
import { isLearnable, LEARNED_MAX, LearnedValues } from '../../../../electron/engine/redact/learned-values.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { chunkSizes, redactInChunks } from './helpers.js';

describe('learned values', () => {
  it('gives a login met again later (same item, later lines, later items) the placeholder it got first', async () => {
    const r = new Redactor();
    const ini = 'UserName=luoxiaotong\nCertificate=D:\\certs\\luoxiaotong.p12\n';
    const a = await redactInChunks(r, Buffer.from(ini), chunkSizes(3));
    expect(a.text).toBe('UserName=<USER-1>\nCertificate=D:\\certs\\<USER-1>.p12\n');
    // The repeat is counted under the rule that found the value.
    expect(a.stream.counts()).toEqual({ 'user-name': 2 });
    const b = await redactInChunks(r, Buffer.from('10:02 LuoXiaotong signed in\nplain line\n'), chunkSizes({ max: 9, seed: 4 }));
    expect(b.text).toBe('10:02 <USER-1> signed in\nplain line\n');
    expect(b.stream.counts()).toEqual({ 'user-name': 1 });
    expect(r.mapping().get('<USER-1>')).toBe('luoxiaotong');
  });

  it('replaces a repeat on the line where the value was first found', () => {
    const r = new Redactor();
    expect(r.redactText('姓名：孔令辉 扫描-孔令辉').text).toBe('姓名：<NAME-1> 扫描-<NAME-1>');
  });

  it('matches Latin values as whole words only', () => {
    const r = new Redactor();
    r.redactText('UserName=luoxiaotong');
    const kept = 'luoxiaotongs xluoxiaotong luoxiaotong_bak luoxiaotong2 ';
    expect(r.redactText(`${kept}(luoxiaotong) "luoxiaotong" luoxiaotong@x`).text).toBe(`${kept}(<USER-1>) "<USER-1>" <USER-1>@x`);
  });

  it('finds a Han name of three characters inside Han text, a two-character one only standing alone', () => {
    const r = new Redactor();
    r.redactText('姓名：谢婷婷');
    r.redactText('姓名：康静');
    expect(r.redactText('<QuickSet name="发给谢婷婷" />').text).toBe('<QuickSet name="发给<NAME-1>" />');
    // `康静` inside a longer word is not the name (健康静养: "convalescence"), nor glued to other Han text.
    expect(r.redactText('健康静养 安康静 康静怡').text).toBe('健康静养 安康静 康静怡');
    expect(r.redactText('外发文件 "客户清单-康静.xlsx" 康静').text).toBe('外发文件 "客户清单-<NAME-2>.xlsx" <NAME-2>');
  });

  it('never rewrites a placeholder or a program named like a login', () => {
    const r = new Redactor();
    // A login spelt like a placeholder's kind (a common word such as `phone` is never learned).
    r.redactText('UserName=cnid');
    expect(r.redactText('身份证 11010519491231002X cnid').text).toBe('身份证 <CNID-1> <USER-1>');
    r.redactText('UserName=xxbackup');
    expect(r.redactText('"C:\\Program Files\\XXBackup\\xxbackup.exe" --run xxbackup').text).toBe('"C:\\Program Files\\XXBackup\\xxbackup.exe" --run <USER-2>');
  });

  it('learns no generic account, short login, number, or credential user of a URL', () => {
    const r = new Redactor();
    r.redactText('UserName=admin\nUserName=liu\nhttps://report:S3cret!x@db.example.com/x\n');
    expect(r.redactText('admin liu report done').text).toBe('admin liu report done');
    expect(isLearnable('USER', 'admin', 'user-name')).toBe(false);
    expect(isLearnable('USER', '20240315', 'user-name')).toBe(false);
    expect(isLearnable('USER', 'liu', 'user-name')).toBe(false);
    expect(isLearnable('USER', 'report', 'url-credentials')).toBe(false);
    expect(isLearnable('NAME', '康', 'person-name')).toBe(false);
    expect(isLearnable('PHONE', '13800138000', 'phone')).toBe(false);
    expect(isLearnable('USER', 'kangjing', 'user-name')).toBe(true);
    expect(isLearnable('NAME', '康静', 'person-name')).toBe(true);
  });

  it('counts a repeat under the rule that made the placeholder, when a login rule met the value after it', () => {
    const r = new Redactor();
    r.redactText('postgres://xxs_app:Pg!Prod-2024#x@db01/xxs');
    // Not learned from the URL (credential users of URLs are service accounts named like words) …
    expect(r.redactText('postgres: xxs_app idle').text).toBe('postgres: xxs_app idle');
    // … but a login rule met it too: learned, and its repeats count where its placeholder came from.
    expect(r.redactText('User=xxs_app').text).toBe('User=<USER-1>');
    expect(r.redactText('postgres: xxs_app idle')).toEqual({ text: 'postgres: <USER-1> idle', counts: { 'url-credentials': 1 } });
  });

  it('redacts the same whatever the chunking, and as the reference engine (no prefilter) does', async () => {
    const text = Buffer.from(
      ['plain start', '登录账号: kangjing', 'x'.repeat(300), 'dlp: 用户=kangjing 文件 kangjing.xlsx', '姓名 戴志伟', '审批 戴志伟 同意', 'end', ''].join('\n'),
    );
    const reference = (await redactInChunks(new Redactor({}, { prefilter: false }), text, chunkSizes(4096))).text;
    expect(reference).toContain('文件 <USER-1>.xlsx');
    expect(reference).toContain('审批 <NAME-1> 同意');
    for (const size of [chunkSizes(1), chunkSizes(7), chunkSizes({ max: 64, seed: 9 }), chunkSizes(4096)]) {
      expect((await redactInChunks(new Redactor(), text, size)).text).toBe(reference);
    }
  });

  it('caps the set and rebuilds its matchers only when it grew', () => {
    const set = new LearnedValues();
    expect(set.scan()).toBeUndefined();
    set.learn('USER', 'kangjing', 'user-name', 'kangjing');
    const scan = set.scan();
    expect(set.scan()).toBe(scan);
    set.learn('USER', 'KangJing', 'user-name', 'kangjing');
    expect(set.scan()).toBe(scan);
    expect(set.version).toBe(1);
    for (let i = 0; i < LEARNED_MAX + 50; i += 1) set.learn('USER', `login${i}x`, 'user-name', `login${i}x`);
    expect(set.size).toBe(LEARNED_MAX);
    expect(set.scan()).not.toBe(scan);
  });
});
