import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configCollector } from '../../../../electron/engine/collectors/config.js';
import { createFakeContext } from './fake-context.js';

let root: string;
const at = (...p: string[]) => path.join(root, ...p);

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'config-'));
  mkdirSync(at('etc/app/conf.d'), { recursive: true });
  writeFileSync(at('etc/app/config.xml'), `<config>${'<item/>'.repeat(100)}</config>`); // 717 B
  writeFileSync(at('etc/app/huge.json'), JSON.stringify({ x: 'y'.repeat(3000) })); // 3 010 B
  writeFileSync(at('etc/app/conf.d/10-net.conf'), 'a = 1\n');
  writeFileSync(at('etc/app/notes'), Array.from({ length: 400 }, (_, i) => `note ${i}\n`).join(''));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('config collector (real files)', () => {
  it('keeps structured files whole or skips them with the reason; other files keep their newest lines', async () => {
    const ctx = createFakeContext({ policy: { configPaths: [at('etc/app')], caps: { fileBytes: 2048, collectorBytes: 1024 * 1024, filesPerPath: 50, systemLogBytes: 2048 } } });
    await configCollector.run(ctx);

    expect(ctx.items.map((i) => i.name).sort()).toEqual(['config-files/app/conf.d/10-net.conf', 'config-files/app/config.xml', 'config-files/app/notes']);
    expect(await ctx.text('config-files/app/config.xml')).toBe(`<config>${'<item/>'.repeat(100)}</config>`);
    expect(await ctx.text('config-files/app/conf.d/10-net.conf')).toBe('a = 1\n');
    const notes = await ctx.read('config-files/app/notes');
    expect(notes.truncated).toBe(true);
    expect(notes.data.toString().trimEnd().split('\n').at(-1)).toBe('note 399');
    expect(ctx.skips).toEqual([{ source: at('etc/app/huge.json'), reason: 'the file is 2.9 KB, over the per-file cap of 2 KB (caps.fileBytes); structured files are kept whole or not at all' }]);
  });

  it('zh-CN entries go under 配置文件/', async () => {
    const ctx = createFakeContext({ lang: 'zh-CN', policy: { configPaths: [at('etc/app/config.xml')] } });
    await configCollector.run(ctx);
    expect(ctx.items.map((i) => i.name)).toEqual(['配置文件/app/config.xml']);
  });

  it('describe() lists the policy paths and caps', () => {
    const policy = createFakeContext({ policy: { configPaths: ['%ProgramData%\\XXSoftware\\Settings\\config.xml'] } }).policy;
    expect(configCollector.describe('win32', policy)).toEqual(['%ProgramData%\\XXSoftware\\Settings\\config.xml', '(newest first, at most 200 files per path, 20.0 MiB per file, 200 MiB in all)']);
    expect(configCollector.describe('linux', createFakeContext().policy)).toEqual(['policy.configPaths = []']);
  });
});
