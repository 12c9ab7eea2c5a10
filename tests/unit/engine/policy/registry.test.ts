/**
 * Windows managed policy. reg.exe cannot run here, so the fixtures are `reg query <key> /s`
 * output in reg.exe's documented text format (CRLF, four-space columns, REG_DWORD as 0x…,
 * REG_MULTI_SZ joined by a literal \0), and the reader is checked against them (contract).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../../electron/engine/policy/effective.js';
import { convertValue, parseRegQuery, REGISTRY_POLICY_KEY, registryLocation, registryToPolicy } from '../../../../electron/engine/policy/registry.js';
import { nodeAt } from '../../../../electron/engine/policy/schema-shape.js';
import { readRegistrySource, type RunCommand } from '../../../../electron/engine/policy/sources.js';
import { examplePolicy, policyToRegistry, type RegistryEntry } from '../../../../electron/engine/policy/templates.js';
import { PolicySchema } from '../../../../shared/policy.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/policy/${name}`, import.meta.url)));

/** A stand-in for reg.exe that prints a fixture (and records how it was called). */
function fakeReg(stdout: Buffer | string, code = 0): RunCommand & { calls: string[][] } {
  const calls: string[][] = [];
  const run = (async (command: string, args: string[]) => {
    calls.push([command, ...args]);
    return { code, stdout: Buffer.isBuffer(stdout) ? stdout : Buffer.from(stdout), stderr: code === 0 ? '' : 'ERROR: The system was unable to find the specified registry key or value.' };
  }) as RunCommand & { calls: string[][] };
  run.calls = calls;
  return run;
}

/** reg.exe's text for a list of values (the inverse of the parser), to round-trip the mapping. */
function regQueryText(entries: RegistryEntry[]): string {
  const keys = [...new Set(['', ...entries.map((e) => e.subkey)])];
  const lines = [''];
  for (const k of keys) {
    lines.push([REGISTRY_POLICY_KEY, k].filter(Boolean).join('\\'));
    for (const e of entries.filter((x) => x.subkey === k)) {
      const data = e.type === 'REG_MULTI_SZ' ? (e.value as string[]).join('\\0') : e.type === 'REG_SZ' ? String(e.value) : `0x${(e.value as number).toString(16)}`;
      lines.push(`    ${e.name}    ${e.type}    ${data}`);
    }
    lines.push('');
  }
  return lines.join('\r\n');
}

