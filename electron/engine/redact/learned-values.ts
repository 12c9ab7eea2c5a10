/**
 * Propagation: a person's name or a login that a rule redacted once (where a word named it:
 * `用户名=luoxiaotong`, `姓名 孔令辉`) is redacted wherever it appears again later in the same
 * archive, with the same placeholder, even where nothing names it (`cert\luoxiaotong.p12`,
 * `扫描-孔令辉`). Without this the leak check finds those repeats and blocks the upload.
 *
 * Only kinds without a shape of their own are learned (USER, NAME): shaped values (phones, cards,
 * e-mail …) are found by their rules anyway. A value must be distinctive: Latin values at least
 * LEARNED_LATIN_MIN_LENGTH characters, not a number, not a generic account, not a common English
 * word or word of logs (common-words.ts: `create`, `Creative`); Han names at least two characters,
 * Korean names two syllables. Matching:
 * - Latin values, and two-character Han names, only as whole words (no letter, digit or `_`
 *   touching either side): `kangjing` not inside `kangjingli`, `康静` not inside `健康静养`.
 * - Han names of three characters or more also inside Han text (`发给谢婷婷`): Chinese writes no
 *   spaces, and a three-character full name is distinctive enough.
 *
 * Cost: the engine asks `scan` only while the set is not empty; the regex (a plain alternation of
 * the values) is rebuilt only when the set grew, and the boundaries are checked in code on the
 * lines the scan hit: with Unicode lookarounds in the regex, compiling it cost ~1 ms for 100
 * values (the bench learns 100, one at a time), a plain alternation ~0.1 ms. The set is capped
 * (LEARNED_MAX): values beyond it are still caught by the leak check.
 */
import { isCommonWord, isProse } from './common-words.js';
import { isBenignValue } from './key-names.js';
import { detach, tail } from './placeholders.js';

/** Placeholder kinds whose values are learned (no shape of their own). */
const LEARNED_KINDS = new Set(['USER', 'NAME']);
/**
 * Rules whose USER/NAME values are a person's login or name. Not the user part of a URL's or an
 * HTTP header's credentials (url-credentials, auth-header): those are mostly service accounts
 * named like words (`https://report:…@`, `deploy@bastion`), and `report` must stay in prose.
 */
const LEARNED_FROM = new Set(['user-name', 'home-user', 'person-name', 'file-layout', 'secret-assignment']);
/** Shortest Latin value learned: three-letter logins (`ops`, `dev`, `liu`) are ordinary words too. */
export const LEARNED_LATIN_MIN_LENGTH = 4;
/** Most values learned per archive: the scan stays one small regex. */
export const LEARNED_MAX = 256;

