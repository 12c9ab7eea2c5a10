/**
 * A `placed` word's check (RuleScan.placed) also judges a hit that is more than the word — another
 * rule's longer word (`user:`, `Parameters:`) or a word with its blank (`by `) — where the check reads
 * all such a hit could need (hanNear: from the hit's start to 26 past its end). A Rails log's
 * `Current user: admin` or `Processing by …` line then no longer wakes person-name, whose trigger is
 * the costliest test of a woken line; where Han characters follow, it is woken and redacts as before.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import type { RuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { onEachRuleSet } from './helpers.js';

function ruleSetOf(redactor: Redactor): RuleSet {
  return (redactor as unknown as { ruleSet: RuleSet }).ruleSet;
}

/** How often person-name's trigger was asked while a Redactor redacted `text` (whatever rule set its layout took), and the output. */
function personTriggerRuns(text: string, prefilter = true): { runs: number; out: string } {
  const redactor = new Redactor({}, { prefilter });
  let runs = 0;
  onEachRuleSet(redactor, (rules) => {
    const trigger = rules.rules.find((r) => r.rule.id === 'person-name')!.trigger!;
    const test = trigger.test.bind(trigger);
    trigger.test = (s: string) => {
      runs += 1;
      return test(s);
    };
  });
  const out = redactor.redactText(text).text;
  return { runs, out };
}

describe('a placed word in a longer hit', () => {
  it('leaves person-name to its check for hits that are more than its word', () => {
    const rules = ruleSetOf(new Redactor({}));
    const person = rules.rules.findIndex((r) => r.rule.id === 'person-name');
    const words = rules.scanners.find((s) => s.words !== undefined)!;
    for (const hit of ['user:', 'Parameters:', 'by ', 'user']) {
      const concerned = words.rulesFor(hit);
      expect(concerned.always, hit).not.toContain(person);
      expect(
        concerned.placed.some((p) => p.rule === person),
        hit,
      ).toBe(true);
    }
  });

  it('wakes it as before where one of its words overlaps the hit without being inside it', () => {
    // `alter user` hides `useradd` (the scan resumes after the hit); `name>` may be what is left of `invoicername>`.
    const rules = ruleSetOf(new Redactor({}));
    const person = rules.rules.findIndex((r) => r.rule.id === 'person-name');
    const words = rules.scanners.find((s) => s.words !== undefined)!;
    for (const hit of ['alter user', 'account name', 'db->user']) expect(words.rulesFor(hit).always, hit).toContain(person);
  });

  it('still wakes every rule whose check reads a name for a hit that is not one', () => {
    // user-name's placed check is a regex at the hit (`user | …`): a hit `user:` wakes it whatever follows.
    const rules = ruleSetOf(new Redactor({}));
    const user = rules.rules.findIndex((r) => r.rule.id === 'user-name');
    const words = rules.scanners.find((s) => s.words !== undefined)!;
    expect(words.rulesFor('user:').always).toContain(user);
  });

  it('does not ask person-name on Rails lines without Han characters', () => {
    const rails = [
      'I, [2026-12-06T08:42:36.123456 #4366]  INFO -- : [0f3c2a1b-8d4e-4f5a-a6b7-c8d9e0f1a2b3] Processing by IssuesController#show as JSON',
      'I, [2026-12-06T08:42:36.123456 #4366]  INFO -- : [0f3c2a1b-8d4e-4f5a-a6b7-c8d9e0f1a2b3]   Parameters: {"include"=>"attachments", "id"=>"7"}',
      'I, [2026-12-06T08:42:36.123456 #4366]  INFO -- : [0f3c2a1b-8d4e-4f5a-a6b7-c8d9e0f1a2b3]   Current user: anonymous',
      'I, [2026-12-06T08:42:36.123456 #4366]  INFO -- : [0f3c2a1b-8d4e-4f5a-a6b7-c8d9e0f1a2b3]   Current user: admin (id=1)',
    ].join('\n');
    expect(personTriggerRuns(rails).runs).toBe(0);
    // Without the prefilter every rule is asked: the saving is the wake check's.
    expect(personTriggerRuns(rails, false).runs).toBeGreaterThan(0);
  });

  it('wakes it, and redacts as the reference engine does, where Han characters follow the hit', () => {
    for (const line of ['Current user: 张伟', 'Processing by 张伟', 'Parameters: 张伟(String)', 'user: 王伟 登录', 'Started GET "/x" by   刘洋']) {
      const fast = personTriggerRuns(line);
      expect(fast.runs, line).toBeGreaterThan(0);
      expect(fast.out, line).toBe(personTriggerRuns(line, false).out);
    }
    expect(personTriggerRuns('Current user: 张伟').out).toBe('Current user: <NAME-1>');
    expect(personTriggerRuns('Processing by 张伟').out).toBe('Processing by <NAME-1>');
  });
});
