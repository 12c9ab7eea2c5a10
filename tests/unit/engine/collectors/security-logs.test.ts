import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAuthFile, linesSince, linuxSecurityPlan, securityLogsCollector, syslogLineTime } from '../../../../electron/engine/collectors/security-logs.js';
import { AUTH_PREDICATE, darwinSecurityPlan } from '../../../../electron/engine/collectors/security-logs.darwin.js';
import { parseWhoamiElevation, windowsSecurityPlan } from '../../../../electron/engine/collectors/security-logs.win32.js';
import { forgetConsoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import { summarizeLogNdjson } from '../../../../electron/engine/collectors/system-logs.darwin.js';
import { cat, macFixture, macText, winFixture, winText } from '../../../helpers/platform-fixtures.js';
import { machineHasJournal } from '../../../helpers/journal.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

const NOW = Date.UTC(2024, 0, 15, 10, 0, 0);
const DAY_AGO = new Date(NOW - 24 * 3600_000);
const posixShell = describe.skipIf(process.platform === 'win32');

describe('security logs: the plan on each platform (exact arguments)', () => {
  it('Linux: the journal\'s auth and authpriv facilities for the window', () => {
    const [cmd] = linuxSecurityPlan(new Date(2024, 0, 14, 10, 0));
    expect([cmd!.command, ...cmd!.args]).toEqual(['journalctl', 'SYSLOG_FACILITY=4', 'SYSLOG_FACILITY=10', '--since', '2024-01-14 10:00:00', '--no-pager', '-o', 'short-iso']);
  });
  it('Windows: whoami /groups first, then the Security log newest first', () => {
    expect(windowsSecurityPlan(DAY_AGO, NOW).map((c) => [c.command, ...c.args])).toEqual([
      ['whoami', '/groups', '/fo', 'csv', '/nh'],
      ['wevtutil', 'qe', 'Security', '/q:*[System[TimeCreated[timediff(@SystemTime) <= 86400000]]]', '/f:text', '/rd:true', '/c:5000'],
    ]);
  });
  it('macOS: log show of the authentication subsystems', () => {
    expect(darwinSecurityPlan(DAY_AGO, NOW)[0]!.args).toEqual(['show', '--last', '1440m', '--style', 'ndjson', '--predicate', AUTH_PREDICATE]);
    expect(AUTH_PREDICATE).toMatch(/com\.apple\.Authorization.*sudo.*sshd/);
  });
});

describe('whoami /groups /fo csv /nh (contract: names localized, SIDs not)', () => {
  it('tells an elevated token from a filtered one, in English and Chinese', () => {
    expect(parseWhoamiElevation(winText('whoami-groups.en.medium.csv'))).toBe('not-elevated');
    expect(parseWhoamiElevation(winText('whoami-groups.zh-CN.medium.csv'))).toBe('not-elevated');
    expect(parseWhoamiElevation(winText('whoami-groups.zh-CN.high.csv'))).toBe('elevated');
    expect(parseWhoamiElevation('')).toBe('unknown');
  });
});

describe('the macOS authentication log (contract: log show --style ndjson)', () => {
  it('is counted by message type', () => {
    expect(summarizeLogNdjson(macText('log-show-auth.ndjson'))).toMatchObject({ events: 2, types: { Default: 1, Error: 1 } });
  });
});

describe('auth.log / secure cut to the window', () => {
  const now = new Date(2024, 0, 15, 10, 0, 0);
  it('reads classic and RFC 3339 syslog times; a December line in January is last year', () => {
    expect(syslogLineTime('Jan 15 09:30:01 pc sshd[1]: Accepted', now)).toEqual(new Date(2024, 0, 15, 9, 30, 1));
    expect(syslogLineTime('Dec 31 23:59:59 pc sudo: x', now)).toEqual(new Date(2023, 11, 31, 23, 59, 59));
    expect(syslogLineTime('2024-01-15T09:30:01.123456+00:00 pc sshd[1]: x', now)).toEqual(new Date('2024-01-15T09:30:01.123Z'));
    expect(syslogLineTime('  continuation', now)).toBeUndefined();
  });
  it('keeps the lines from `since` on, continuation lines with theirs', () => {
    const text = ['Jan 14 08:00:00 pc sshd[1]: old', 'Jan 15 09:00:00 pc sshd[2]: Failed password for root', '  continued', 'Jan 15 09:10:00 pc sudo: alice : COMMAND=/bin/ls', ''].join('\n');
    expect(linesSince(text, new Date(2024, 0, 15, 0, 0), now)).toBe('Jan 15 09:00:00 pc sshd[2]: Failed password for root\n  continued\nJan 15 09:10:00 pc sudo: alice : COMMAND=/bin/ls\n');
  });
  it('adds the file when there is no journal, and says when none exists', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'auth-'));
    const file = join(dir, 'auth.log');
    const recent = new Date(Date.now() - 3600_000);
    const mon = recent.toLocaleString('en', { month: 'short' });
    const line = `${mon} ${String(recent.getDate()).padStart(2, ' ')} ${recent.toTimeString().slice(0, 8)} pc sshd[9]: Failed password for invalid user admin`;
    writeFileSync(file, `Jan  1 00:00:00 pc old: line\n${line}\n`);
    const ctx = createFakeContext({ lang: 'zh-CN', since: new Date(Date.now() - 2 * 3600_000) });
    expect(await addAuthFile(ctx, 1 << 20, [join(dir, 'missing'), file])).toBe(true);
    expect(await ctx.text('安全日志.txt')).toBe(`${line}\n`);
    const none = createFakeContext();
    expect(await addAuthFile(none, 1 << 20, [join(dir, 'missing')])).toBe(false);
    expect(none.skips[0]!.reason).toBe('none of these auth log files exists');
  });
});

