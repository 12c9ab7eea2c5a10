import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../electron/engine/errors.js';
import { formatProblem, isLocked, loadEffectivePolicy, PolicyError } from '../../../../electron/engine/policy/effective.js';
import { LINUX_MANAGED_POLICY } from '../../../../electron/engine/policy/sources.js';
import { saveUserSettings } from '../../../../electron/engine/policy/user-settings.js';

const KEY = 'UWMjgpGGJOciX4I6EHtx1BayUekMeijZiYjnwFT0ys8=';

/** A data dir with settings.json, a stand-in /etc/diagcollect/policy.json and a --policy file, all in a temp dir. */
function setup(files: { user?: unknown; managed?: unknown; file?: unknown }) {
  const root = mkdtempSync(join(os.tmpdir(), 'effective-'));
  const dataDir = join(root, 'data');
  const etc = join(root, 'etc', 'diagcollect');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(etc, { recursive: true });
  const write = (path: string, v: unknown) => writeFileSync(path, typeof v === 'string' ? v : JSON.stringify(v));
  if (files.user !== undefined) write(join(dataDir, 'settings.json'), files.user);
  const managedFile = join(etc, 'policy.json');
  if (files.managed !== undefined) write(managedFile, files.managed);
  const policyFile = join(root, 'p.json');
  if (files.file !== undefined) write(policyFile, files.file);
  const load = (extra: Record<string, unknown> = {}) =>
    loadEffectivePolicy({ platform: 'linux', env: {}, dataDir, managed: { linuxFile: managedFile }, ...(files.file !== undefined ? { policyFile } : {}), ...extra });
  return { root, dataDir, managedFile, policyFile, load };
}

