import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { journalCursor, parseJournalCursor, readSystemLogWindow, systemLogWindowPlan } from '../../../../electron/engine/record/system-log-window.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/record/', import.meta.url));
const policy = PolicySchema.parse({});
const start = new Date('2026-12-05T07:00:00.000Z');
const stop = new Date('2026-12-05T07:05:00.000Z');

describe('the system log of the recording only', () => {
  it('Linux: reads the journal after the cursor taken at Start (recorded journalctl output)', () => {
    const cursor = parseJournalCursor(readFileSync(`${FIXTURES}journalctl-show-cursor.txt`, 'utf8'))!;
    expect(cursor).toMatch(/^s=[0-9a-f]+;i=[0-9a-f]+;b=/);
    expect(systemLogWindowPlan('linux', policy, start, stop, cursor)).toEqual([{ file: 'journal.txt', command: 'journalctl', args: ['--after-cursor', cursor, '--no-pager', '-o', 'short-iso-precise'] }]);
    expect(systemLogWindowPlan('linux', policy, start, stop)).toEqual([]);
  });

  it('Windows: wevtutil per policy event log, by TimeCreated between Start and Stop (documented XPath)', () => {
    const plan = systemLogWindowPlan('win32', PolicySchema.parse({ windowsEventLogs: ['System', 'Microsoft-Windows-PowerShell/Operational'] }), start, stop);
    expect(plan.map((p) => p.file)).toEqual(['System.txt', 'Microsoft-Windows-PowerShell_Operational.txt']);
    expect(plan[0]!.args).toEqual(['qe', 'System', "/q:*[System[TimeCreated[@SystemTime>='2026-12-05T07:00:00.000Z' and @SystemTime<='2026-12-05T07:05:00.000Z']]]", '/f:text', '/rd:false']);
  });

  it('macOS: log show between Start and Stop as ndjson with the policy predicate', () => {
    const [plan] = systemLogWindowPlan('darwin', policy, start, stop);
    expect(plan!.command).toBe('log');
    expect(plan!.args.slice(0, 1)).toEqual(['show']);
    expect(plan!.args).toContain('ndjson');
    expect(plan!.args.slice(-2)).toEqual(['--predicate', policy.macosLogPredicate]);
  });

  it('runs the journal for real here: the cursor, then what came after it', async () => {
    const cursor = await journalCursor();
    if (!cursor) return; // no readable journal on this machine: nothing to read after
    const dir = mkdtempSync(join(os.tmpdir(), 'syslog-window-'));
    const got = await readSystemLogWindow(systemLogWindowPlan('linux', policy, start, new Date(), cursor), dir, 1 << 20);
    expect(got.problems).toEqual([]);
    expect(got.files[0]!.source).toBe('journalctl --after-cursor <cursor at Start> -o short-iso-precise');
  });
});
