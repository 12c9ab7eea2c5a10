/**
 * The effective policy: defaults < user settings < `--policy FILE` < managed policy. Every value
 * remembers where it came from; every key the managed policy sets is locked (the app shows it
 * greyed out, settings cannot change it).
 *
 * A bad key is reported with the source, the key and the reason and left out, so the value
 * below it (or the default) applies; the rest of that source still applies. Where leaving a
 * managed key out would widen what the program may do, it fails closed instead (FAIL_CLOSED): IT
 * tried to set it, so it stays locked at the safe value.
 *
 * Some problems of the `--policy` file and of the managed policy are refusals (`fatal`): the
 * whole source cannot be used (unreadable, not a regular file, over 1 MiB, not JSON), or a key
 * whose loss would widen what is collected or narrow what is redacted is bad (refusals.ts:
 * redaction patterns, app-log and config paths), or a key is written twice in one object (which
 * value applies would be a guess). loadEffectivePolicy then throws a PolicyError
 * (an InputError: exit 2 in the CLI, an error box in the app) naming the source and the key,
 * unless `reportOnly` (`diagcollect policy show`). User settings are written by the app and are
 * never fatal.
 */
import { PolicySchema, type Policy } from '../../../shared/policy.js';
import type { InputProblem, PolicyIssue } from '../../../shared/input-errors.js';
import { InputError } from '../errors.js';
import { MISSING_KEY_REASON, policyIssueOf } from './issues.js';
import { parsePublicKey } from '../link/keys.js';
import { dataDir as defaultDataDir } from '../platform/app-paths.js';
import { policyPathRefusal } from '../platform/paths.js';
import { OPTIONAL_RULE_IDS } from '../redact/index.js';
import { loadPolicyFile } from './load.js';
import { allowPatternProblem, extraRuleProblem, isRefusedKey } from './refusals.js';
import { readJsonSource, readManagedSource, userSettingsFile, type PolicySourceKind, type RunCommand, type SourceRead } from './sources.js';

export type ValueSource = 'default' | PolicySourceKind;

export interface ValueOrigin {
  source: ValueSource;
  /** File or registry key; absent for defaults. */
  location?: string;
}

export interface PolicyProblem {
  source: PolicySourceKind;
  location: string;
  /** Policy key, '' for the whole source. */
  key: string;
  /** Registry path, when the source is the registry. */
  where?: string;
  reason: string;
  /** What the program does instead. */
  outcome: string;
  /** A refusal: loadEffectivePolicy throws PolicyError for it (unless reportOnly). */
  fatal: boolean;
  /** `reason` without words, for the user's language. */
  issue: PolicyIssue;
  /** The key left out ('' : the whole source); a fail-closed key locked instead. */
  dropped: string;
  lockedKey?: string;
  /** Valid alone, not with a higher source's values: `dropped` comes whole from that source ('' : the defaults). */
  together?: { source: PolicySourceKind | ''; location: string };
}

/** A `--policy` file or managed policy the program must not run with; an InputError (exit 2). */
export class PolicyError extends InputError {
  readonly problems: readonly PolicyProblem[];
  constructor(problems: readonly PolicyProblem[]) {
    const managed = problems.some((p) => p.source === 'managed');
    super(
      `the policy cannot be used:\n${problems.map((p) => `  - ${SOURCE_NAME[p.source]} ${p.location}: ${p.key || '(the whole source)'}${p.where ? ` (${p.where})` : ''}: ${p.reason}`).join('\n')}\n` +
        (managed ? 'Nothing was collected. The managed policy is set by your IT department: ask them to fix it.' : 'Nothing was collected. Fix the policy file and run again.'),
      { code: 'policy-refused', params: { managed: managed ? 'yes' : 'no' } } as InputProblem,
      problems.map(({ source, location, key, issue }) => ({ source, location, key, issue })),
    );
    this.name = 'PolicyError';
    this.problems = problems;
  }
}

export interface SourceReport {
  kind: PolicySourceKind;
  location: string;
  present: boolean;
  /** Keys this source set that are in effect. */
  keys: number;
  problems: number;
}

export interface EffectivePolicy {
  policy: Policy;
  /** Leaf key (`upload.redmine.url`; lists are one leaf) → where its value came from. */
  origins: Record<string, ValueOrigin>;
  /** Keys set by managed policy, sorted: the UI locks them. */
  locked: string[];
  sources: SourceReport[];
  problems: PolicyProblem[];
}