describe('security-logs collector on this machine (real journalctl)', () => {
  it('takes the journal\'s auth facility for the window as 安全日志.txt (or, with no journal and no auth.log here, says so)', async () => {
    const ctx = createFakeContext({ lang: 'zh-CN' });
    await securityLogsCollector.run(ctx);
    expect(ctx.commands[0]).toMatch(/^journalctl SYSLOG_FACILITY=4 SYSLOG_FACILITY=10 --since /);
    if (machineHasJournal() || existsSync('/var/log/auth.log') || existsSync('/var/log/secure')) {
      expect(ctx.items.map((i) => i.name)).toEqual(['安全日志.txt']);
    } else {
      // No journal files (a container, a CI image) and no auth.log: nothing made up, and both reasons said.
      expect(ctx.items).toEqual([]);
      expect(ctx.skips.map((s) => s.reason)).toEqual(expect.arrayContaining(['journalctl found no journal files (no systemd journal on this computer)', 'none of these auth log files exists']));
    }
  });
});

posixShell('security-logs on Windows with stand-in tools', () => {
  let standIns: StandIns | undefined;
  beforeEach(() => forgetConsoleCodePage());
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
  });

  it('not elevated: no wevtutil run, a skip saying so and naming IT\'s elevated path', async () => {
    standIns = installStandIns({ cmd: cat(winFixture('chcp.zh-CN.gbk.txt')), whoami: cat(winFixture('whoami-groups.zh-CN.medium.csv')), wevtutil: 'echo ran > /dev/null; exit 0' });
    const ctx = createFakeContext({ platform: 'win32', lang: 'zh-CN', policy: { securityLogs: { enabled: true, windowsElevatedPath: '软件中心 → DiagCollect（管理员）' } } });
    await securityLogsCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.commands.some((c) => c.startsWith('wevtutil'))).toBe(false);
    expect(ctx.skips).toEqual([{ source: expect.stringMatching(/^wevtutil qe Security /), reason: 'needs administrator rights to read; use the elevated path IT configured: 软件中心 → DiagCollect（管理员）' }]);
  });

  it('elevated: the Security log as text with its event counts', async () => {
    standIns = installStandIns({ cmd: 'echo "Active code page: 437"', whoami: cat(winFixture('whoami-groups.zh-CN.high.csv')), wevtutil: cat(winFixture('wevtutil-qe-system.en.txt')) });
    const ctx = createFakeContext({ platform: 'win32' });
    await securityLogsCollector.run(ctx);
    expect(await ctx.text('security-log.txt')).toBe(winText('wevtutil-qe-system.en.txt'));
    expect(ctx.item('security-log.txt').note).toMatch(/^4 events/);
  });
});

posixShell('security-logs on macOS with a stand-in log', () => {
  it('the authentication subsystems as NDJSON, counted', async () => {
    const standIns = installStandIns({ log: cat(macFixture('log-show-auth.ndjson')) });
    try {
      const ctx = createFakeContext({ platform: 'darwin' });
      await securityLogsCollector.run(ctx);
      expect(await ctx.text('security-log.txt')).toBe(readFileSync(macFixture('log-show-auth.ndjson'), 'utf8'));
      expect(ctx.item('security-log.txt').note).toMatch(/^2 events \(1 Default, 1 Error\)/);
    } finally {
      standIns.restore();
    }
  });
});
