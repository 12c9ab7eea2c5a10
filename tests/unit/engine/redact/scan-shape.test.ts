/**
 * The bulk scans run over every line of every text item, up to 64 KiB at a time. A scan
 * alternative that begins with a repeated class (`[\w.-]*token…`) is tried at every start in a
 * long run of such characters and backtracks over the rest of it: quadratic per line piece. A
 * 1 MB line of hex took 20 s in the preview that way and blocked the event loop (session 5). The
 * cost is linear in the file (lines are cut at 64 KiB), so a hang guard does not catch it: this
 * test checks the shape instead — every alternative of every scan starts with something that is
 * not repeated (a literal, a class taken once, an anchor or a look-around before one).
 *
 * The shared scans (words, marks, digits: one combined regex each) also fall off V8 performance
 * cliffs when an alternative may start at a character that is everywhere in logs: recall8's
 * `DOMAIN\login` wake (a backslash) slowed the whole marks scan by 17 %, a `=…&` mark made it 3×
 * slower (session 6). A timing test cannot see that on a loaded machine, so this one checks the
 * first characters instead: none of COMMON_IN_LOGS may start a shared-scan alternative. The way
 * out is a pass of its own, as the `backslash` group is for user-name's `\[a-z]` wake.
 */
import { describe, expect, it } from 'vitest';
import { RULES, type RedactionRule } from '../../../../electron/engine/redact/rules.js';
import { atomEnd as readAtomEnd } from '../../../../electron/engine/redact/scan-split.js';
import { readFileSync } from 'node:fs';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { lostWakes, samplesOf, sharedScanners, wokenBy } from './scan-overlap.js';

/** The engine's reader of a regex atom (scan-split.ts); a source it cannot read fails the test, not passes it. */
function atomEnd(src: string, i: number): number {
  const end = readAtomEnd(src, i);
  if (end <= i) throw new Error(`unreadable atom at ${i} (an unbalanced group?) in ${src}`);
  return end;
}

/** The top-level alternatives of a regex source. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; ) {
    if (src[i] === '|') {
      out.push(src.slice(from, i));
      from = i + 1;
      i += 1;
    } else i = atomEnd(src, i);
  }
  out.push(src.slice(from));
  return out;
}

const LOOK_AROUND = /^\((?:\?<?[=!])/;

/** The alternatives (at any depth of leading groups) whose first consuming atom is repeated. */
function repeatedStarts(src: string): string[] {
  const bad: string[] = [];
  for (const alt of alternatives(src)) {
    let i = 0;
    // A line-start anchor tries once per line. Word boundaries and look-arounds consume nothing:
    // the first real atom comes after them.
    if (alt.startsWith('^')) continue;
    for (;;) {
      if (alt.startsWith('\\b', i) || alt.startsWith('\\B', i)) i += 2;
      else if (LOOK_AROUND.test(alt.slice(i))) i = atomEnd(alt, i);
      else break;
    }
    if (i >= alt.length) continue;
    const end = atomEnd(alt, i);
    // Unbounded repetition only: `?` and `{n}`/`{n,m}` cost a constant per start.
    if (/^(?:[*+]|\{\d+,\})/.test(alt.slice(end))) bad.push(alt);
    else if (alt[i] === '(') bad.push(...repeatedStarts(alt.slice(alt.startsWith('(?:', i) ? i + 3 : alt.startsWith('(?<', i) ? alt.indexOf('>', i) + 1 : i + 1, end - 1)));
  }
  return bad;
}

/**
 * Characters at least ~3 per 1000 in the redact bench's log text or in the real outputs of this
 * machine's collectors (tests/fixtures/redact/real), measured per 1000 characters (bench / real):
 * space 102 / 366, `:` 30 / 17, `.` 24 / 15, `-` 23 / 32, `=` 15 / 2.6, `[` `]` 8 / 3, `/` 5 / 7,
 * `"` 3.5 / 17, `,` 2.9 / 4.8, `_` 1.2 / 4.7, `<` `>` 0–0.6 / 4.6, tab; and the backslash (2.4 on
 * the bench, every path of a Windows log), the measured 17 %. Letters and digits are the words' and
 * digits' own starts.
 */
