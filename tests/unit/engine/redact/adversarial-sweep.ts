/**
 * The adversarial sweep's child process (adversarial-lines.test.ts starts it with `node --import
 * tsx`): gathers every regex the line engine and its neighbours run, builds adversarial lines from
 * each regex's own structure (adversarial-lines.ts), runs each regex over each line the way the
 * engine does (all matches, `lastIndex` loops, through the object's own `exec`, so a RegExp
 * subclass such as ListStartRegExp runs its real code), and says on stdout which job it starts.
 * The parent kills it when one job outruns its guard, and names that job.
 *
 * Gathered: every regex literal in the source files of electron/engine/redact and
 * electron/engine/timeline (read with the TypeScript parser), every RegExp those modules construct
 * while loading and while building rule sets with every option (a recording RegExp constructor is
 * installed before they load: `new RegExp(String.raw`…${KEY}…`)`, scanners, wakes, subclasses),
 * and the rule table's regexes. Environment: SWEEP_LENGTH (characters per line), SWEEP_EXTRA (JSON
 * [{name, source, flags}] added), SWEEP_ONLY=1 (only those), SWEEP_LIST=1 (print the jobs' count only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { adversarialShapes, shapeLine } from './adversarial-lines.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const DIRS = ['electron/engine/redact', 'electron/engine/timeline'];
const NativeRegExp = RegExp;

interface Found {
  name: string;
  regex: RegExp;
}

const found = new Map<string, Found>();
const keyOf = (re: RegExp) => `${re.constructor.name}\u0000${re.source}\u0000${re.flags.replace(/[gyd]/g, '')}`;
function record(name: string, regex: RegExp): void {
  // ListStartRegExp's head and body run only at the places its own scan picks: it is swept as itself.
  if (name.startsWith('electron/engine/redact/linear-regexp.ts') && regex.constructor === NativeRegExp) return;
  const key = keyOf(regex);
  if (!found.has(key)) found.set(key, { name, regex });
}

/** The module (file:line) that constructs a regex, from the stack. */
function constructedAt(): string {
  const line = (new Error().stack ?? '').split('\n').find((l) => DIRS.some((d) => l.includes(d)));
  const m = line ? /(electron\/engine\/[^:)]+):(\d+)/.exec(line) : null;
  return m ? `${m[1]}:${m[2]}` : 'constructed';
}

function installRecorder(): void {
  Error.stackTraceLimit = 50;
  const Recording = new Proxy(NativeRegExp, {
    construct(target, args: [string | RegExp, string?], newTarget) {
      const re = Reflect.construct(target, args, newTarget) as RegExp;
      record(`${constructedAt()} (constructed)`, re);
      return re;
    },
  });
  globalThis.RegExp = Recording;
}

const sourceFiles = () => DIRS.flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, d, f)));

function recordLiterals(file: string): void {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      const end = lit.lastIndexOf('/');
      const regex = new NativeRegExp(lit.slice(1, end), lit.slice(end + 1));
      record(`${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`, regex);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

async function gather(): Promise<Found[]> {
  installRecorder();
  for (const file of sourceFiles()) await import(pathToFileURL(file).href);
  const ruleSet = (await import(pathToFileURL(join(ROOT, 'electron/engine/redact/rule-set.ts')).href)) as typeof import('../../../../electron/engine/redact/rule-set.js');
  const rules = (await import(pathToFileURL(join(ROOT, 'electron/engine/redact/rules.ts')).href)) as typeof import('../../../../electron/engine/redact/rules.js');
  const optionalRules = rules.RULES.filter((r) => r.optional).map((r) => r.id);
  for (const layout of [undefined, 'pgpass', 'svn-auth', 'openvpn-auth', 'csv'] as const) {
    ruleSet.buildRuleSet({
      optionalRules,
      layout,
      extraRules: [{ id: 'sweep-extra', pattern: String.raw`EMP-(?<secret>\d{6})`, placeholder: 'EMPLOYEE' }],
      allow: [String.raw`noreply@[a-z.-]+`],
      knownValues: [{ value: 'zhangwei', kind: 'USER' }, { value: 'build-07.corp.example', kind: 'HOST' }],
    });
  }
  globalThis.RegExp = NativeRegExp;
  for (const file of sourceFiles()) recordLiterals(file);
  rules.RULES.forEach((r) => r.patterns.forEach((p, i) => record(`${r.id} pattern ${i}`, p.regex)));
  return [...found.values()];
}

/**
 * Regexes the engine runs only on a slice of known length, swept at that length: context.ts
 * keyBefore reads the 96 characters before a value.
 */
const INPUT_BOUNDS = new Map<string, number>([[String.raw`(?:["']?(?<key>[\p{L}\p{N}_.\- ]*[\p{L}\p{N}_])["']?\s*(?:=>|:=|[=:：])\s*["']?|<(?<tag>[\w.:-]+)(?:\s[^<>]*)?>)$`, 96]]);

/** A global copy to loop over: the object's own class (its exec), with `g`. */
function runnable(re: RegExp): RegExp {
  const flags = [...new Set([...re.flags.replace(/[yd]/g, ''), 'g'])].join('');
  const own = re as RegExp & { withFlags?: (flags: string) => RegExp };
  if (typeof own.withFlags === 'function') return own.withFlags(flags);
  const Ctor = re.constructor as RegExpConstructor;
  return new Ctor(re.source, flags);
}

function runAll(re: RegExp, line: string): void {
  re.lastIndex = 0;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) if (m[0].length === 0) re.lastIndex = m.index + 1;
}

