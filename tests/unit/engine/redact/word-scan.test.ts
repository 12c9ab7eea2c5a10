/**
 * The words scan's automaton (word-scan.ts): on any text, starting the regex where the automaton
 * says must give exactly the hits of the regex alone (same places, same texts, same resume
 * points), so the engine wakes the same rules; built from whatever words the rules have, so a rule
 * added later is woken through it too.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { nextTextKey, WordScan, wordScanOf, wordsHit } from '../../../../electron/engine/redact/word-scan.js';
import { generateChineseLogText, generateLogText } from '../../../bench/redact.bench.js';
import { CORPUS_DIR } from './corpus-quality.js';
import { fixtureTexts } from './helpers.js';

/** Every hit of a global regex as `index:text:resume`. */
function hitsOf(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(`${m.index}:${m[0]}:${re.lastIndex}`);
  return out;
}

/** The engine's way (LineEngine.scan): from each resume point, the regex from where the automaton says its first match can start. */
function automatonHitsOf(words: WordScan, re: RegExp, text: string): string[] {
  const out: string[] = [];
  const key = nextTextKey();
  let from = 0;
  for (;;) {
    const start = words.startFrom(key, text, from);
    if (start === -1) return out;
    re.lastIndex = start >= 0 ? start : from;
    const m = re.exec(text);
    if (m === null) return out;
    out.push(`${m.index}:${m[0]}:${re.lastIndex}`);
    from = re.lastIndex;
  }
}

// overlap22 (session 21): the engine's overlapping resume (LineEngine.markCandidates): after a hit [s, e), from s + 1 for a word that runs past e.
/** Every hit of the words scan as the engine reads them, with the automaton (`scan`) or the regex alone (undefined). */
function overlappingHitsOf(scan: WordScan | undefined, re: RegExp, text: string): string[] {
  const out: string[] = [];
  const key = nextTextKey();
  for (let m = wordsHit(re, scan, key, text, 0); m !== null; m = wordsHit(re, scan, key, text, m.index + 1, m.index + m[0].length)) out.push(`${m.index}:${m[0]}`);
  return out;
}

/** What those hits must be, by brute force: at each position, the longest word there, kept when it ends past every earlier one kept. */
function everyWakeOf(words: readonly string[], text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let reach = 0;
  for (let p = 0; p < text.length; p += 1) {
    let best = '';
    for (const w of words) if (w.length > best.length && lower.startsWith(w, p)) best = w;
    if (best.length > 0 && p + best.length > reach) {
      out.push(`${p}:${text.slice(p, p + best.length)}`);
      reach = p + best.length;
    }
  }
  return out;
}
// end overlap22

const isAscii = (text: string) => Buffer.byteLength(text, 'utf8') === text.length;

