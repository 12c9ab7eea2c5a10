import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { addCommandLog } from '../../../../electron/engine/collectors/support/command-log.js';
import { systemLogsCollector } from '../../../../electron/engine/collectors/system-logs.js';
import { darwinLogPlan, summarizeLogNdjson } from '../../../../electron/engine/collectors/system-logs.darwin.js';
import { cat, macFixture, macText } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the fixture tests above and below run everywhere). */
const posixShell = describe.skipIf(process.platform === 'win32');

const NOW = Date.UTC(2024, 0, 15, 10, 0, 0);
const DAY_AGO = new Date(NOW - 24 * 3600_000);

describe('macOS unified log plan and output', () => {
  it('log show for the window as NDJSON with policy.macosLogPredicate, then the kernel (exact arguments)', () => {
    const policy = PolicySchema.parse({});
    expect(darwinLogPlan(policy, DAY_AGO, NOW).map((c) => [c.command, ...c.args])).toEqual([
      ['log', 'show', '--last', '1440m', '--style', 'ndjson', '--predicate', 'messageType == error OR messageType == fault'],
      ['log', 'show', '--last', '1440m', '--style', 'ndjson', '--predicate', 'process == "kernel"'],
    ]);
    expect(darwinLogPlan(PolicySchema.parse({ macosLogPredicate: '' }), new Date(NOW - 90 * 60_000), NOW)[0]!.args).toEqual(['show', '--last', '90m', '--style', 'ndjson']);
  });

  it('counts events by type; the closing {"count":…,"finished":1} line is not an event', () => {
    expect(summarizeLogNdjson(macText('log-show.ndjson'))).toEqual({ events: 3, types: { Error: 2, Fault: 1 }, first: '2024-01-15 09:38:52.117245+0800', last: '2024-01-15 09:40:01.000120+0800' });
  });
});

posixShell('system-logs collector on darwin, end to end with a stand-in log and a home folder with Library/Logs', () => {
  let standIns: StandIns | undefined;
  let home: string;
  const savedHome = process.env.HOME;
  beforeEach(() => {
    home = mkdtempSync(path.join(os.tmpdir(), 'mac-home-'));
    mkdirSync(path.join(home, 'Library', 'Logs', 'DiagnosticReports'), { recursive: true });
    writeFileSync(path.join(home, 'Library', 'Logs', 'DiagnosticReports', 'XXSoftware-2024-01-15-093900.ips'), '{"app_name":"XXSoftware","exception":"EXC_BAD_ACCESS"}\n');
    writeFileSync(path.join(home, 'Library', 'Logs', 'xxsoftware.log'), '2024-01-15 09:38:53 ERROR sync failed\n');
    process.env.HOME = home;
  });
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
    process.env.HOME = savedHome;
    rmSync(home, { recursive: true, force: true });
  });

  it('unified log and kernel log as NDJSON with counts; the log folders copied into their own folders', async () => {
    standIns = installStandIns({ log: cat(macFixture('log-show.ndjson')) });
    const ctx = createFakeContext({ platform: 'darwin' });
    await systemLogsCollector.run(ctx);
    expect(await ctx.text('system-logs/system-log.txt')).toBe(macText('log-show.ndjson'));
    expect(ctx.item('system-logs/system-log.txt').note).toBe('3 events (2 Error, 1 Fault) from 2024-01-15 09:38:52.117245+0800 to 2024-01-15 09:40:01.000120+0800');
    expect(ctx.items.map((i) => i.name)).toEqual(
      expect.arrayContaining(['system-logs/kernel-log.txt', 'system-logs/user-Library/Logs/DiagnosticReports/XXSoftware-2024-01-15-093900.ips', 'system-logs/user-Library/Logs/xxsoftware.log']),
    );
    expect(ctx.commands[0]).toMatch(/^log show --last \d+m --style ndjson --predicate messageType == error OR messageType == fault$/);
    // this Linux machine has no /Library/Logs
    expect(ctx.skips).toContainEqual({ source: '/Library/Logs', reason: 'does not exist' });
  });

  it('log show that runs out of time keeps what it printed, and says so', async () => {
    standIns = installStandIns({ log: `${cat(macFixture('log-show.ndjson'))}; sleep 30` });
    const ctx = createFakeContext({ platform: 'darwin', policy: { caps: { systemLogBytes: 1024 * 1024, fileBytes: 1024 * 1024, collectorBytes: 1024 * 1024, filesPerPath: 10 } } });
    await addCommandLog(ctx, 'x.txt', 'log', ['show'], { cap: 1024 * 1024, partialOnTimeout: true, timeoutMs: 1500, summarize: () => undefined });
    expect(ctx.item('x.txt').truncated).toBe(true);
    expect(ctx.item('x.txt').note).toBe('the command did not finish within 2 s: the entry holds what it printed until then');
  });
});
