/**
 * No regex the line engine runs may be quadratic (or worse) on a long line. The line engine hands
 * regexes lines of up to 64 Ki characters (MAX_LINE), and a regex that backtracks over the rest of
 * the line from every start it tries turns one such line into seconds or hours of a blocked event
 * loop: url-secret-param took 6 s / 33 s on 128 KB of `token=1,`, the Cookie look-behind about
 * 35 s on 64 Ki characters of spaces, `KEY_CHAR*?token KEY_CHAR*` seconds on `token_token_…`.
 *
 * adversarial-sweep.ts (a child process) gathers every regex of electron/engine/redact and
 * electron/engine/timeline — literals, constructed ones, rule-set scanners and wakes, RegExp
 * subclasses run through their own exec — and runs each over lines built from its own structure
 * (adversarial-lines.ts). A job that has used GUARD_CPU_MS of the child's CPU time fails the test,
 * naming the regex and the line: a hang guard counted in CPU time, so a loaded machine does not
 * trip it. Linear regexes take milliseconds to a few hundred on these lines; the shapes above take
 * tens of seconds to minutes.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_LINE } from '../../../../electron/engine/redact/line-engine.js';
import { RULES } from '../../../../electron/engine/redact/rules.js';
import { adversarialShapes, adversarialUnits, repeatSites, repeatTo, ruleRegexes } from './adversarial-lines.js';

const SWEEP = fileURLToPath(new URL('./adversarial-sweep.ts', import.meta.url));
/** CPU time one job may use before the sweep calls it a hang (its watchdog thread counts it). */
const GUARD_CPU_MS = 2_000;

interface SweepResult {
  /** The job that outran the guard, or undefined. */
  hang: string | undefined;
  jobs: number;
  regexes: number;
}

/** Runs the sweep child; `extra` regexes are added (`only`: swept alone). */
function sweep(env: { extra?: Array<{ name: string; source: string; flags: string }>; only?: boolean } = {}): Promise<SweepResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SWEEP], {
      env: { ...process.env, SWEEP_LENGTH: String(MAX_LINE), SWEEP_GUARD_CPU_MS: String(GUARD_CPU_MS), SWEEP_EXTRA: JSON.stringify(env.extra ?? []), ...(env.only ? { SWEEP_ONLY: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    let result: SweepResult | undefined;
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const msg = JSON.parse(buffer.slice(0, nl)) as { hang?: string; done?: number; regexes?: number };
        buffer = buffer.slice(nl + 1);
        if (msg.hang !== undefined) result = { hang: msg.hang, jobs: -1, regexes: -1 };
        else if (msg.done !== undefined) result = { hang: undefined, jobs: msg.done, regexes: msg.regexes! };
      }
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => {
      if (result) resolve(result);
      else reject(new Error(`the sweep ended (${code}) without a result: ${stderr}`));
    });
  });
}

describe('regexes on adversarial lines', () => {
  it('builds lines from a regex\'s own structure: repeats, what precedes them, its words', () => {
    // The old Cookie look-behind: a run of spaces walked back from every place (the line of spaces),
    // and the list's items over and over.
    const cookie = /(?<=(?<![\w-])cookie["']?\s*:\s*["']?(?:[^;\r\n"']*;\s*)*)(?<name>[^\s=;,"']+)=/i;
    expect(repeatSites(cookie)).toContainEqual({ prefix: 'cookie : a;', run: ' ' });
    const shapes = adversarialShapes(cookie);
    expect(shapes).toContainEqual({ head: 'cookie : a;', unit: ' ' });
    expect(shapes).toContainEqual({ head: 'cookie : ', unit: 'a; ' });
    expect(shapes).toContainEqual({ head: '', unit: ' ' });
    // A key word then its run: `token_token_…`.
    const rule = RULES.find((r) => r.id === 'url-secret-param')!;
    expect(adversarialUnits(rule.trigger)).toContain('token=1,');
    expect(repeatTo('ab', 5)).toBe('ababa');
    expect(new Set(ruleRegexes().map((r) => r.name.split(' ')[0]))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it('catches a reintroduced quadratic pattern: the old Cookie look-behind, and the old runs of person-name\'s marks', async () => {
    const extra = [
      { name: 'old cookie', source: String.raw`(?<=(?<![\w-])cookie["']?\s*:\s*["']?(?:[^;\r\n"']*;\s*)*)(?<name>[^\s=;,"']+)=(?<secret>[^;\r\n"']*)`, flags: 'i' },
      { name: 'old marks', source: String.raw`[\u4e00-\u9fa5](?:[ \t]*(?:\r?$|[)）|｜]|["”]?[ \t]*(?:[(（<]|[,，/|][ \t]*)[ \t]*[\w.%+-]+@))`, flags: 'gm' },
    ];
    const first = await sweep({ extra: [extra[0]!], only: true });
    expect(first.hang).toMatch(/^old cookie /);
    const second = await sweep({ extra: [extra[1]!], only: true });
    expect(second.hang).toMatch(/^old marks /);
  }, 600_000);

  it('no regex the engine runs hangs on a line of MAX_LINE characters built from its own structure', async () => {
    const result = await sweep();
    expect(result.hang).toBeUndefined();
    // Every rule regex and the engine's own: hundreds, tens of thousands of lines.
    expect(result.regexes).toBeGreaterThan(300);
  }, 3_600_000);
});