const COMMON_IN_LOGS = [' ', '\t', ':', '.', '-', '=', '[', ']', '/', '"', ',', '_', '<', '>', '\\', "'", '(', ')'];

/**
 * Alternatives already there when the check came, each measured: auth-header's `-u ` / `--user`
 * (about 8 % of the marks scan), cloud-key's `_live_` / `_test_`. New ones go to a pass of their own.
 */
const GRANDFATHERED = ['auth-header marks: -u\\s', 'auth-header marks: --user', 'auth-header marks: --proxy-user', 'cloud-key words: _live_', 'cloud-key words: _test_'];

/** The first consuming atoms of each alternative (past anchors-free look-arounds, into leading groups, past optional atoms). */
function firstAtoms(src: string): { alt: string; atoms: string[] }[] {
  const out: { alt: string; atoms: string[] }[] = [];
  for (const alt of alternatives(src)) {
    // A line-start anchor tries once per line.
    if (alt.startsWith('^')) continue;
    out.push({ alt, atoms: leading(alt) });
  }
  return out;
}

function leading(alt: string): string[] {
  let i = 0;
  for (;;) {
    if (alt.startsWith('\\b', i) || alt.startsWith('\\B', i)) i += 2;
    else if (LOOK_AROUND.test(alt.slice(i))) i = atomEnd(alt, i);
    else break;
  }
  if (i >= alt.length) return [];
  const end = atomEnd(alt, i);
  const atoms =
    alt[i] === '('
      ? firstAtoms(alt.slice(alt.startsWith('(?:', i) ? i + 3 : alt.startsWith('(?<', i) ? alt.indexOf('>', i) + 1 : i + 1, end - 1)).flatMap((a) => a.atoms)
      : [alt.slice(i, end)];
  // An optional first atom lets the next one start a match too.
  return /^(?:[?*]|\{0,)/.test(alt.slice(end)) ? [...atoms, ...leading(alt.slice(alt.slice(end).match(/^(?:[?*]|\{0,\d*\})\??/)![0].length + end))] : atoms;
}

/**
 * The marks scan is one regex of some 560 alternatives, fast on ASCII text while few ASCII characters can
 * start one. Any new starting character, rare or not (`$` for a shell prompt's `]$`, even a letter that
 * never occurs), made it 3× slower on access logs in session 14: V8 stops skipping ahead. So the ASCII
 * characters that may start a marks alternative are this measured set; a wake that needs another goes to a
 * pass of its own (ScanGroup `backslash`, `bracket`, `dollar`).
 */
const MARKS_ASCII_STARTS = '%&+-;?@PSgpsx';

function asciiStarts(src: string, flags: string): string[] {
  const found = new Set<string>();
  for (const { atoms } of firstAtoms(src)) {
    for (const atom of atoms) {
      const re = new RegExp(`^(?:${atom})$`, flags.replace(/[gy]/g, ''));
      for (let c = 0x20; c < 0x7f; c += 1) if (re.test(String.fromCharCode(c))) found.add(String.fromCharCode(c));
    }
  }
  return [...found];
}

/** The characters of COMMON_IN_LOGS an atom can match (with the scan's flags). */
function commonStarts(atom: string, flags: string): string[] {
  const re = new RegExp(`^(?:${atom})$`, flags.replace(/[gy]/g, ''));
  return COMMON_IN_LOGS.filter((c) => re.test(c));
}

function commonFirstCharacters(src: string, flags: string): string[] {
  return firstAtoms(src)
    .filter(({ atoms }) => atoms.some((a) => commonStarts(a, flags).length > 0))
    .map(({ alt }) => alt);
}

/**
 * Letters and digits are everywhere in logs too: an alternative that may start at any letter or any
 * digit is tried at most positions of a line. Both throughput cliffs of session 8 were that kind:
 * the OCR spaced-digit phone wake `1 [3-9] \d \d \d` beside the digits scan's own shape (~10 % of the
 * whole redactor in the bench) and the squid `HIER_` mark (a letter-first mark in the case-sensitive
 * marks scan). So, per shared scan:
 * - words (and placed words): literal keywords only — a first atom that matches a digit, or more
 *   than one letter (`[a-z]`, `\w`, `\p{L}`), is refused (a keyword starts with one letter, either case);
 * - marks: no first atom may match an ASCII letter or digit (a letter-first mark belongs in words, in
 *   lower case: `hier_`);
 * - digits: one shape, shared by every rule that reads numbers (DIGIT_SHAPES): a digit-first
 *   alternative of any other shape is refused (wake a rare format by a context word instead).
 * The way out for a new format is a context word in words, or a pass of its own (`backslash`).
 */
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];