export interface LoadPolicyOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Where settings.json lives; default: the app's data folder. */
  dataDir?: string;
  /** `--policy FILE`. */
  policyFile?: string;
  /** A bad `--policy FILE` throws InputError (the CLI's exit 2) instead of being reported. */
  strictPolicyFile?: boolean;
  /** Tests and staging: read managed policy from here instead of the platform's location. */
  managed?: { linuxFile?: string; macPlist?: string; run?: RunCommand };
  /** Skip the managed source altogether (tests of the other layers). */
  skipManaged?: boolean;
  /** Report refusals as problems instead of throwing PolicyError (`diagcollect policy show`). */
  reportOnly?: boolean;
}

/**
 * Values a managed source fails closed to when its own value for the key (or a section holding
 * it) is bad: screenshots off, uploads to no host. Defaults are already safe for everything
 * else (no link keys: links refused; upload target: the local outbox).
 */
export const FAIL_CLOSED: ReadonlyArray<{ key: string; value: unknown; why: string }> = [
  { key: 'screenshotAllowed', value: false, why: 'screenshots stay off until the managed value is fixed' },
  { key: 'upload.allowedHosts', value: [], why: 'uploads go to no host until the managed value is fixed (archives stay in the outbox)' },
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function has(obj: Obj, path: readonly string[]): boolean {
  let cur: unknown = obj;
  for (const p of path) {
    if (!isObj(cur) || !Object.hasOwn(cur, p)) return false;
    cur = cur[p];
  }
  return true;
}

function getPath(obj: Obj, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) cur = isObj(cur) ? cur[p] : undefined;
  return cur;
}

function deletePath(obj: Obj, path: readonly string[]): void {
  const parent = getPath(obj, path.slice(0, -1));
  if (isObj(parent)) delete parent[path[path.length - 1]!];
}

function setPath(obj: Obj, path: readonly string[], value: unknown): void {
  let cur = obj;
  for (const p of path.slice(0, -1)) {
    if (!isObj(cur[p])) cur[p] = {};
    cur = cur[p] as Obj;
  }
  cur[path[path.length - 1]!] = value;
}

/** Leaf keys of a raw or parsed policy: objects are walked, everything else (lists too) is a leaf. */
export function leafKeys(obj: Obj, prefix: string[] = []): string[][] {
  return Object.entries(obj).flatMap(([k, v]) => (isObj(v) ? leafKeys(v, [...prefix, k]) : [[...prefix, k]]));
}

interface Cleaned {
  read: SourceRead;
  clean: Obj;
  /** Paths left out (for fail-closed). */
  dropped: string[][];
  problems: Array<{ key: string; where?: string; reason: string; dropped: string; issue?: PolicyIssue }>;
}