async function main(): Promise<void> {
  const length = Number(process.env.SWEEP_LENGTH ?? 64 * 1024);
  const extra = JSON.parse(process.env.SWEEP_EXTRA ?? '[]') as { name: string; source: string; flags: string }[];
  const regexes: Found[] = [...(process.env.SWEEP_ONLY ? [] : await gather()), ...extra.map((e) => ({ name: e.name, regex: new NativeRegExp(e.source, e.flags) }))];
  const jobs = regexes.flatMap((r) => adversarialShapes(r.regex).map((shape) => ({ r, shape })));
  if (process.env.SWEEP_LIST) {
    process.stdout.write(`${JSON.stringify({ regexes: regexes.length, jobs: jobs.length, names: regexes.map((r) => r.name) })}\n`);
    return;
  }
  const sizes = jobs.map(({ r }) => Math.min(length, INPUT_BOUNDS.get(r.regex.source) ?? length));
  const labels = jobs.map(({ r, shape }, i) => `${r.name} /${r.regex.source.slice(0, 160)}/${r.regex.flags} on ${JSON.stringify(shape.head)} + ${JSON.stringify(shape.unit)} × ${sizes[i]}`);
  const current = watchdog(labels, Number(process.env.SWEEP_GUARD_CPU_MS ?? 2000));
  for (const [i, { r, shape }] of jobs.entries()) {
    Atomics.store(current, 0, i);
    const size = sizes[i]!;
    const label = labels[i]!;
    const t = process.env.SWEEP_TIMES ? process.cpuUsage() : undefined;
    runAll(runnable(r.regex), shapeLine(shape, size));
    if (t) {
      const u = process.cpuUsage(t);
      process.stderr.write(`${((u.user + u.system) / 1000).toFixed(1)}\t${label}\n`);
    }
  }
  Atomics.store(current, 0, -2);
  process.stdout.write(`${JSON.stringify({ done: jobs.length, regexes: regexes.length })}\n`);
  process.exit(0);
}

// The guard's thread: reads which job runs (a shared counter) and this process's CPU time; a job
// that has used `guardMs` of CPU is reported (written straight to stdout) and the process killed.
// In the child itself, so that a busy machine delaying the parent cannot blame the wrong job.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { current, labels, guardMs } = workerData;
let job = -1;
let since = 0;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
setInterval(() => {
  const now = Atomics.load(current, 0);
  if (now !== job) { job = now; since = cpu(); return; }
  if (job >= 0 && cpu() - since > guardMs) {
    writeSync(1, JSON.stringify({ hang: labels[job] }) + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}, 50);
`;

function watchdog(labels: string[], guardMs: number): Int32Array {
  const current = new Int32Array(new SharedArrayBuffer(4));
  current[0] = -1;
  new Worker(WATCHDOG, { eval: true, workerData: { current, labels, guardMs } }).unref();
  return current;
}

await main();