/** The digits scan's one shape (rules.ts PERSONAL_DIGITS), measured with the scan. */
// num25 (session 23): the one shape grew inside its group after `\d{3}` (a CPF's `.ddd.ddd-dd`, a Brazilian mobile's `dd-dddd`
// not before a UUID's next group, a UK mobile's `07ddd ddd`): the access-log, web-app and ascii rows measured within noise of
// the shape before (ab2.mts, 5 rounds); a second top-level alternative had cost the access log 7 %.
const DIGIT_SHAPES = [String.raw`(?<![\d.])\d{3}(?:[-. ]?\d{4}|\d[ -]\d{4}|\.\d{3}\.\d{3}-\d\d|\d\d-\d{4}(?![\w-])|(?<=07\d)\d\d \d{3})`];

/**
 * Letter-first marks already there when the check came, each scanned case-sensitively after a
 * look-behind or with a rare second character: cloud-key's token prefixes and secret-assignment's `PW`.
 */
const GRANDFATHERED_ALNUM = [
  'cloud-key marks: gh[pousr]_',
  'cloud-key marks: xox[abcdeposr]-',
  'cloud-key marks: (?<![A-Za-z0-9_-])sk-',
  'cloud-key marks: (?<![A-Za-z0-9])SG\\.',
  'secret-assignment marks: (?<![A-Za-z])[Pp][Ww](?![A-Za-z])',
];

/** The characters of `chars` the atom can match (with the scan's flags). */
function startsAmong(atom: string, flags: string, chars: string[]): string[] {
  const re = new RegExp(`^(?:${atom})$`, flags.replace(/[gy]/g, ''));
  return chars.filter((c) => re.test(c));
}

/** Alternatives of a words source (case-insensitive) that may start at a digit or at more than one letter. */
function wordsAlnumStarts(src: string): string[] {
  return firstAtoms(src)
    .filter(({ atoms }) =>
      atoms.some((a) => startsAmong(a, 'i', DIGITS).length > 0 || new Set(startsAmong(a, 'i', LETTERS).map((c) => c.toLowerCase())).size > 1),
    )
    .map(({ alt }) => alt);
}

/** Alternatives of a marks source that may start at an ASCII letter or digit. */
function marksAlnumStarts(src: string): string[] {
  return firstAtoms(src)
    .filter(({ atoms }) => atoms.some((a) => startsAmong(a, 'm', [...LETTERS, ...DIGITS]).length > 0))
    .map(({ alt }) => alt);
}

/** Alternatives of a digits source other than the shared shape. */
function digitsOtherShapes(src: string): string[] {
  return alternatives(src).filter((alt) => !DIGIT_SHAPES.includes(alt));
}

/** Letter-first and digit-first alternatives in the shared scans of the rules on by default. */
function alnumFindings(rules: readonly RedactionRule[]): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    if (rule.optional) continue;
    const { words, marks, digits, placed } = rule.scan;
    if (words) for (const alt of wordsAlnumStarts(words)) found.push(`${rule.id} words: ${alt}`);
    if (placed) for (const alt of wordsAlnumStarts(placed.words)) found.push(`${rule.id} placed: ${alt}`);
    if (marks) for (const alt of marksAlnumStarts(marks)) found.push(`${rule.id} marks: ${alt}`);
    if (digits) for (const alt of digitsOtherShapes(digits)) found.push(`${rule.id} digits: ${alt}`);
  }
  return found.sort();
}