const HAN_NAME = /^[\u4e00-\u9fa5]{2,}(?:[·•][\u4e00-\u9fa5]+)*$/;
// A Korean name (`김민준`, `훈 김` as a Latin-ordered export writes it): two syllables or more, matched
// as whole words like Latin values (Korean text puts spaces between words).
const HANGUL_NAME = /^[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?$/;
// Letters, digits and the separators a login or a Latin name carries; nothing that could cut syntax.
// namecjk23 (session 22): `^`, the component separator of an HL7 v2 name (`ZHAO^MEILING` from PID-5, repeated in the
// interface engine's own log lines: `Patient ZHAO^MEILING not found`).
const LATIN_VALUE = /^[\p{L}\p{N}][\p{L}\p{N}._@ '^-]*[\p{L}\p{N}]$/u;
// Generic accounts and words that name no one: redacting them everywhere would only damage text.
const GENERIC = /^(?:root|admin|administrator|administrators|guest|user|users|test|tester|testing|system|service|services|nobody|daemon|default|public|everyone|anonymous|localhost|support|info|mail|postmaster|www-data|operator|manager|master|owner|local|domain|network|unknown|none|null|debug|demo|sample|example|login|logon|account|staff|admins|backup|server|client|web|ftp|http|https|sshd|system32|windows|program|files|data|home|temp|scan|print|printer|reporter|viewer|auditor|reviewer|approver|developer|maintainer|publisher|subscriber|consumer|producer|reader|writer|readonly|readwrite|uploader|downloader|robot|bot|worker)$/i;

/** Whether a redacted value of this kind is learned (see the module's rules). */
export function isLearnable(kind: string, value: string, rule: string): boolean {
  if (!LEARNED_KINDS.has(kind) || !LEARNED_FROM.has(rule)) return false;
  const v = value.trim();
  if (v !== value || v.length > 64) return false;
  if (HAN_NAME.test(v)) return !isCommonWord(v);
  if (HANGUL_NAME.test(v) && v.replace(' ', '').length >= 2) return true;
  return v.length >= LEARNED_LATIN_MIN_LENGTH && LATIN_VALUE.test(v) && /\p{L}/u.test(v) && !/^\d[\d._-]*$/.test(v) && !GENERIC.test(v) && !isProse(v) && !isBenignValue(v);
}

/** A learned value: what to ask the placeholder registry for so it returns the first placeholder. */
export interface LearnedValue {
  readonly kind: string;
  readonly identity: string;
  /** The rule that first redacted it (the placeholder's first rule): repeats are counted under it. */
  readonly rule: string;
}

const PROGRAM_AFTER = /^\.(?:exe|dll|sys|msi|bat|cmd|ps1|service|app|so)\b/i;
const PROGRAM_FOLDER_BEFORE = /(?:Program Files(?: \(x86\))?|ProgramData|Applications|\/opt|\/usr\/(?:local\/)?(?:s?bin|lib|share))[\\/]$/i;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const isHan = (text: string) => /^[\u4e00-\u9fa5]/.test(text);
/** A letter, digit or `_` (one UTF-16 unit: half a surrogate pair counts as a boundary). */
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;

/** The learned values as plain data, in the order they were learned. */
export interface LearnedState {
  values: [string, LearnedValue][];
}

/** The values one Redactor learned (shared by every stream and layout of the archive). */
export class LearnedValues {
  private readonly byKey = new Map<string, LearnedValue>();
  /** Bumped whenever a value is added: an engine scanning with an older matcher scans again. */
  version = 0;
  private scanRegex: RegExp | undefined;

  get size(): number {
    return this.byKey.size;
  }

  /** The values learned after the first `since` (all without), in the order they were learned. */
  exportState(since = 0): LearnedState {
    return { values: tail(this.byKey, since) };
  }

  /** Adds `state`'s values (an engine made before sees a new version and scans again). */
  importState(state: LearnedState): void {
    if (state.values.length === 0) return;
    for (const [key, value] of state.values) this.byKey.set(key, value);
    this.version += 1;
    this.scanRegex = undefined;
  }

  /**
   * Records a value `rule` redacted (ignored unless learnable, already known, or the set is full).
   * `firstRule`: the rule its placeholder was first made by, when another rule met it first.
   */
  learn(kind: string, value: string, rule: string, identity: string, firstRule = rule): void {
    if (this.byKey.size >= LEARNED_MAX) return;
    const key = value.toLowerCase();
    if (this.byKey.has(key) || !isLearnable(kind, value, rule)) return;
    this.byKey.set(detach(key), { kind, identity: detach(identity), rule: firstRule });
    this.version += 1;
    this.scanRegex = undefined;
  }

  /**
   * A global, case-insensitive regex for any learned value, without boundaries: cheap enough to
   * run over whole blocks of text; its hits only wake a line. Undefined while nothing is learned.
   */
  scan(): RegExp | undefined {
    if (this.byKey.size === 0) return undefined;
    this.scanRegex ??= new RegExp(this.alternation([...this.byKey.keys()]), 'gi');
    return this.scanRegex;
  }

  /**
   * The next learned value in `line` from `from`, standing as the module says. The regex takes the
   * longest value at a place; when that one does not stand alone, a shorter value it starts with
   * may (`zhang` in `zhang.sanx` when `zhang.san` is learned too).
   */
  next(line: string, from: number): { start: number; end: number; value: LearnedValue } | undefined {
    const re = this.scan();
    if (re === undefined) return undefined;
    re.lastIndex = from;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      const hit = m[0].toLowerCase();
      for (const key of this.byKey.has(hit) && this.standsAlone(line, m.index, hit) ? [hit] : this.prefixesOf(hit)) {
        if (!this.standsAlone(line, m.index, key)) continue;
        const end = m.index + key.length;
        re.lastIndex = end;
        return { start: m.index, end, value: this.byKey.get(key)! };
      }
      re.lastIndex = m.index + 1;
    }
    return undefined;
  }

  /** Learned values `hit` starts with, longest first (rare: only where the longest did not stand alone). */
  private prefixesOf(hit: string): string[] {
    return [...this.byKey.keys()].filter((k) => hit.startsWith(k)).sort((a, b) => b.length - a.length);
  }

  /** Han names of three characters or more stand anywhere; other values need a non-word character (or nothing) on each side. */
  private standsAlone(line: string, start: number, key: string): boolean {
    if (key.length >= 3 && isHan(key)) return true;
    const end = start + key.length;
    return (start === 0 || !WORD_CHAR.test(line[start - 1]!)) && (end >= line.length || !WORD_CHAR.test(line[end]!));
  }

  /**
   * Whether the match at [start, end) of a line stands for the person: not where it names a
   * program (`xxbackup.exe`, `C:\Program Files\XXBackup\`), which a login of the same name
   * (a service account) does not make personal.
   */
  accepts(line: string, start: number, end: number): boolean {
    return !PROGRAM_AFTER.test(line.slice(end, end + 9)) && !PROGRAM_FOLDER_BEFORE.test(line.slice(Math.max(0, start - 24), start));
  }

  /** Longest first, so `luo.xiaotong` wins over `luo`. */
  private alternation(keys: string[]): string {
    return [...keys].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  }
}