/** A tiny deterministic generator (the test must not depend on Math.random). */
function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('words scan automaton', () => {
  it('gives the hits of the words regex on every fixture and on the bench texts, ASCII or not (default, network rules, known values)', () => {
    const sets = [
      buildRuleSet({}),
      buildRuleSet({ optionalRules: ['ipv4-public', 'ipv6-public', 'mac-address', 'hostname'] }),
      buildRuleSet({ knownValues: [{ value: 'wzhang', kind: 'USER' }, { value: 'WS-PC0142', kind: 'HOST' }] }),
    ];
    const bench = Buffer.concat(generateLogText(1)).toString('utf8');
    const chinese = Buffer.concat(generateChineseLogText(1)).toString('utf8');
    const fixtures = fixtureTexts(CORPUS_DIR);
    const texts = [...fixtures, bench, bench.toUpperCase(), bench.replace(/"Save"/g, '\u201c保存\u201d'), chinese, 'wzhang@WS-PC0142 PASSWORD=x Session token', '用户 user：张三 USER：李四'];
    expect(fixtures.filter(isAscii).length).toBeGreaterThan(20);
    expect(fixtures.filter((t) => !isAscii(t)).length).toBeGreaterThan(20);
    for (const set of sets) {
      const words = set.scanners.filter((s) => s.words !== undefined);
      // The words scan, and only it (the other scans are not literal lists).
      expect(words.length).toBe(1);
      const scanner = words[0]!;
      for (const text of texts) expect(automatonHitsOf(scanner.words!, scanner.regex, text)).toEqual(hitsOf(scanner.regex, text));
      // overlap22 (session 21): so are the overlapping hits the engine reads (the regex alone: the fallback past the table's cap).
      expect(scanner.overlapping).toBe(true);
      for (const text of texts) expect(overlappingHitsOf(scanner.words!, scanner.regex, text)).toEqual(overlappingHitsOf(undefined, scanner.regex, text));
    }
  });

  // overlap22 (session 21): a wake word that starts inside another's hit and runs past it is reported (it was lost before).
  it('reports overlapping words, by automaton and by regex alike: each position\'s longest word that runs past the hits before it', () => {
    const words = ['insecure-password', 'password:', 'set password', 'password for', 'he', 'she', 'his', 'hers', 'user：'];
    // Longest first: the match at a position is its longest word, as the engine's prefix tree makes it (rule-set.ts literalTrie).
    const re = new RegExp([...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'gi');
    const scan = WordScan.build(words)!;
    for (const text of ['insecure-password: x', 'Set Password For bob', 'ushers', 'his hers', '用户 usher：x user：y', 'password']) {
      const want = everyWakeOf(words, text);
      expect(overlappingHitsOf(scan, re, text), text).toEqual(want);
      expect(overlappingHitsOf(undefined, re, text), text).toEqual(want);
    }
    expect(overlappingHitsOf(scan, re, 'insecure-password: x')).toEqual(['0:insecure-password', '9:password:']);
    // `she` holds `he`: not reported again (the hit's own text wakes its rules); `hers` starts inside it and runs past.
    expect(overlappingHitsOf(scan, re, 'ushers')).toEqual(['1:she', '2:hers']);
  });

  it('matches random word lists on random text: overlapping words, prefixes of each other, either case, words across a 64 KiB window', () => {
    const r = rand(13);
    const alphabet = 'abcAB-_=.: x';
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]!).join('');
    for (let round = 0; round < 60; round += 1) {
      const list = [...new Set(Array.from({ length: 1 + Math.floor(r() * 8) }, () => pick(1 + Math.floor(r() * 5)).toLowerCase()))];
      const escaped = list.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
      const re = new RegExp(escaped.join('|'), 'gi');
      const scan = WordScan.build(list)!;
      const text = pick(round % 10 === 0 ? 70_000 : 400);
      expect(automatonHitsOf(scan, re, text), `words ${JSON.stringify(list)}`).toEqual(hitsOf(re, text));
    }
  });

  // speed17 (session 20): the build fills one typed table in place; its failure links must still lead where a word ends.
  it('follows failure links: a word that ends inside another word\'s path, and a word that is a suffix of a path', () => {
    const scan = WordScan.build(['he', 'she', 'his', 'hers'])!;
    // `ushers`: `she` ends at 3 (the `he` inside it at the same place); from 4 on nothing (`hers` began at 2).
    expect(scan.endFrom(nextTextKey(), 'ushers', 0)).toBe(3);
    expect(scan.endFrom(nextTextKey(), 'ushers', 4)).toBe(-1);
    expect(scan.endFrom(nextTextKey(), 'xhers', 0)).toBe(2);
    // `hi` then `s`: the path `hi` fails into nothing, `his` is found whole; `shis` finds it after `sh` fails to `h`.
    expect(scan.endFrom(nextTextKey(), 'shis', 0)).toBe(3);
    const nested = WordScan.build(['abcd', 'bc', 'c'])!;
    // On `abce` the path `abc` holds `bc` and `c`, ending at 2: the failure link's end is the state's.
    expect(nested.endFrom(nextTextKey(), 'xabce', 0)).toBe(3);
    expect(nested.endFrom(nextTextKey(), 'ABCD', 0)).toBe(2);
    expect(nested.endFrom(nextTextKey(), 'abdd', 0)).toBe(-1);
  });

  it('finds a word cut by the 64 KiB window, and finds a word that starts beyond ASCII by its own regex', () => {
    const scan = WordScan.build(['password', 'pwd'])!;
    const text = `${'x'.repeat(65_530)}PassWord=1 ${'y'.repeat(100)}pwd`;
    const key = nextTextKey();
    expect(scan.endFrom(key, text, 0)).toBe(65_537);
    expect(scan.endFrom(key, text, 65_538)).toBe(text.length - 1);
    expect(scan.endFrom(key, text, text.length - 1)).toBe(-1);
    // A word that starts beyond ASCII (lead23, session 23): the automaton still reads text beyond
    // ASCII for the others, and startFrom takes the earlier of its start and the Han word's.
    const han = WordScan.build(['用户', 'login'])!;
    expect(han.endFrom(nextTextKey(), 'password \u201cx\u201d login', 0)).toBe(17);
    expect(han.endFrom(nextTextKey(), 'user: login', 0)).toBe(10);
    expect(han.startFrom(nextTextKey(), '登录 用户=x login', 0)).toBe(3);
    expect(han.startFrom(nextTextKey(), '登录 login 用户', 0)).toBe(3);
    expect(han.startFrom(nextTextKey(), '登录失败，对话框', 0)).toBe(-1);
    // Past a hit [3, 5) (`用户`), the next word that runs past it.
    const hanKey = nextTextKey();
    expect(han.startFrom(hanKey, '登录 用户 用户 login', 4, 5)).toBe(6);
    expect(han.startFrom(hanKey, '登录 用户 用户 login', 7, 8)).toBe(9);
    // A word with a character beyond ASCII cannot occur in ASCII text; in other text its ASCII
    // prefix stands for it (`user：` ends at the `r` at the latest).
    const wide = WordScan.build(['user：', 'login'])!;
    // …so ASCII text reads no end there (lead23: the prefix is in the automaton for the other text only).
    expect(wide.endFrom(nextTextKey(), 'user: login', 0)).toBe(10);
    expect(wide.endFrom(nextTextKey(), '用户 user：张三', 0)).toBe(6);
  });

  it('reads text beyond ASCII too: a word among Han characters and curly quotes is still found, a line without one is skipped', () => {
    const scan = WordScan.build(['password', 'pwd'])!;
    // Must still wake: the word between characters beyond ASCII, in either copy (few or many of them).
    expect(scan.endFrom(nextTextKey(), `${'ok '.repeat(200)}clicked \u201cSave\u201d password=1`, 0)).toBe(622);
    expect(scan.endFrom(nextTextKey(), 'clicked \u201cSave\u201d password=1', 0)).toBe(22);
    expect(scan.endFrom(nextTextKey(), '登录失败 用户名=ops PWD=1', 0)).toBe(15);
    expect(scan.endFrom(nextTextKey(), `${'用户点击保存按钮'.repeat(9000)}passWORD`, 0)).toBe(72_007);
    // May skip: no word at all, where the regex alone would have walked the whole text.
    expect(scan.endFrom(nextTextKey(), '用户点击“保存”按钮，对话框“网络设置”，耗时 12ms', 0)).toBe(-1);
    expect(scan.endFrom(nextTextKey(), `${'clicked \u201cSave\u201d '.repeat(4000)}`, 0)).toBe(-1);
  });

  it('gives the hits of the words regex on text beyond ASCII: Han characters whose low byte is a letter, curly quotes, a word with a full-width colon', () => {
    const r = rand(29);
    // U+4E61 and U+4E41 have the bytes of `a` and `A` as their low byte, U+2022 that of `"`.
    const alphabet = ['a', 'b', 'c', 'A', 'B', '-', '=', ':', ' ', 'x', '\u4e61', '\u4e41', '\u2022', '用', '：', '\u201c'];
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]!).join('');
    const asciiPick = (n: number) => [...pick(n * 3)].filter((c) => c.charCodeAt(0) <= 127).join('').slice(0, n) || 'a';
    for (let round = 0; round < 80; round += 1) {
      const list = [...new Set(Array.from({ length: 1 + Math.floor(r() * 8) }, () => asciiPick(1 + Math.floor(r() * 4)).toLowerCase()))];
      if (round % 2 === 0) list.push(`${asciiPick(1 + Math.floor(r() * 3)).toLowerCase()}：`);
      const escaped = list.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
      const re = new RegExp(escaped.join('|'), 'gi');
      const scan = WordScan.build(list)!;
      // Few characters beyond ASCII (copied as Latin-1) or many (each as one byte no word holds).
      const text = round % 3 === 0 ? `${'ab-x '.repeat(round * 100)}${pick(100)}${'Ab= '.repeat(200)}` : pick(round % 10 === 1 ? 70_000 : 400);
      expect(automatonHitsOf(scan, re, text), `words ${JSON.stringify(list)} in ${JSON.stringify(text.slice(0, 60))}`).toEqual(hitsOf(re, text));
    }
  });

  it('gives the hits of the words regex when some words start beyond ASCII (lead23): Han and accented first letters, either case', () => {
    const r = rand(31);
    const alphabet = ['a', 'b', 'A', 'đ', 'Đ', 'ư', ' ', '=', '用', '户', '锁', '屏', '\u201c', 'x'];
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]!).join('');
    for (let round = 0; round < 120; round += 1) {
      const list = [...new Set(Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(1 + Math.floor(r() * 3)).toLowerCase().trim()).filter((w) => w.length > 0))];
      list.push(round % 2 === 0 ? '用户' : 'đường');
      const escaped = list.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
      const re = new RegExp(escaped.join('|'), 'gi');
      const scan = WordScan.build(list)!;
      const text = pick(round % 10 === 1 ? 70_000 : 300) + (round % 3 === 0 ? 'ĐƯỜNG 用户' : '');
      expect(automatonHitsOf(scan, re, text), `words ${JSON.stringify(list)} in ${JSON.stringify(text.slice(0, 60))}`).toEqual(hitsOf(re, text));
    }
  });

  it('says where the first match can start: the automaton depth before the word end, not the longest word length', () => {
    const scan = WordScan.build(['session', 'pass', 'password', 'sessionid', 'ab', 'xabcd'])!;
    const key = nextTextKey();
    const text = 'auth.session pid=1 user passwor x xabcd';
    expect(scan.startFrom(key, text, 0)).toBe(5);
    // `pass` ends first; `password` was not complete (`passwor`): the match starts at `p` either way.
    expect(scan.startFrom(key, text, 12)).toBe(24);
    // `ab` ends first, but `xabcd` starts one before it: the depth there (`xab`) reaches it.
    expect(scan.startFrom(key, text, 29)).toBe(34);
    expect(scan.startFrom(key, text, 35)).toBe(35);
    expect(scan.startFrom(nextTextKey(), 'no words', 0)).toBe(-1);
    expect(scan.startFrom(nextTextKey(), 'session \u201cx\u201d', 0)).toBe(0);
  });

  it('is shared by rule sets with the same words, and built anew for other words', () => {
    expect(wordScanOf(['alpha', 'beta'])).toBe(wordScanOf(['alpha', 'beta']));
    expect(wordScanOf(['alpha', 'beta'])).not.toBe(wordScanOf(['alpha', 'gamma']));
  });

  it('wakes a rule added to the rule set (known values) through the automaton on ASCII text', async () => {
    const options = { knownValues: [{ value: 'qzvlogin', kind: 'USER' as const }] };
    const { scanners } = buildRuleSet(options);
    const words = scanners.find((s) => s.words !== undefined)!;
    expect(words.words!.endFrom(nextTextKey(), 'nothing here, then QZVLOGIN', 0)).toBe(26);
    const stream = new Redactor(options).createStream({ name: 'app.log' });
    const out: Buffer[] = [];
    stream.on('data', (b: Buffer) => out.push(b));
    const done = new Promise<void>((resolve) => stream.on('end', resolve));
    stream.end(Buffer.from(`${'2024-03-15 08:00:00 [INFO] ui.main: idle\n'.repeat(2000)}2024-03-15 08:00:01 [INFO] ui.main: signed in as qzvlogin\n`));
    await done;
    const text = Buffer.concat(out).toString('utf8');
    expect(text).not.toContain('qzvlogin');
    expect(text).toMatch(/signed in as <USER-1>/);
  });
});
