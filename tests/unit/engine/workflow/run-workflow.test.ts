import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError, InputError } from '../../../../electron/engine/errors.js';
import type { Collector } from '../../../../electron/engine/collectors/types.js';
import { planWorkflow, previewWorkflow, runWorkflow } from '../../../../electron/engine/workflow/run-workflow.js';
import { DEFAULT_POLICY, PolicySchema } from '../../../../shared/policy.js';
import type { WorkflowEvent } from '../../../../shared/types.js';
import { readZip } from '../../../helpers/zip.js';

const SECRET = 'Sw0rdfish-4471';

const collector = (id: string, run: Collector['run']): Collector => ({
  id,
  category: 'app-logs',
  title: { 'zh-CN': id, en: id },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  sensitive: false,
  describe: () => [id],
  run,
});

const logs = collector('logs', async (ctx) => {
  ctx.addText('软件日志/app.log', `start\nsmtp_password=${SECRET}\n`, '/var/log/app.log');
});
/** The planted leak: the password redaction hid in app.log, unredacted in a binary entry. */
const leaky = collector('dump', async (ctx) => {
  ctx.addBuffer('软件日志/crash.dmp', Buffer.concat([Buffer.alloc(32), Buffer.from(SECRET), Buffer.alloc(32)]), '/var/crash/app.dmp', 'binary');
});
const hanging = collector('hang', (ctx) => new Promise<void>((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })));

function setup() {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'workflow-'));
  const events: WorkflowEvent[] = [];
  return { dataDir, events, base: { ticket: '12345', policy: DEFAULT_POLICY, dataDir, env: {}, checks: [], host: 'pc-01', platform: 'linux' as const, onEvent: (e: WorkflowEvent) => events.push(e) } };
}

describe('runWorkflow', () => {
  it('collects, archives, checks for leaks and drafts the e-mail: one event per stage, the files private', async () => {
    const { dataDir, events, base } = setup();
    const outDir = join(dataDir, 'outbox', '12345');
    const r = await runWorkflow({ ...base, outDir, collectors: [logs] });
    expect(events.filter((e) => e.type !== 'progress').map((e) => e.type)).toEqual(['archived', 'leak-check', 'draft']);
    expect(r.leakCheck).toEqual({ state: 'clean', leaks: [], blocked: false, accepted: false });
    expect(r.target).toBe('outbox');
    expect(r.archive.entries).toBe((await readZip(r.archive.path)).length);
    // Archives and drafts only the user can read; the outbox folder only the user can list.
    expect(statSync(r.archive.path).mode & 0o777).toBe(0o600);
    expect(statSync(r.emailDraft!).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'outbox')).mode & 0o777).toBe(0o700);
    expect(statSync(outDir).mode & 0o777).toBe(0o700);
    // The redaction map is saved locally, never in the archive.
    const maps = readdirSync(join(dataDir, 'redaction-maps'));
    expect(maps).toEqual([r.archive.name.replace(/\.zip$/, '.json')]);
    expect(readFileSync(join(dataDir, 'redaction-maps', maps[0]!), 'utf8')).toContain(SECRET);
  });

  it('finds a planted leak; with no ticket system it is reported, not blocked (nothing is sent anyway)', async () => {
    const { dataDir, base } = setup();
    const r = await runWorkflow({ ...base, outDir: join(dataDir, 'out'), collectors: [logs, leaky] });
    expect(r.leakCheck).toMatchObject({ state: 'found', blocked: false, leaks: [{ entry: '软件日志/crash.dmp', line: 1, masked: 'S********1' }] });
  });

  it('a ticket that does not exist is refused before anything is collected', async () => {
    const { dataDir, events, base } = setup();
    const policy = PolicySchema.parse({ upload: { target: 'redmine', redmine: { url: 'https://redmine.example.com' } } });
    // No credential: the connector cannot be built, so the ticket cannot be checked: bad input.
    await expect(runWorkflow({ ...base, policy, outDir: join(dataDir, 'out'), collectors: [logs] })).rejects.toBeInstanceOf(InputError);
    expect(existsSync(join(dataDir, 'out'))).toBe(false);
    expect(events).toEqual([]);
  });

  it('a cancelled run removes the output folder it created (and only that)', async () => {
    const { dataDir, base } = setup();
    const outDir = join(dataDir, 'new', 'deeper');
    const abort = new AbortController();
    const run = runWorkflow({ ...base, outDir, collectors: [hanging], signal: abort.signal, onEvent: (e) => e.type === 'progress' && e.event.type === 'collector-start' && abort.abort() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(existsSync(join(dataDir, 'new'))).toBe(false);
    expect(existsSync(dataDir)).toBe(true);

    // A folder that was there before stays, with what it held.
    const kept = join(dataDir, 'kept');
    await runWorkflow({ ...base, outDir: kept, collectors: [logs] });
    const before = readdirSync(kept).sort();
    const again = new AbortController();
    await expect(runWorkflow({ ...base, outDir: kept, collectors: [hanging], signal: again.signal, onEvent: (e) => e.type === 'progress' && e.event.type === 'collector-start' && again.abort() })).rejects.toBeInstanceOf(CancelledError);
    expect(readdirSync(kept).sort()).toEqual(before);
  });

  it('the deadline bounds the leak check: a check that cannot finish blocks an upload (fail closed)', async () => {
    const { dataDir, base } = setup();
    const deadline = new AbortController();
    // The deadline passes as the archive is finished (the leak check runs before it is published): the check cannot run.
    const r = await runWorkflow({ ...base, outDir: join(dataDir, 'out'), collectors: [logs], deadline: deadline.signal, onEvent: (e) => e.type === 'progress' && e.event.type === 'phase' && e.event.phase === 'finalizing' && deadline.abort() });
    expect(r.leakCheck).toMatchObject({ state: 'incomplete', blocked: false });
    expect(r.emailDraft).toBeUndefined();
    expect(r.draftError).toMatch(/deadline/);
    expect(existsSync(r.archive.path)).toBe(true);
  });
});

describe('planWorkflow and the dry run', () => {
  it('an unknown --exclude-item name is bad input, listing the valid names', () => {
    expect(() => planWorkflow({ policy: DEFAULT_POLICY, excludeItems: ['进程列表.txt', '软件日志/app.log'] })).not.toThrow();
    expect(() => planWorkflow({ policy: DEFAULT_POLICY, excludeItems: ['process-list.txt'] })).toThrow(/no archive entry is called "process-list\.txt"; valid names: .*进程列表\.txt.*软件日志\//);
    expect(() => planWorkflow({ policy: DEFAULT_POLICY, lang: 'en', excludeItems: ['manifest.json'] })).toThrow(InputError);
    expect(() => planWorkflow({ policy: DEFAULT_POLICY, target: 'ftp' })).toThrow(/unknown upload target "ftp"/);
  });

  it('lists every entry the real run writes, generated ones included', async () => {
    const { dataDir, base } = setup();
    const preview = await previewWorkflow({ ...base, collectors: [logs, leaky] });
    const r = await runWorkflow({ ...base, outDir: join(dataDir, 'out'), collectors: [logs, leaky] });
    expect(preview.items.map((i) => i.name).sort()).toEqual((await readZip(r.archive.path)).map((e) => e.name).sort());
  });
});