describe('bulk scan shapes', () => {
  it('the checker itself finds a repeated start, at the top and inside a leading group, and passes anchored or bounded ones', () => {
    expect(repeatedStarts(String.raw`@|[\w.-]*(?:key)=`)).toEqual([String.raw`[\w.-]*(?:key)=`]);
    expect(repeatedStarts(String.raw`(?:x|\d+y)`)).toEqual([String.raw`\d+y`]);
    expect(repeatedStarts(String.raw`(?<!\d)\w{2,}z`)).toEqual([String.raw`(?<!\d)\w{2,}z`]);
    // A property or code point escape is one atom (the test's own reader took `\p` alone and missed the `+`).
    expect(repeatedStarts(String.raw`\p{L}+token|\u{1F600}*x|\p{Lu}y`)).toEqual([String.raw`\p{L}+token`, String.raw`\u{1F600}*x`]);
    expect(() => repeatedStarts('a|(b')).toThrow(/unbalanced/);
    expect(repeatedStarts(String.raw`(?<![\d.])\d{3}(?:[-. ]?\d{4})|[0-9a-f]{2}:`)).toEqual([]);
    expect(repeatedStarts(String.raw`(?<![A-Za-z])[Pp][Ww](?![A-Za-z])|^(?:export\s+)?USER=|密码`)).toEqual([]);
    expect(repeatedStarts(String.raw`(?:[Tt]oken|key)[\w.-]*=[^&\s]+&`)).toEqual([]);
  });

  it('no scan alternative of any built-in rule starts with a repeated atom', () => {
    const found: string[] = [];
    for (const rule of RULES) {
      for (const [group, source] of Object.entries(rule.scan)) {
        if (typeof source !== 'string') continue;
        for (const alt of repeatedStarts(source)) found.push(`${rule.id} ${group}: ${alt}`);
      }
      if (rule.scan.placed) for (const alt of repeatedStarts(rule.scan.placed.words)) found.push(`${rule.id} placed: ${alt}`);
    }
    expect(found).toEqual([]);
  });

  it('the first-character check finds common starts, also in a class, a group or after an optional atom, and passes the rest', () => {
    expect(commonFirstCharacters(String.raw`@|\\[a-z]|key`, 'g')).toEqual([String.raw`\\[a-z]`]);
    // A quote or a bracket starts many log lines' values: hosec's `'digest,` wake cost the word scan ~15 % (session 10).
    expect(commonFirstCharacters(String.raw`'digest,|x|\(中`, 'g')).toEqual([String.raw`'digest,`, String.raw`\(中`]);
    expect(commonFirstCharacters(String.raw`(?:x|[\w.-]+=)|(?<![A-Za-z])[Pp]|%40`, 'g')).toEqual([String.raw`(?:x|[\w.-]+=)`]);
    expect(commonFirstCharacters(String.raw`(?:-)?u\s|\s?key|\.com|=x`, 'g')).toEqual([String.raw`(?:-)?u\s`, String.raw`\s?key`, String.raw`\.com`, '=x']);
    expect(commonFirstCharacters(String.raw`^=|[?&;]x|\+\d|密码`, 'gm')).toEqual([]);
  });

  it('no shared scan (words, marks, digits) of a rule on by default gains an alternative that starts at a character common in logs', () => {
    const flags: Record<string, string> = { words: 'gi', marks: 'gm', digits: 'g' };
    const found: string[] = [];
    for (const rule of RULES) {
      // Optional rules (hostname's `.com` …) are off by default and measured with them on in the bench's `all rules` line.
      if (rule.optional) continue;
      for (const group of ['words', 'marks', 'digits'] as const) {
        const source = rule.scan[group];
        if (source) for (const alt of commonFirstCharacters(source, flags[group]!)) found.push(`${rule.id} ${group}: ${alt}`);
      }
      if (rule.scan.placed) for (const alt of commonFirstCharacters(rule.scan.placed.words, 'gi')) found.push(`${rule.id} placed: ${alt}`);
    }
    // A new entry here: give it a pass of its own (ScanGroup `backslash` in rules.ts, GROUP_FLAGS in rule-set.ts).
    expect(found.sort()).toEqual([...GRANDFATHERED].sort());
  });
  it('no marks alternative of a rule on by default starts at an ASCII character outside the measured set', () => {
    const found = new Set<string>();
    for (const rule of RULES) if (!rule.optional && rule.scan.marks) for (const c of asciiStarts(rule.scan.marks, 'gm')) found.add(c);
    expect([...found].filter((c) => !MARKS_ASCII_STARTS.includes(c)).sort()).toEqual([]);
    // The check sees a `$` or a letter as a new start.
    expect(asciiStarts(String.raw`\$(?<=\]\$)|zzqq|用户`, 'gm').sort()).toEqual(['$', 'z']);
  });
  it('the letter/digit check finds session 8 cliffs and the like, and passes keywords, marks and the digits shape', () => {
    expect(wordsAlnumStarts(String.raw`key|token|0x|[a-z]+@|\w{3}=|(?:sec|\d)x|passport`)).toEqual(['0x', '[a-z]+@', String.raw`\w{3}=`, String.raw`(?:sec|\d)x`]);
    expect(wordsAlnumStarts(String.raw`[Kk]ey|(?:net|pdo)->|hooks\.slack`)).toEqual([]);
    expect(marksAlnumStarts(String.raw`@|HIER_|用户|\+[1-9]|[０-９]|[A-Z]{2}\\|9\d`)).toEqual(['HIER_', String.raw`[A-Z]{2}\\`, String.raw`9\d`]);
    expect(digitsOtherShapes(`${DIGIT_SHAPES[0]}|1 [3-9] \\d \\d \\d`)).toEqual([String.raw`1 [3-9] \d \d \d`]);
    expect(digitsOtherShapes(DIGIT_SHAPES[0]!)).toEqual([]);
  });

  it('a letter-first mark or a digit-first alternative planted into the rule table is refused', () => {
    const phone = RULES.find((r) => r.id === 'phone')!;
    const userName = RULES.find((r) => r.id === 'user-name')!;
    const planted = RULES.map((r) =>
      r === phone
        ? { ...r, scan: { ...r.scan, digits: `${r.scan.digits!}|1 [3-9] \\d \\d \\d` } }
        : r === userName
          ? { ...r, scan: { ...r.scan, marks: `${r.scan.marks!}|HIER_`, words: `${r.scan.words!}|[a-z]{2}_id` } }
          : r,
    );
    const added = alnumFindings(planted).filter((f) => !GRANDFATHERED_ALNUM.includes(f));
    expect(added).toEqual(['phone digits: 1 [3-9] \\d \\d \\d', 'user-name marks: HIER_', 'user-name words: [a-z]{2}_id']);
  });

  it('no shared scan (words, marks, digits) of a rule on by default gains a letter-first or digit-first alternative', () => {
    // A new entry here: wake the format by a context word (words, lower case), or give it a pass of its own.
    expect(alnumFindings(RULES)).toEqual([...GRANDFATHERED_ALNUM].sort());
  });
});