interface CheckContext {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** Validates one source on its own and leaves out each bad key (a list with a bad entry: the whole list). */
function cleanSource(read: SourceRead, context: CheckContext): Cleaned {
  const problems: Cleaned['problems'] = read.issues.map((i) => ({ ...i, dropped: i.key.replace(/\.\d+(\..*)?$/, '') }));
  const untilIndex = (key: string) => {
    const parts = key.split('.');
    const i = parts.findIndex((p) => /^\d+$/.test(p));
    return i >= 0 ? parts.slice(0, i) : parts;
  };
  const dropped: string[][] = read.issues.filter((i) => i.key !== '').map((i) => untilIndex(i.key));
  if (read.issues.some((i) => i.key === '')) return { read, clean: {}, dropped: [[]], problems };
  if (read.raw === undefined) return { read, clean: {}, dropped, problems };
  if (!isObj(read.raw)) return { read, clean: {}, dropped: [[]], problems: [...problems, { key: '', reason: 'the policy must be an object of keys and values ({…})', dropped: '' }] };
  const clean = structuredClone(read.raw);
  // A key the reader already found bad (written twice) is left out here too.
  for (const d of dropped) if (d.length > 0 && has(clean, d)) deletePath(clean, d);
  for (let round = 0; round < 50; round += 1) {
    const result = PolicySchema.safeParse(clean);
    if (result.success) break;
    // Issues about a key already left out: once a required key was dropped (a bad `url`), the next round
    // says it is missing. Reported once; if a round drops nothing else, what required it goes too.
    const stuck: { drop: string[]; key: string; reason: string; issue: ReturnType<typeof policyIssueOf> }[] = [];
    let progressed = false;
    for (const issue of result.error.issues) {
      const base = issue.path.map(String);
      const targets = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...base, k]) : [base];
      for (const target of targets) {
        const firstIndex = issue.path.findIndex((p, i) => typeof p === 'number' && i < target.length);
        let drop = firstIndex >= 0 ? target.slice(0, firstIndex) : target;
        const key = target.join('.');
        const described = policyIssueOf(issue, clean);
        const reason = issue.code === 'unrecognized_keys' ? 'unknown key: remove it or check the spelling' : described.code === 'missing' ? MISSING_KEY_REASON : issue.message;
        // A second issue about a key already left out in this round: report it, drop nothing more.
        const covered = dropped.find((d) => d.length <= drop.length && d.every((part, i) => part === drop[i]));
        if (covered) {
          if (!problems.some((p) => p.key === key && p.reason === reason)) problems.push({ key, reason, dropped: covered.join('.'), issue: described });
          stuck.push({ drop: target, key, reason, issue: described });
          continue;
        }
        while (drop.length > 0 && !has(clean, drop)) drop = drop.slice(0, -1);
        if (drop.length === 0) {
          problems.push({ key, reason, dropped: '', issue: described });
          return { read, clean: {}, dropped: [[]], problems };
        }
        if (!has(clean, drop)) continue;
        deletePath(clean, drop);
        dropped.push(drop);
        problems.push({ key, reason, dropped: drop.join('.'), issue: described });
        progressed = true;
      }
    }
    if (progressed) continue;
    for (const s of stuck) {
      let parent = s.drop.slice(0, -1);
      while (parent.length > 0 && !has(clean, parent)) parent = parent.slice(0, -1);
      if (parent.length === 0) continue;
      deletePath(clean, parent);
      dropped.push(parent);
      // Said once, with what was left out in the end.
      const said = problems.findIndex((p) => p.key === s.key && p.reason === s.reason);
      if (said >= 0) problems.splice(said, 1);
      problems.push({ key: s.key, reason: s.reason, dropped: parent.join('.'), issue: s.issue });
      progressed = true;
    }
    if (!progressed) break;
  }
  semanticChecks(clean, problems, dropped, context);
  return { read, clean, dropped, problems };
}

/**
 * Checks that need the engine: redaction patterns compile for the linear-time engine, paths do
 * not escape or sweep the disk once expanded, link keys are Ed25519. Bad entries are left out
 * one by one.
 */
function semanticChecks(clean: Obj, problems: Cleaned['problems'], dropped: string[][], context: CheckContext): void {
  for (const key of ['appLogPaths', 'configPaths']) {
    const list = clean[key];
    if (!Array.isArray(list)) continue;
    clean[key] = (list as string[]).filter((pattern, i) => {
      const why = policyPathRefusal(pattern, context.env, context.platform);
      if (why) problems.push({ key: `${key}.${i}`, reason: why.reason, issue: why.issue, dropped: `${key}.${i}` });
      return !why;
    });
  }
  const redaction = clean.redaction;
  if (isObj(redaction)) {
    const keep = <T>(list: unknown, key: string, check: (item: T) => string | undefined, issue: (item: T) => PolicyIssue): T[] | undefined => {
      if (!Array.isArray(list)) return undefined;
      return (list as T[]).filter((item, i) => {
        const why = check(item);
        if (why) problems.push({ key: `redaction.${key}.${i}`, reason: why, issue: issue(item), dropped: `redaction.${key}.${i}` });
        return !why;
      });
    };
    const known = OPTIONAL_RULE_IDS.join(', ');
    const optional = keep<string>(redaction.optionalRules, 'optionalRules', (id) => (OPTIONAL_RULE_IDS.includes(id) ? undefined : `unknown optional redaction rule "${id}": use one of ${known}`), (id) => ({ code: 'unknown-rule', id: String(id), known }));
    if (optional) redaction.optionalRules = optional;
    const extra = keep<{ id: string; pattern: string }>(redaction.extraRules, 'extraRules', extraRuleProblem, (rule) => ({ code: 'bad-pattern', pattern: String(rule.pattern) }));
    if (extra) redaction.extraRules = extra;
    const allow = keep<string>(redaction.allow, 'allow', allowPatternProblem, (pattern) => ({ code: 'bad-pattern', pattern: String(pattern) }));
    if (allow) redaction.allow = allow;
  }
  const signing = clean.linkSigning;
  if (isObj(signing) && Array.isArray(signing.publicKeys)) {
    signing.publicKeys = (signing.publicKeys as string[]).filter((text, i) => {
      try {
        parsePublicKey(text);
        return true;
      } catch (err) {
        problems.push({ key: `linkSigning.publicKeys.${i}`, reason: (err as Error).message, issue: { code: 'bad-public-key' }, dropped: `linkSigning.publicKeys.${i}` });
        dropped.push(['linkSigning', 'publicKeys']);
        return false;
      }
    });
  }
}

