/**
 * Fault suite (issue 13), regex cost: an app log made of lines at the line engine's cap (MAX_LINE)
 * shaped against every pattern that used to be quadratic — a key's `KEY_CHAR*?word KEY_CHAR*`
 * (`token_token_…`), person-name's English key (`nick_nick_…`), the Cookie and Set-Cookie
 * look-behinds (`a;a;…`, runs of spaces), auth-header's wake (`keykeykey…`), person-name's
 * `[ \t]*[ \t]*` runs, WeChat ids, env tables, `x-…` headers, URL parameters — collected by the
 * real CLI. Behaviour only: the collection ends by itself within its deadline with exit 0,
 * the real secrets between those lines are redacted, and the lines themselves are archived. The
 * test's timeout is a generous hang guard, not a speed budget (the old patterns took minutes per
 * line; speed is measured in tests/bench).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINE } from '../../electron/engine/redact/line-engine.js';
import { entryText, startCli } from './support.js';

interface CollectJson {
  exitCode: number;
  archive?: { path: string };
  collectors?: Array<{ id: string; status: string; items: number }>;
}

/** Each line: what it starts with (once) and the unit repeated to MAX_LINE characters. */
const SHAPES: ReadonlyArray<readonly [string, string]> = [
  ['', 'token_'],
  ['', 'token-'],
  ['password', '.pass'],
  ['"', 'secret_'],
  ['', 'nick_'],
  ['', 'name.'],
  ['Cookie: ', 'a;'],
  ['Cookie: a=1; ', ' '],
  ['Set-Cookie:', ' '],
  ['', ' '],
  ['', 'key'],
  ['X-Api-', 'keytoken'],
  ['张 /', ' '],
  ['微信', ' '],
  ['DB_', 'PASS'],
  ['?', 'tokenkey'],
  ['', '\t'],
  ['x-', 'key-'],
  // secret-assignment's gate: blanks after a key word (`[ \t]*(?:[=:>]|[ \t]+["'])` was quadratic, 7 s a line).
  ['key', '\t'],
  [' key', ' '],
];

/** Real secrets between the long lines, and the value each must lose. */
const SECRETS: ReadonlyArray<readonly [string, string]> = [
  ['db_password=Hunter2-Redact-Me', 'Hunter2-Redact-Me'],
  ['Cookie: theme=dark; sessionid=9f8e7d6c5b4a3928', '9f8e7d6c5b4a3928'],
  ['Set-Cookie: auth=AbCdEf0123456789; Path=/', 'AbCdEf0123456789'],
  ['X-Api-Key: q7Zr4Lm9Tx2Wv8Ks', 'q7Zr4Lm9Tx2Wv8Ks'],
  ['联系人：王海涛', '王海涛'],
];

const REPEATS = 18;

function logText(): string {
  const lines: string[] = [];
  for (let r = 0; r < REPEATS; r += 1) {
    for (const [head, unit] of SHAPES) {
      lines.push(head + unit.repeat(Math.ceil((MAX_LINE - head.length) / unit.length)).slice(0, MAX_LINE - head.length));
      const [secret] = SECRETS[(r + lines.length) % SECRETS.length]!;
      lines.push(`2026-12-05 10:00:${String(r % 60).padStart(2, '0')} INFO ${secret}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('faults: adversarial lines for every formerly quadratic pattern (real CLI)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(os.tmpdir(), 'diagcollect-faults-regex-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('a ~20 MB app log of lines at the cap collects within its deadline, exit 0, every secret redacted', async () => {
    const logs = join(work, 'logs');
    await mkdir(logs);
    const text = logText();
    await writeFile(join(logs, 'adversarial.log'), text);
    expect(text.length).toBeGreaterThan(20 * 1024 * 1024);
    const policyFile = join(work, 'policy.json');
    // Caps raised so that all of the file is read. The deadline is ten minutes: these lines take
    // about 10–80 ms of CPU each now (10 s in all), and took seconds to minutes each before, which
    // made a collection of them end at its deadline (exit 3) with the log cut.
    await writeFile(policyFile, JSON.stringify({ appLogPaths: [logs], caps: { fileBytes: 64 * 1024 * 1024, collectorBytes: 128 * 1024 * 1024 }, deadlineSeconds: 600 }));
    const out = join(work, 'out');
    const { done } = startCli(['collect', '--ticket', 'S-13', '--only', 'app-logs', '--no-screenshot', '--json', '--policy', policyFile, '--out', out], { DIAGCOLLECT_DATA_DIR: join(work, 'data'), DISPLAY: '' });
    const r = await done;
    const json = JSON.parse(r.stdout || '{}') as CollectJson;
    expect(r.code, r.stderr).toBe(0);
    expect(json.collectors?.find((c) => c.id === 'app-logs')?.status).toBe('ok');

    const archived = (await entryText(json.archive!.path, (name) => name.endsWith('adversarial.log')))!;
    expect(archived).toBeDefined();
    for (const [, value] of SECRETS) expect(archived, value).not.toContain(value);
    expect(archived).toMatch(/db_password=<SECRET-\d+>/);
    expect(archived).toMatch(/sessionid=<TOKEN-\d+>/);
    expect(archived).toMatch(/联系人：<NAME-\d+>/);
    // Every line is archived, the long ones as they were (none dropped or cut short by a stall);
    // a Cookie header's value list is one value to auth-header, as it always was.
    expect(archived.split('\n').length).toBe(text.split('\n').length);
    expect(archived).toMatch(/^Cookie: <TOKEN-\d+>$/m);
    for (const [head, unit] of SHAPES.filter(([h]) => h !== 'Cookie: ')) expect(archived, JSON.stringify([head, unit])).toContain(head + unit.repeat(Math.ceil(2048 / unit.length)));
  }, 600_000);
});