/** Wake words with a regex character left unescaped (`admin.password`, `user"]`): `rule: word`. */
function unescapedWords(rules: readonly RedactionRule[]): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    const words = (rule as { scan?: { words?: string } }).scan?.words;
    if (typeof words !== 'string') continue;
    for (const word of words.split(/(?<!\\)\|/)) if (/[.[\](){}*+?^$]/.test(word.replace(/\\./g, ''))) found.push(`${rule.id}: ${word}`);
  }
  return found;
}

describe('wake words are literals', () => {
  // The words scan joins every rule's words into one regex: an unescaped `]` or `(` in one word
  // changes what the whole scan means and silently stops other rules waking (session 13: 20 recalls
  // lost across five sets before `user"]` and `admin.password` were escaped).
  it('the check finds an unescaped regex character and passes escaped ones', () => {
    const planted = [{ ...RULES[0]!, id: 'planted', scan: { words: 'admin.password|user"]|proxyuser\\.|a\\(b' } }] as unknown as RedactionRule[];
    expect(unescapedWords(planted)).toEqual(['planted: admin.password', 'planted: user"]']);
  });

  it('every built-in rule\'s wake words are literals (regex characters escaped)', () => {
    expect(unescapedWords(RULES)).toEqual([]);
  });
});

/**
 * The shared scans resume after each hit and wake the rules whose fragments occur in the hit's text (line-engine.ts
 * markCandidates, rule-set.ts rulesFor): they do NOT wake a rule whose alternative starts inside the hit and ends after it
 * (session 16: secret17's `set password` hid user-name's `password for`), nor, in the marks scan, a longer alternative at the
 * same start when a shorter one comes first (`测试` hid `测试号`). So every line where two alternatives of different rules
 * overlap that way is built (scan-overlap.ts: literal texts, and samples of the others) and scanned as the engine does.
 * Those present when the check came are listed in scan-overlap.known.txt (not judged safe); a new one fails here.
 */