const SOURCE_NAME: Record<PolicySourceKind, string> = { managed: 'managed policy', file: 'policy file', user: 'user settings' };

/** One line for a problem: `managed policy /etc/diagcollect/policy.json: caps.fileBytes: … — ignored; …`. */
export function formatProblem(p: PolicyProblem): string {
  const where = p.where ? ` (${p.where})` : '';
  return `${SOURCE_NAME[p.source]} ${p.location}: ${p.key || '(the whole source)'}${where}: ${p.reason} — ${p.outcome}`;
}

/** Is this key (or a key inside this section, or the section holding it) set by managed policy? */
export function isLocked(locked: readonly string[], key: string): boolean {
  return locked.some((l) => l === key || l.startsWith(`${key}.`) || key.startsWith(`${l}.`));
}

/** Is this problem a refusal (see the top of this file)? A key written twice always is: which value IT meant is unknown. */
function isFatal(kind: PolicySourceKind, key: string, issue: PolicyIssue | undefined): boolean {
  return kind !== 'user' && (key === '' || isRefusedKey(key) || issue?.code === 'duplicate-key');
}

/**
 * Merges the sources in order of precedence, validates the whole, and records every value's
 * origin. `context`: the environment paths are expanded in (default: this process's).
 */
export function resolvePolicy(reads: SourceRead[], context: Partial<CheckContext> = {}): EffectivePolicy {
  const check: CheckContext = { env: context.env ?? process.env, platform: context.platform ?? process.platform };
  const cleaned = reads.map((r) => cleanSource(r, check));
  const problems: PolicyProblem[] = [];
  const merged: Obj = {};
  const origins = new Map<string, ValueOrigin>();
  const originOf = (c: Cleaned): ValueOrigin => ({ source: c.read.kind, location: c.read.location });

  const lay = (c: Cleaned, value: Obj, prefix: string[]) => {
    for (const path of leafKeys(value)) {
      const full = [...prefix, ...path];
      setPath(merged, full, structuredClone(getPath(value, path)));
      origins.set(full.join('.'), originOf(c));
    }
  };
  for (const c of cleaned) lay(c, c.clean, []);

  // Fail closed where a managed value was bad.
  const failClosed: Array<{ key: string; value: unknown; origin: ValueOrigin; why: string }> = [];
  for (const c of cleaned.filter((x) => x.read.kind === 'managed')) {
    for (const rule of FAIL_CLOSED) {
      const rulePath = rule.key.split('.');
      const hit = c.dropped.some((d) => d.length <= rulePath.length && d.every((p, i) => p === rulePath[i]));
      if (hit && !has(c.clean, rulePath)) failClosed.push({ key: rule.key, value: rule.value, origin: originOf(c), why: rule.why });
    }
  }
  const applyFailClosed = () => {
    for (const f of failClosed) {
      setPath(merged, f.key.split('.'), structuredClone(f.value));
      origins.set(f.key, f.origin);
    }
  };
  applyFailClosed();

  for (const c of cleaned) {
    for (const p of c.problems) {
      const closed = failClosed.find((f) => f.origin.location === c.read.location && (p.dropped === '' || f.key === p.dropped || f.key.startsWith(`${p.dropped}.`)));
      const what = p.dropped === '' ? 'the whole source was ignored' : p.dropped === p.key ? 'ignored' : `${p.dropped} was ignored`;
      const instead = closed ? `; ${closed.key} is locked to ${JSON.stringify(closed.value)}: ${closed.why}` : '; the value from a lower source or the default applies';
      problems.push({
        source: c.read.kind,
        location: c.read.location,
        key: p.key,
        ...(p.where ? { where: p.where } : {}),
        reason: p.reason,
        outcome: `${what}${instead}`,
        fatal: isFatal(c.read.kind, p.key, p.issue),
        issue: p.issue ?? (p.key === '' ? { code: 'source' } : { code: 'rule' }),
        dropped: p.dropped,
        ...(closed ? { lockedKey: closed.key } : {}),
      });
    }
  }

  // Each source is valid alone; together they may still conflict (disk.failPercent above another
  // source's warnPercent). Then the section comes whole from the highest source that sets it.
  let policy: Policy | undefined;
  for (let round = 0; round < 10 && !policy; round += 1) {
    const result = PolicySchema.safeParse(merged);
    if (result.success) {
      policy = result.data;
      break;
    }
    const sections = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))];
    for (const section of sections) {
      const setters = cleaned.filter((c) => Object.hasOwn(c.clean, section));
      const winner = setters.at(-1);
      const alreadyAlone = winner && leafKeys(merged).filter((k) => k[0] === section).every((k) => origins.get(k.join('.'))?.location === winner.read.location);
      for (const key of [...origins.keys()]) if (key === section || key.startsWith(`${section}.`)) origins.delete(key);
      delete merged[section];
      const first = result.error.issues.find((i) => String(i.path[0] ?? '') === section);
      const reason = first?.message ?? 'the combined values are not valid';
      // The rule broken (a named cross-field rule: said in the user's language), by the values together.
      const issue: PolicyIssue = first ? policyIssueOf(first) : { code: 'rule' };
      if (winner && !alreadyAlone && section !== '') {
        lay(winner, { [section]: winner.clean[section] }, []);
        for (const loser of setters.slice(0, -1)) {
          problems.push({ source: loser.read.kind, location: loser.read.location, key: section, reason: `together with ${SOURCE_NAME[winner.read.kind]} ${winner.read.location}: ${reason}`, outcome: `ignored; ${section} comes whole from ${SOURCE_NAME[winner.read.kind]}`, fatal: false, issue, dropped: section, together: { source: winner.read.kind, location: winner.read.location } });
        }
      } else {
        for (const s of setters) problems.push({ source: s.read.kind, location: s.read.location, key: section, reason, outcome: 'ignored; the default applies', fatal: false, issue, dropped: section, together: { source: '', location: '' } });
      }
    }
    applyFailClosed();
  }
  policy ??= PolicySchema.parse({});

  const allOrigins: Record<string, ValueOrigin> = {};
  for (const path of leafKeys(policy as unknown as Obj)) {
    const key = path.join('.');
    allOrigins[key] = origins.get(key) ?? { source: 'default' };
  }
  const locked = Object.entries(allOrigins)
    .filter(([, o]) => o.source === 'managed')
    .map(([k]) => k)
    .sort();
  const sources: SourceReport[] = reads.map((r) => ({
    kind: r.kind,
    location: r.location,
    present: r.present,
    keys: Object.values(allOrigins).filter((o) => o.source === r.kind && o.location === r.location).length,
    problems: problems.filter((p) => p.source === r.kind && p.location === r.location).length,
  }));
  return { policy, origins: allOrigins, locked, sources, problems };
}

/**
 * Reads every source for this computer and resolves the effective policy. Throws InputError for
 * a bad `--policy` in strict mode, and PolicyError for any refusal (see the top of this file)
 * unless `reportOnly`.
 */
export async function loadEffectivePolicy(options: LoadPolicyOptions = {}): Promise<EffectivePolicy> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const dir = options.dataDir ?? defaultDataDir(env, platform);
  // Strict mode keeps the CLI's established behaviour: a bad --policy is exit 2 with every bad key named.
  if (options.policyFile && options.strictPolicyFile) await loadPolicyFile(options.policyFile, env, platform);
  const reads: SourceRead[] = [await readJsonSource('user', userSettingsFile(dir), true)];
  if (options.policyFile) reads.push(await readJsonSource('file', options.policyFile, false));
  if (!options.skipManaged) reads.push(await readManagedSource(platform, options.managed ?? {}));
  const effective = resolvePolicy(reads, { env, platform });
  const fatal = effective.problems.filter((p) => p.fatal);
  if (fatal.length > 0 && !options.reportOnly) throw new PolicyError(fatal);
  return effective;
}
