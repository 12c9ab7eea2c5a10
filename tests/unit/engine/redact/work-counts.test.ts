/**
 * How much rule work each bench row costs, counted rather than timed: per 1 000 lines of each row
 * of `npm run bench`'s redaction table, how many uniform scans' combined triggers and rule triggers were asked, how many passed, and how
 * many pattern regexes ran. Speed never decides a test (CI runs on busy machines), but these counts
 * are the same on every machine, and most slowdowns of the last sessions were one of them growing:
 * a wake word that woke a costly rule on every Rails line (session 23, `by user`), a rule woken on
 * every Chinese line. The counts are kept in `work-counts.known.json`; a count more than 10 % above
 * its ledger fails, with the figures: lower it where work was saved, raise it only on purpose (and
 * say why in the commit). Regenerate: `UPDATE_WORK_COUNTS=1 npx vitest run <this file>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { onEachRuleSet } from './helpers.js';
import { accessLogText, addressPerLine, generateChineseLogText, generateLogText, webAppLogText } from '../../../bench/redact.bench.js';

const LEDGER = fileURLToPath(new URL('./work-counts.known.json', import.meta.url));
const LINES = 6000;
const SLACK = 1.1;

interface Counts {
  /** Scan regex executions (the bulk scans that decide which rules wake; the words automaton not counted), per 1 000 lines. */
  scans: number;
  /** A uniform scan's combined trigger asked for a line (the digits scan's confirm), per 1 000 lines. */
  confirms: number;
  /** Rules woken on a line (their trigger asked), per 1 000 lines. */
  triggers: number;
  /** Triggers that passed (the rule's patterns then looked at the line), per 1 000 lines. */
  passed: number;
  /** Pattern regex executions, per 1 000 lines. */
  patterns: number;
}

const ROWS: Record<string, () => string> = {
  ascii: () => Buffer.concat(generateLogText(2)).toString('utf8'),
  'two-byte': () => Buffer.concat(generateLogText(2)).toString('utf8').replace(/"Save"/g, '\u201c保存\u201d'),
  chinese: () => Buffer.concat(generateChineseLogText(2)).toString('utf8'),
  addresses: () => Buffer.concat(addressPerLine(generateLogText(2))).toString('utf8'),
  'access-log': () => Buffer.concat(accessLogText(2)).toString('utf8'),
  'web-app': () => Buffer.concat(webAppLogText(2)).toString('utf8'),
};

/** The first LINES lines of `text` redacted by a fresh Redactor, its rule sets' triggers and patterns counted. */
function countWork(text: string): Counts {
  const lines = text.split('\n').slice(0, LINES);
  const redactor = new Redactor({});
  const c = { scans: 0, confirms: 0, triggers: 0, passed: 0, patterns: 0 };
  onEachRuleSet(redactor, (rules) => {
    for (const scanner of rules.scanners) {
      for (const re of [scanner.regex, ...(scanner.split ?? []), ...(scanner.lead ? [scanner.lead.sticky] : [])]) {
        const exec = re.exec.bind(re);
        re.exec = (s: string) => {
          c.scans += 1;
          return exec(s);
        };
        const test = re.test.bind(re);
        re.test = (s: string) => {
          c.scans += 1;
          return test(s);
        };
      }
      const confirm = scanner.confirm;
      if (confirm === undefined) continue;
      const test = confirm.test.bind(confirm);
      confirm.test = (s: string) => {
        c.confirms += 1;
        return test(s);
      };
    }
    for (const cr of rules.rules) {
      const trigger = cr.trigger;
      if (trigger !== undefined) {
        const test = trigger.test.bind(trigger);
        trigger.test = (s: string) => {
          c.triggers += 1;
          const ok = test(s);
          if (ok) c.passed += 1;
          return ok;
        };
      }
      for (const p of cr.patterns) {
        const exec = p.regex.exec.bind(p.regex);
        p.regex.exec = (s: string) => {
          c.patterns += 1;
          return exec(s);
        };
      }
    }
  });
  redactor.redactText(lines.join('\n'));
  const per = (n: number) => Math.round((n * 1000) / lines.length);
  return { scans: per(c.scans), confirms: per(c.confirms), triggers: per(c.triggers), passed: per(c.passed), patterns: per(c.patterns) };
}

describe('rule work per bench row (counted, not timed)', () => {
  const measured: Record<string, Counts> = {};
  for (const row of Object.keys(ROWS)) measured[row] = countWork(ROWS[row]!());

  it('stays within 10 % of the ledger on every row', () => {
    if (process.env.UPDATE_WORK_COUNTS === '1') writeFileSync(LEDGER, `${JSON.stringify(measured, null, 2)}\n`);
    const known = JSON.parse(readFileSync(LEDGER, 'utf8')) as Record<string, Counts>;
    const over: string[] = [];
    for (const [row, counts] of Object.entries(measured)) {
      const k = known[row];
      if (k === undefined) {
        over.push(`${row}: not in the ledger`);
        continue;
      }
      for (const key of ['scans', 'confirms', 'triggers', 'passed', 'patterns'] as const) {
        if (counts[key] > Math.ceil(k[key] * SLACK) + 2) over.push(`${row} ${key}: ${counts[key]} per 1 000 lines, ledger ${k[key]}`);
      }
    }
    expect(over, `more rule work than work-counts.known.json allows (regenerate with UPDATE_WORK_COUNTS=1 only if the extra work is meant, and say why in the commit):\n${over.join('\n')}`).toEqual([]);
  });

  it('counts work at all (the wrapping reaches the engine)', () => {
    for (const row of Object.keys(ROWS)) expect(measured[row]!.scans + measured[row]!.triggers, row).toBeGreaterThan(0);
  });
});