const KNOWN_OVERLAPS = new Set(
  readFileSync(new URL('./scan-overlap.known.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#')),
);
/** `scan | rule: alternative | rule: alternative` → why the lost wake does no harm (e.g. the hidden rule is also woken by the first one's hit). */
const ALLOWED_OVERLAPS: Record<string, string> = {};

describe('shared scans: no wake hides another rule\'s', () => {
  const ruleSet = buildRuleSet();
  const scanners = sharedScanners(ruleSet);
  const id = (r: number) => ruleSet.rules[r]!.rule.id;

  it('the dispatch as the test reads it: a hit wakes the rules in its text, and the scan resumes inside it for an alternative that runs past it', () => {
    const woken = (line: string) => [...wokenBy(scanners.words, line)].map(id);
    // `password:` is user-name's and cloud-key's wake; secret-assignment's `insecure-password` takes the text first.
    // overlap22 (session 21): the words scan then resumes inside the hit, so `password:` still wakes user-name.
    expect(woken('x password: y')).toContain('user-name');
    expect(woken('insecure-password: y')).toContain('secret-assignment');
    expect(woken('insecure-password: y')).toContain('user-name');
    // person-name's `会员` took `会员工号` first and hid user-name's `员工` (marks, case-sensitive, CJK); speed19 (session 22):
    // the marks scan resumes inside its hit too, so both are woken.
    expect([...wokenBy(scanners.marks, '员工')].map(id)).toContain('user-name');
    expect([...wokenBy(scanners.marks, '会员工')].map(id)).toEqual(expect.arrayContaining(['user-name', 'person-name']));
  });

  it('samples an alternative that is no plain literal', () => {
    expect(samplesOf(String.raw`user(?:name)?[ \t]*=`, 'gi')).toEqual(expect.arrayContaining(['user=', 'username=', 'user =']));
    expect(samplesOf(String.raw`由[ \t]*[\u4e00-\u9fa5]{2,3}[ \t]*(?:操作|审批)`, 'gm')).toContain('由一一操作');
    expect(samplesOf(String.raw`(?<![A-Za-z0-9_-])sk-`, 'gm')).toEqual(['sk-']);
  });

  it('no new pair of alternatives of different rules hides one of them (scan-overlap.known.txt lists the old ones)', () => {
    const found = lostWakes(ruleSet);
    const fresh = found.filter((o) => {
      const key = `${o.scan} | ${o.first} | ${o.second}`;
      return !KNOWN_OVERLAPS.has(key) && ALLOWED_OVERLAPS[key] === undefined;
    });
    expect(fresh.map((o) => `${o.scan} | ${o.first} | ${o.second}  — on ${JSON.stringify(o.line)} ${o.lost} is not woken`)).toEqual([]);
  });
});