describe('effective policy: defaults < user settings < --policy file < managed', () => {
  it('reads a real /etc/diagcollect/policy.json-style file (in a temp dir) into the expected policy', async () => {
    const { load, managedFile } = setup({
      managed: {
        appLogPaths: ['/var/log/xxsoftware/*.log'],
        screenshotAllowed: false,
        upload: { target: 'redmine', redmine: { url: 'https://redmine.example.com' }, allowedHosts: ['redmine.example.com'] },
        checks: { endpoints: [{ name: 'Portal', url: 'https://support.example.com/' }] },
        redaction: { optionalRules: ['ipv4-public'], extraRules: [{ id: 'employee-id', pattern: 'EMP-\\d{6}' }] },
        linkSigning: { publicKeys: [KEY] },
        distribution: { downloadUrl: 'https://downloads.example.com/dc/DiagnosticsCollector_{ticket}.exe' },
      },
    });
    const e = await load();
    expect(LINUX_MANAGED_POLICY).toBe('/etc/diagcollect/policy.json');
    expect(e.problems).toEqual([]);
    expect(e.policy.appLogPaths).toEqual(['/var/log/xxsoftware/*.log']);
    expect(e.policy.upload.redmine?.url).toBe('https://redmine.example.com');
    expect(e.policy.redaction).toEqual({ optionalRules: ['ipv4-public'], extraRules: [{ id: 'employee-id', pattern: 'EMP-\\d{6}' }], allow: [] });
    expect(e.origins.appLogPaths).toEqual({ source: 'managed', location: managedFile });
    expect(e.origins.deadlineSeconds).toEqual({ source: 'default' });
    expect(e.locked).toEqual(['appLogPaths', 'checks.endpoints', 'distribution.downloadUrl', 'linkSigning.publicKeys', 'redaction.extraRules', 'redaction.optionalRules', 'screenshotAllowed', 'upload.allowedHosts', 'upload.redmine.url', 'upload.target']);
  });

  it('ranks the sources and remembers where each value came from', async () => {
    const { load, dataDir, policyFile, managedFile } = setup({
      user: { archiveLanguage: 'en', deadlineSeconds: 30, concurrency: 2, caps: { fileBytes: 4096 } },
      file: { deadlineSeconds: 45, caps: { filesPerPath: 10 } },
      managed: { concurrency: 8, caps: { fileBytes: 1048576 } },
    });
    const e = await load();
    expect(e.problems).toEqual([]);
    expect(e.policy).toMatchObject({ archiveLanguage: 'en', deadlineSeconds: 45, concurrency: 8, caps: { fileBytes: 1048576, filesPerPath: 10, collectorBytes: 209715200 } });
    expect(e.origins.archiveLanguage).toEqual({ source: 'user', location: join(dataDir, 'settings.json') });
    expect(e.origins.deadlineSeconds).toEqual({ source: 'file', location: policyFile });
    expect(e.origins.concurrency).toEqual({ source: 'managed', location: managedFile });
    expect(e.origins['caps.fileBytes']).toEqual({ source: 'managed', location: managedFile });
    expect(e.origins['caps.filesPerPath']).toEqual({ source: 'file', location: policyFile });
    expect(e.origins['caps.collectorBytes']).toEqual({ source: 'default' });
    expect(e.locked).toEqual(['caps.fileBytes', 'concurrency']);
    expect(e.sources.map((s) => [s.kind, s.present, s.keys])).toEqual([
      ['user', true, 1],
      ['file', true, 2],
      ['managed', true, 2],
    ]);
  });

  it('report-only (policy show): reports every bad key with source and reason, keeps safe values', async () => {
    const { load, dataDir, managedFile } = setup({
      user: '{ "archiveLanguage": ',
      managed: {
        screenshotAllowed: 'no',
        appLogPaths: ['logs/app.log', '/var/log/ok.log'],
        configPaths: ['/etc/app/../../shadow'],
        upload: { allowedHosts: ['redmine.example.com:443'] },
        archiveNameTemplate: 'x'.repeat(500),
        linkSigning: { publicKeys: ['-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAAAAA\n-----END PUBLIC KEY-----'] },
        redaction: { optionalRules: ['credit-cards'], extraRules: [{ id: 'bad', pattern: '(' }, { id: 'ok', pattern: 'EMP-\\d+' }], allow: ['['] },
        deadlineSecs: 5,
      },
    });
    const e = await load({ reportOnly: true });
    const lines = e.problems.map(formatProblem);
    const find = (text: string) => lines.find((l) => l.includes(text));
    expect(find(`user settings ${join(dataDir, 'settings.json')}: (the whole source): not valid JSON`)).toBeDefined();
    expect(find(`managed policy ${managedFile}: screenshotAllowed: Invalid input: expected boolean, received string`)).toContain('screenshotAllowed is locked to false');
    expect(find('appLogPaths.0: must be an absolute path')).toContain('appLogPaths was ignored');
    expect(find('configPaths.0: must be an absolute path')).toContain('without ".." segments');
    expect(find('upload.allowedHosts.0: must be a host name')).toContain('upload.allowedHosts is locked to []');
    expect(find('archiveNameTemplate: Too big')).toBeDefined();
    expect(find('"deadlineSecs"') ?? find('deadlineSecs: unknown key')).toBeDefined();
    expect(find('linkSigning.publicKeys.0: not a usable public key')).toBeDefined();
    expect(find('redaction.optionalRules.0: unknown optional redaction rule "credit-cards"')).toBeDefined();
    expect(find('redaction.extraRules.0: redaction rule "bad": invalid pattern')).toBeDefined();
    expect(find('redaction.allow.0: invalid pattern')).toBeDefined();
    // Refusals: the source's paths and redaction rules, and the user settings never.
    expect(e.problems.filter((p) => p.fatal).map((p) => p.key)).toEqual(['appLogPaths.0', 'configPaths.0', 'redaction.optionalRules.0', 'redaction.extraRules.0', 'redaction.allow.0']);
    // Without report-only, the program refuses to run with it, naming the file and each key.
    const err = await load().catch((x: unknown) => x);
    expect(err).toBeInstanceOf(PolicyError);
    expect(err).toBeInstanceOf(InputError);
    const message = (err as Error).message;
    for (const key of ['appLogPaths.0', 'configPaths.0', 'redaction.extraRules.0', 'redaction.allow.0']) expect(message).toContain(`managed policy ${managedFile}: ${key}`);
    expect(message).not.toContain('screenshotAllowed');
    expect(message).toContain('ask them to fix it');
    expect(e.policy.screenshotAllowed).toBe(false);
    expect(e.policy.upload.allowedHosts).toEqual([]);
    expect(e.policy.appLogPaths).toEqual([]);
    expect(e.policy.archiveLanguage).toBe('zh-CN');
    expect(e.policy.linkSigning?.publicKeys).toEqual([]);
    expect(e.policy.redaction).toEqual({ optionalRules: [], extraRules: [{ id: 'ok', pattern: 'EMP-\\d+' }], allow: [] });
    expect(e.locked).toEqual(expect.arrayContaining(['screenshotAllowed', 'upload.allowedHosts']));
  });

  it('a cross-source conflict takes the whole section from the higher source', async () => {
    const { load, dataDir } = setup({ user: { checks: { disk: { warnPercent: 5 } } }, managed: { checks: { disk: { failPercent: 8 } } } });
    const e = await load();
    expect(e.policy.checks.disk).toMatchObject({ warnPercent: 10, failPercent: 8 });
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ source: 'user', location: join(dataDir, 'settings.json'), key: 'checks' });
    expect(e.problems[0]!.reason).toContain('failPercent must not be above');
  });

  // A bad required value (the Redmine url) is left out; the next round found it missing and, as nothing
  // more was dropped, said so again each round: `policy show` listed ~50 copies of one problem.
  it('a required key left out takes what required it with it, and each problem is said once', async () => {
    const { load } = setup({ managed: { upload: { target: 'redmine', redmine: { url: 'not a url' } }, screenshotAllowed: false } });
    const e = await load();
    const lines = e.problems.map(formatProblem);
    expect(new Set(lines).size).toBe(lines.length);
    // The bad url, then the url the Redmine section lacks, then the section upload.target needs.
    expect(e.problems.map((p) => [p.key, p.dropped])).toEqual([
      ['upload.redmine.url', 'upload.redmine.url'],
      ['upload.redmine.url', 'upload.redmine'],
      ['upload.redmine', 'upload'],
    ]);
    // The rest of the source still applies; the upload section falls back to its default.
    expect(e.policy.screenshotAllowed).toBe(false);
    expect(e.policy.upload.target).not.toBe('redmine');
  });

  it('keeps the CLI strict about --policy: a bad file is an InputError naming the key and the file', async () => {
    const { load, policyFile } = setup({ file: { caps: { fileBytes: -1 } } });
    const err = await load({ strictPolicyFile: true }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(policyFile);
    expect((err as Error).message).toContain('caps.fileBytes');
    // Not strict (policy show): reported, and the defaults apply.
    const e = await load();
    expect(e.problems[0]).toMatchObject({ source: 'file', key: 'caps.fileBytes' });
    expect(e.policy.caps.fileBytes).toBe(20 * 1024 * 1024);
  });

  it('refuses a source larger than 1 MiB before parsing it: exit 2, not "the default applies"', async () => {
    const { load, managedFile } = setup({ managed: JSON.stringify({ appLogPaths: Array.from({ length: 300 }, (_, i) => `/var/log/${'x'.repeat(4000)}${i}`) }) });
    const e = await load({ reportOnly: true });
    expect(e.problems[0]?.reason).toMatch(/a policy is at most 1048576 bytes/);
    expect(e.problems[0]?.fatal).toBe(true);
    await expect(load()).rejects.toThrow(new RegExp(`managed policy ${managedFile}: \\(the whole source\\): it is \\d+ bytes`));
  });

  it('refuses a --policy file that is too big even when not strict, and a FIFO without waiting', async () => {
    const { load, policyFile } = setup({ file: JSON.stringify({ deadlineSeconds: 30 }) + ' '.repeat(1024 * 1024) });
    await expect(load()).rejects.toThrow(`policy file ${policyFile}: (the whole source): it is`);
    await expect(load({ strictPolicyFile: true })).rejects.toThrow(/a policy is at most 1048576 bytes/);
  });

  it('a bad user settings file is reported, never fatal (the app writes it)', async () => {
    const { load } = setup({ user: '{ "redaction": { "extraRules": [{ "id": "x", "pattern": "(" }] } }' });
    const e = await load();
    expect(e.problems.map((p) => [p.key, p.fatal])).toEqual([['redaction.extraRules.0', false]]);
  });

  it('checks paths after expanding variables in the environment given', async () => {
    const { load, managedFile } = setup({ managed: { appLogPaths: ['$LOGDIR/*.log'] } });
    await expect(load({ env: { LOGDIR: '/var/log/myapp' } })).resolves.toMatchObject({ problems: [] });
    await expect(load({ env: { LOGDIR: '/var/log/../../etc' } })).rejects.toThrow(`managed policy ${managedFile}: appLogPaths.0: "$LOGDIR/*.log" becomes "/var/log/../../etc/*.log" once expanded`);
    await expect(load({ env: { LOGDIR: '/' } })).rejects.toThrow(/root-wide|top-level/);
  });

  it('locks managed keys for settings: isLocked and saveUserSettings', async () => {
    expect(isLocked(['upload.target', 'caps.fileBytes'], 'upload')).toBe(true);
    expect(isLocked(['upload.target'], 'upload.target')).toBe(true);
    expect(isLocked(['upload'], 'upload.redmine.url')).toBe(true);
    expect(isLocked(['upload.target'], 'uploadx')).toBe(false);
    const { dataDir, load } = setup({ managed: { screenshotAllowed: false } });
    const e = await load();
    await expect(saveUserSettings(dataDir, { screenshotAllowed: true }, e.locked)).rejects.toThrow('screenshotAllowed is set by your IT department');
    await expect(saveUserSettings(dataDir, { concurency: 2 }, e.locked)).rejects.toThrow(/settings not saved/);
    const file = await saveUserSettings(dataDir, { archiveLanguage: 'en' }, e.locked);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ archiveLanguage: 'en' });
    expect(statSync(file).mode & 0o077).toBe(0);
    const after = await load();
    expect(after.origins.archiveLanguage?.source).toBe('user');
  });
});

describe('a key written twice in one object', () => {
  it('is a refusal in the managed policy and the --policy file, naming the source and the key', async () => {
    const managed = setup({ managed: '{"deadlineSeconds": 30, "deadlineSeconds": 600}' });
    const err = (await managed.load().catch((e: unknown) => e)) as PolicyError;
    expect(err).toBeInstanceOf(PolicyError);
    expect(err.problems.map((p) => [p.source, p.location, p.key, p.issue])).toEqual([['managed', managed.managedFile, 'deadlineSeconds', { code: 'duplicate-key', lines: '1, 1' }]]);
    const file = setup({ file: '{"upload": {"target": "outbox"},\n"upload": {"target": "redmine"}}' });
    await expect(file.load()).rejects.toThrow(/policy file .*p\.json: upload: .*written twice \(lines 1 and 2\)/);
  });

  it('in user settings (written by the app) is left out, not fatal: the value below applies', async () => {
    const user = setup({ user: '{"deadlineSeconds": 30, "deadlineSeconds": 600}' });
    const effective = await user.load();
    expect(effective.problems.map((p) => [p.key, p.fatal])).toEqual([['deadlineSeconds', false]]);
    expect(effective.origins.deadlineSeconds?.source).toBe('default');
  });
});