describe('registry policy (contract: reg query /s output)', () => {
  it('reads the registry export fixture into the expected effective policy', async () => {
    const run = fakeReg(fixture('reg-query.txt'));
    const read = await readRegistrySource(run);
    expect(run.calls).toEqual([['reg', 'query', 'HKEY_LOCAL_MACHINE\\Software\\Policies\\DiagCollect', '/s']]);
    expect(read).toMatchObject({ kind: 'managed', location: 'HKLM\\Software\\Policies\\DiagCollect', present: true, issues: [] });
    const effective = resolvePolicy([read]);
    expect(effective.problems).toEqual([]);
    const p = effective.policy;
    expect(p.archiveLanguage).toBe('en');
    expect(p.screenshotAllowed).toBe(false); // REG_DWORD 0, value name in another case
    expect(p.appLogPaths).toEqual(['C:\\ProgramData\\XXSoftware\\Logs\\*.log', '%LOCALAPPDATA%\\XXSoftware\\logs\\**\\*.log']);
    expect(p.deadlineSeconds).toBe(120);
    expect(p.archiveNameTemplate).toBe('{ticket}_{label}_{host}.zip');
    expect(p.products).toEqual([{ name: 'XXSoftware', minimumVersion: '2.0', recommendedVersion: '2.3' }]);
    expect(p.caps).toMatchObject({ fileBytes: 0x100000, collectorBytes: 0x200000000, filesPerPath: 200 });
    expect(p.checks.disk).toMatchObject({ warnPercent: 12.5, failPercent: 3 });
    expect(p.checks.endpoints).toEqual([
      { name: 'Support portal', url: 'https://support.example.com/' },
      { name: 'Product API', url: 'https://api.example.com/health' },
    ]);
    expect(p.upload).toMatchObject({ target: 'redmine', redmine: { url: 'https://redmine.example.com', project: 'support' }, allowedHosts: ['redmine.example.com', '*.support.example.com'] });
    expect(p.linkSigning).toEqual({ publicKeys: ['UWMjgpGGJOciX4I6EHtx1BayUekMeijZiYjnwFT0ys8='], maxLifetimeHours: 168 });
    // Every value the registry set is managed and locked; what it did not set stays a default.
    expect(effective.origins['upload.redmine.url']).toEqual({ source: 'managed', location: 'HKLM\\Software\\Policies\\DiagCollect' });
    expect(effective.origins.concurrency).toEqual({ source: 'default' });
    expect(effective.locked).toContain('screenshotAllowed');
    expect(effective.locked).toContain('checks.endpoints');
    expect(effective.locked).not.toContain('concurrency');
  });

  it('reports each bad value with its key, registry path and reason, and keeps the rest', async () => {
    const effective = resolvePolicy([await readRegistrySource(fakeReg(fixture('reg-query-bad.txt')))]);
    const byKey = Object.fromEntries(effective.problems.map((p) => [p.key, p]));
    expect(byKey.screenshotAllowed?.reason).toBe('is REG_SZ, but this key is on/off: use REG_DWORD 1 or 0');
    expect(byKey.screenshotAllowed?.where).toBe('HKEY_LOCAL_MACHINE\\Software\\Policies\\DiagCollect → screenshotAllowed (REG_SZ)');
    expect(byKey.deadlineSeconds?.reason).toContain('not a whole number');
    expect(byKey['upload.target']?.reason).toBe('is REG_DWORD, but this key is a choice: use REG_SZ');
    expect(byKey.colectors?.reason).toBe('unknown key: remove it or check the spelling');
    expect(byKey.concurrency?.reason).toMatch(/<=16/);
    expect(byKey['configPaths.0']?.reason).toContain('without ".." segments');
    expect(byKey['upload.allowedHosts.0']?.reason).toContain('must be a host name');
    expect(byKey['caps.fileBytes']?.reason).toMatch(/>=1024/);
    for (const p of effective.problems) expect(p.location).toBe('HKLM\\Software\\Policies\\DiagCollect');
    // The good value survives; bad ones fall back, and the unsafe ones fail closed and stay locked.
    expect(effective.policy.archiveLanguage).toBe('en');
    expect(effective.policy.deadlineSeconds).toBe(60);
    expect(effective.policy.configPaths).toEqual([]);
    expect(effective.policy.screenshotAllowed).toBe(false);
    expect(effective.policy.upload.allowedHosts).toEqual([]);
    expect(effective.locked).toEqual(expect.arrayContaining(['screenshotAllowed', 'upload.allowedHosts', 'archiveLanguage']));
    expect(byKey.screenshotAllowed?.outcome).toContain('locked to false');
    // Refusals (exit 2 in the CLI, an error box in the app): the bad path; not the values that fail closed.
    expect(effective.problems.filter((p) => p.fatal).map((p) => p.key)).toEqual(['configPaths.0']);
  });

  it('refuses registry values that would widen collection or narrow redaction, naming the key (exit 2)', async () => {
    const text = regQueryText([
      { subkey: '', name: 'appLogPaths', type: 'REG_MULTI_SZ', value: ['C:\\**'] },
      { subkey: '', name: 'deadlineSeconds', type: 'REG_DWORD', value: 90 },
    ] as RegistryEntry[]);
    const read = await readRegistrySource(fakeReg(text));
    const effective = resolvePolicy([read], { platform: 'win32', env: {} });
    const refusal = effective.problems.find((p) => p.fatal);
    expect(refusal).toMatchObject({ source: 'managed', location: 'HKLM\\Software\\Policies\\DiagCollect', key: 'appLogPaths.0' });
    expect(refusal?.reason).toContain('root-wide');
    const tooBig = await readRegistrySource(fakeReg(Buffer.alloc(1024 * 1024 + 1, 0x20)));
    expect(resolvePolicy([tooBig]).problems[0]).toMatchObject({ key: '', fatal: true });
  });

  it('treats a missing key as no managed policy, and a failing reg.exe as a problem of the source', async () => {
    const absent = await readRegistrySource(fakeReg('', 1));
    expect(absent).toMatchObject({ present: false, issues: [] });
    const broken = await readRegistrySource(fakeReg('', 5));
    expect(broken.issues[0]?.reason).toContain('reg query failed (exit 5)');
    const effective = resolvePolicy([broken]);
    expect(effective.policy.screenshotAllowed).toBe(false);
    expect(effective.problems[0]?.outcome).toContain('the whole source was ignored');
  });

  it('round-trips the example policy through the documented mapping', () => {
    const example = examplePolicy('win32');
    const text = regQueryText(policyToRegistry(example as Record<string, unknown>));
    const { raw, problems } = registryToPolicy(parseRegQuery(text));
    expect(problems).toEqual([]);
    expect(PolicySchema.parse(raw)).toEqual(PolicySchema.parse(example));
  });

  it('converts each value type by what the key expects', () => {
    const at = (key: string) => nodeAt(key.split('.'))!;
    expect(convertValue({ name: 'x', type: 'REG_DWORD', data: '0x1' }, at('screenshotAllowed'))).toEqual({ ok: true, value: true });
    expect(convertValue({ name: 'x', type: 'REG_DWORD', data: '0x2' }, at('screenshotAllowed'))).toMatchObject({ ok: false });
    expect(convertValue({ name: 'x', type: 'REG_SZ', data: 'TRUE' }, at('screenshotAllowed'))).toEqual({ ok: true, value: true });
    expect(convertValue({ name: 'x', type: 'REG_QWORD', data: '0x400000000' }, at('caps.collectorBytes'))).toEqual({ ok: true, value: 2 ** 34 });
    expect(convertValue({ name: 'x', type: 'REG_MULTI_SZ', data: '' }, at('appLogPaths'))).toEqual({ ok: true, value: [] });
    expect(convertValue({ name: 'x', type: 'REG_SZ', data: '/var/log/a.log' }, at('appLogPaths'))).toEqual({ ok: true, value: ['/var/log/a.log'] });
    expect(convertValue({ name: 'x', type: 'REG_SZ', data: '["/a","/b"]' }, at('appLogPaths'))).toEqual({ ok: true, value: ['/a', '/b'] });
    expect(convertValue({ name: 'x', type: 'REG_SZ', data: '[{"name": ' }, at('products'))).toMatchObject({ ok: false, reason: expect.stringContaining('not valid JSON') });
    expect(convertValue({ name: 'x', type: 'REG_BINARY', data: '0102' }, at('since'))).toMatchObject({ ok: false, reason: 'is REG_BINARY, but this key is text: use REG_SZ' });
    expect(convertValue({ name: 'x', type: 'REG_DWORD', data: '0x1' }, at('upload'))).toMatchObject({ ok: false, reason: expect.stringContaining('make it a subkey') });
  });

  it('names where a key lives in the registry', () => {
    expect(registryLocation('upload.redmine.url')).toEqual({ key: 'HKLM\\Software\\Policies\\DiagCollect\\upload\\redmine', value: 'url' });
    expect(registryLocation('screenshotAllowed')).toEqual({ key: 'HKLM\\Software\\Policies\\DiagCollect', value: 'screenshotAllowed' });
  });

  it('reads UTF-16 and GB18030 output from reg.exe', async () => {
    const text = `\r\n${REGISTRY_POLICY_KEY}\r\n    appLogPaths    REG_MULTI_SZ    D:\\日志\\*.log\r\n`;
    for (const data of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf8'), (await import('iconv-lite')).default.encode(text, 'gb18030')]) {
      const read = await readRegistrySource(fakeReg(data));
      expect((read.raw as { appLogPaths: string[] }).appLogPaths).toEqual(['D:\\日志\\*.log']);
    }
  });
});
