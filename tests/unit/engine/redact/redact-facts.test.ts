import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { redactFacts } from '../../../../electron/engine/redact/redact-facts.js';

describe('redactFacts', () => {
  it('redacts every string value, keeps keys, numbers and shape, and leaves the input alone', () => {
    const facts = {
      id: 'software:/home/alice.w/app',
      detail: { 'zh-CN': '配置文件 /home/alice.w/.config/app.json 可读', en: 'config /home/alice.w/.config/app.json readable' },
      advice: [{ en: 'mail it-help@example-corp.cn' }],
      data: { freeBytes: 17179869184, path: '/home/alice.w', ok: true, none: null },
    };
    const out = redactFacts(facts, new Redactor());
    expect(out.detail.en).toBe('config /home/<USER-1>/.config/app.json readable');
    expect(out.detail['zh-CN']).toContain('/home/<USER-1>/');
    expect(out.advice[0]!.en).toMatch(/^mail <EMAIL-\d+>$/);
    expect(out.data).toEqual({ freeBytes: 17179869184, path: '/home/<USER-1>', ok: true, none: null });
    expect(facts.data.path).toBe('/home/alice.w');
  });
});

describe('redactFacts on check results', () => {
  it('redacts the arguments of check messages and keeps their codes', () => {
    const facts = { title: { code: 'title.endpoint', args: { name: 'alice.w' } }, detail: [{ code: 'disk.volume', args: { path: '/home/alice.w' } }] };
    const out = redactFacts(facts, new Redactor());
    expect(out.title.code).toBe('title.endpoint');
    expect(out.detail[0]!.code).toBe('disk.volume');
    expect(out.detail[0]!.args.path).toBe('/home/<USER-1>');
  });
});
