/**
 * The line engine's scans (and any other shortcut it takes for speed) may only save work: with them
 * on, every file must come out byte for byte as when every rule is tried on every line
 * (`prefilter: false`), with the same counts and the same placeholder map. Checked on every
 * fixture of the labelled corpus (all sets, all three profiles), on log text like the redact
 * bench's and on lines written to sit at the scans' edges; with the engine fed in ragged chunks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { generateLogText } from '../../../bench/redact.bench.js';
import { CORPUS_DIR, PROFILES } from './corpus-quality.js';
import { chunkSizes, redactInChunks } from './helpers.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { overlapLines } from './scan-overlap.js';

/** A guard against a hang, not a budget: the whole corpus twice, on a machine that may be very busy. */
const HANG_GUARD_MS = 900_000;

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureFiles(path));
    else if (!name.endsWith('.labels.json') && !name.endsWith('.md')) out.push(path);
  }
  return out;
}

// Lines at the edges of the scans: keywords split by case, by escapes and by line breaks, values
// right after a scan hit on the line before, digits next to dots, CRLF, a key block over lines.
const EDGES = [
  'PaSsWoRd=Hunter2-x',
  'x=1\r\nToKeN: abcdefghijklmnopqrstuvwx1234\r\n',
  '{"db_pass\\u0077ord": "S3cr3t!x", "n": 13800138000}',
  '<setting name="ApiKey">',
  '  k3y-value-on-next-line-abcdef123',
  '- name: DB_PASSWORD',
  '  value: p@ss-word-42',
  'phone.13800138000 v1.13800138000 +86 138 0013 8000 tel:(010) 6438-1234',
  'card 6222 0212 3456 7890 128 id 11010519491231002X passport E12345678 证件 G12345678',
  'curl -u admin:pa55w0rd https://h/x?access_token=abc123&sig=zz9',
  // Mixed-case parameter names (the trigger is case-insensitive, so the scan must be too).
  'GET /cb?Code=abc123def&Sid=s1d2e3f4 HTTP/1.1 /login;Ticket=ST-12345-abcdef ?OtpHash=9f8e7d',
  'mysql -uroot -pS3cret db; sshpass -p hunter22 ssh h; net use \\\\s\\x /user:bob Pw1!',
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA7bq0123456789abcdefABCDEF',
  '-----END RSA PRIVATE KEY-----',
  'C:\\Users\\张伟\\AppData /home/josé/x /Users/Ann Lee/Desktop S-1-5-21-1004336348-1177238915-682003330-512',
  'mail zhang.san@公司.cn and a%40b.example.org AKIAABCDEFGHIJKLMNOP ghp_' + 'a1'.repeat(18),
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl Authorization: Basic dXNlcjpwYXNz',
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  '-----END OPENSSH PRIVATE KEY-----',
  'after the key: password=hunter2',
  // Key words in every place the secret-assignment gate looks (the scan's `placed` words must wake them).
  'dbPw=hunter2 token_type=Bearer keys=12 auth.session pid=3 session__id=abc123 session refreshed',
  '<ns:Password attr="1">',
  'value-on-the-next-line-1',
  '<key>SyncToken</key>',
  '<string>abc123def456</string>',
  // A plist key glued to its login (`XAuthName`: IPsec's Xauth): no other word on the line wakes user-name (session 17).
  '<key>XAuthName</key><string>dingweiqiang</string>',
  // An LDIF entry's `uid:` line alone (the dn above it teaches the value only while the learned set has room).
  'uid: zhengjiayi',
  '  - name: API_TOKEN',
  '    value: tok-123',
  'DB_PASSWORD     s3cret-val',
  'AUTH_MODE   enabled <db:Password a="1">hunter9</db:Password>',
  '    ProxyPassword    REG_SZ    x-secret',
  'Key Content            : wifi-pass-123',
  '--db-password hunter2 -Password hunter3 --token=abc',
  '{\\"password\\": \\"abc\\", \\"api_key\\":\\"k1\\"}\\npassword=x1\\tapi_key=y2',
  'X-Api-Key: abcdef123456 x-my-secret-header: v Basic dXNlcjpwYXNzd29yZA== cookie: a=b1c2d3e4',
  '"name": "X-Session-Token",',
  '"value": "st-998877"',
  'cmdkey /add:srv /user:bob /pass:Secret1 key="api key" value="k-42"',
  'secret_token  ABCDEFGHIJKLMNOPQRSTUVWXYZ123456 private: QWERTYUIOPASDFGHJKLZ123',
  '?Session=abc&AUTH_TOKEN=xyz&keys=1 GET /x;jsessionid=F00BA4 smtpPass = "p w"',
  'E12345678 ef0123456789 passport G12345678',
  // person-name's words wake it only where Han characters follow within its trigger's reach.
  'nickname: (see the HR record) 张伟 user action: clicked "保存"',
  `owner${' '.repeat(24)}王芳`,
  'loginusername=    李娜 DisplayName=Zhang 陈静 user  name  赵磊',
  // A query string pasted without its `?`, also with `=` inside a value.
  '：sign=abc123def&timestamp=1700000000 appkey=K1 token=a=b==&x=1 &page=2',
  // high-entropy's run at the farthest place its trigger reaches (32 after `signature`, `credential`).
  `signature${' '.repeat(32)}Q7xK9mP2vL5nR8tW3yZ6aB4c`,
  `credential${' '.repeat(32)}Zx8Kq2Lm9Np4Rt7Vw3Yb`,
  'auth.session pid=4: plugin "report-export" loaded from /opt/xx/plugins/report-export',
  // The backslash pass tries its regex at each backslash (indexOf): paths before the account, two in a row.
  'loaded C:\\ProgramData\\XX\\a.xml by XXSOFT\\caoym from \\\\srv\\share as CORP\\\\zhang.w',
  '\\\\\\ SOFTWARE\\Classes C:\\tools AB\\c',
  // high-entropy's wake reads the first run after its word as the validator will: kept strings
  // (commit, UUID, `id`) wake nothing; redacted ones next to each edge of that reading still wake.
  'auth.session pid=4: deployed commit 9fceb02d0ae598e95dc970b74767f19372d61af8 session id=Zk3Jq9XbT2mW7pL0aRvN5cYh',
  'session job 3f2b1c4e-9a8d-4e7f-b6c5-1d2e3f4a5b6c then Zk3Jq9XbT2mW7pL0aRvN5cYh; session pid=7 Zk3Jq9XbT2mW7pL0aRvN5cYh',
  'session.Xk9mQ2vL7pR4tW8zB3nF6hJ1 session=AbC9dEf8GhI7jKl6MnO5pQr4== tokenAbC9dEf8GhI7jKl6MnO5pQr4 x',
  // One word per line: another hit on the line would wake the rule for it.
  'licenserial Zk3Jq9XbT2mW7pL0aRvN5cYh',
  'credentials: Q7xK9mP2vL5nR8tW3yZ6aB4c',
  'sigId Q7xK9mP2vL5nR8tW3yZ6aB4c',
  'session.Xk9mQ2vL7pR4tW8zB3nF6hJ1',
  'session AbC9dEf8GhI7jKl6MnO5pQr4== x',
  'session pid=7 Zk3Jq9XbT2mW7pL0aRvN5cYh',
  '{"session": "pid\\nAbC9dEf8GhI7jKl6MnO5pQr4", "key": "commit\\tQ7xK9mP2vL5nR8tW3yZ6aB4c", "hmac": "x\\trace Zk3Jq9XbT2mW7pL0aRvN5cYh"}',
].join('\n');
const LONG_LINE = `${'x'.repeat(70_000)} password=afterTheCut\nmail bob@example.com\n`;

/**
 * Divergences the blind held-out-17 set found at its first run (session 15), not fixed yet: the reference
 * engine (every rule on every line) takes these values, the prefilter never wakes the rule for them, so the
 * shipped redactor misses them. Each file is left out of the corpus comparison below and checked apart: the
 * last test fails as soon as a file agrees both ways, so fixing the scans' wake must remove its entry here.
 */
// Session 16 (secret17): held-out-17's `oss2.Auth('<TOKEN-1>', '<secret>')` agrees both ways since the call's secret argument
// has a pattern of its own (admin-cli.ts CALL_SECRET_ARGUMENTS): no entry left.
// Session 19 (lead): held-out-21's shell prompt `ana@dev-lt:~/infra$` agrees both ways since the dollar scan wakes for
// `:~/dir$` and `:/dir$` prompts too (rules.ts STORE_GRAMMAR_DOLLAR): no entry left.
// recall22 (session 20): the blind held-out-22 set's first run found two more (no rule file read, none changed); its Fiddler
// dump's `Cookie:` second pair agrees both ways since fp21 reads a cookie list whole (session 20): one entry left.
const KNOWN_DIVERGENT: Record<string, string> = {
  // exiftool's `[ExifIFD]       Serial Number                   : …` and `Exif Version`: the reference engine takes the
  // two-word field names as person names (a false positive the shipped redactor does not make).
  'held-out-22/docx-docProps-core-and-exiftool-photo.txt': 'exiftool `[ExifIFD]  Serial Number  : …` — field names taken as names only without the prefilter',
  // recall26 (session 24): the blind held-out-26 set (no rule file read, none changed) — `HR 核实：甄佳琪 0571-…`: the
  // reference engine takes the name after `HR 核实：`, the line engine never wakes the pattern that does (a latent miss).
  'held-out-26/背景调查授权书-候选人签署-OCR.txt': '`HR 核实：<name> <phone>` — the name taken only without the prefilter (a wake missing)',
};

/**
 * Divergences that show only in corpus order (one Redactor per profile over every fixture, as below), not on the file
 * alone: held-out-22's PowerShell transcript (recall22, session 20) — `Enable-Mailbox -Identity peiyuxin`, a login learned
 * two lines up from `-SamAccountName`, is replaced on that line by the reference engine and kept by the line engine once
 * the Redactor has learned the other sets' values (alone, both replace it). Left out of the
 * comparison and checked apart, in corpus order: the test fails as soon as the file agrees both ways.
 */
const KNOWN_DIVERGENT_IN_ORDER: Record<string, string> = {
  'held-out-22/PowerShell-transcript-onboarding-20261206.txt': 'a login learned earlier in the file, kept on a later line by the line engine in corpus order',
};

async function bothWays(files: { name: string; data: Buffer }[], profile: string, chunk: () => number): Promise<void> {
  const fast = new Redactor(PROFILES[profile]);
  const reference = new Redactor(PROFILES[profile], { prefilter: false });
  for (const f of files) {
    const a = await redactInChunks(fast, f.data, chunk, { name: f.name });
    const b = await redactInChunks(reference, f.data, () => 65536, { name: f.name });
    expect({ file: f.name, text: a.text }).toEqual({ file: f.name, text: b.text });
    expect({ file: f.name, counts: a.stream.counts() }).toEqual({ file: f.name, counts: b.stream.counts() });
  }
  expect([...fast.mapping()]).toEqual([...reference.mapping()]);
}

describe('line engine prefilter', () => {
  const all = fixtureFiles(CORPUS_DIR).map((path) => ({ name: relative(CORPUS_DIR, path).split('\\').join('/'), data: readFileSync(path) }));
  const corpus = all.filter((f) => !(f.name in KNOWN_DIVERGENT) && !(f.name in KNOWN_DIVERGENT_IN_ORDER));

  it('finds fixtures to compare', () => {
    expect(corpus.length).toBeGreaterThan(50);
  });

  for (const profile of Object.keys(PROFILES)) {
    it(`changes nothing on the labelled corpus (${profile} profile)`, async () => {
      await bothWays(corpus, profile, () => 65536);
    }, HANG_GUARD_MS);
  }

  it('the known divergences still diverge (fixing a wake removes its KNOWN_DIVERGENT entry)', async () => {
    const known = all.filter((f) => f.name in KNOWN_DIVERGENT);
    expect(known.map((f) => f.name).sort()).toEqual(Object.keys(KNOWN_DIVERGENT).sort());
    for (const f of known) {
      const a = await redactInChunks(new Redactor(PROFILES.default), f.data, () => 65536, { name: f.name });
      const b = await redactInChunks(new Redactor(PROFILES.default, { prefilter: false }), f.data, () => 65536, { name: f.name });
      expect({ file: f.name, why: KNOWN_DIVERGENT[f.name], same: a.text === b.text }).toEqual({ file: f.name, why: KNOWN_DIVERGENT[f.name], same: false });
    }
  }, HANG_GUARD_MS);

  it('the known in-order divergences still diverge in corpus order (default profile)', async () => {
    const fast = new Redactor(PROFILES.default);
    const reference = new Redactor(PROFILES.default, { prefilter: false });
    const inOrder = all.filter((f) => !(f.name in KNOWN_DIVERGENT));
    const last = Math.max(...inOrder.map((f, i) => (f.name in KNOWN_DIVERGENT_IN_ORDER ? i : -1)));
    const same: Record<string, boolean> = {};
    for (const f of inOrder.slice(0, last + 1)) {
      const a = await redactInChunks(fast, f.data, () => 65536, { name: f.name });
      const b = await redactInChunks(reference, f.data, () => 65536, { name: f.name });
      if (f.name in KNOWN_DIVERGENT_IN_ORDER) same[f.name] = a.text === b.text;
    }
    expect(same).toEqual(Object.fromEntries(Object.keys(KNOWN_DIVERGENT_IN_ORDER).map((name) => [name, false])));
  }, HANG_GUARD_MS);

  // overlap22 (session 21): the scans lost a wake where one rule's wake word starts inside another's (`wrong password for
  // bob`: secret-assignment's `wrong password` hid user-name's `password for`), yet the corpus agreed both ways: its lines
  // seldom run two rules' keywords together with a value the hidden rule takes and no other wake of that rule on the line.
  // So every words-scan overlap (scan-overlap.ts overlapLines, ~4 000 lines) is redacted here both ways, each followed by
  // values of several shapes (unique per line, so no value learned on one line decides another). On main (fbd7d20) 156 of
  // these lines diverged. The marks scan's overlaps: the next test.
  it('changes nothing where two rules\' wake words run together (every words-scan overlap, with a value after it)', async () => {
    const lines = overlapLines(buildRuleSet(), 'words');
    expect(lines.length).toBeGreaterThan(1000);
    const tails = [' bob#', ' al#ice.w', 'Zk3Jq9XbT2mW7pL0aRvN5cYh#', ' "Daniel Whitfield"', 'hunter#x', '=S3cr3t!#'];
    const source = lines.flatMap((l, i) => tails.map((t) => `2024-03-15 08:00:01 ${l}${t.replace('#', String(i))}`));
    const data = Buffer.from(`${source.join('\n')}\n`, 'utf8');
    // Placeholder numbers left out: one divergence renumbers every later value.
    const read = async (r: Redactor) => (await redactInChunks(r, data, () => 65536, { name: 'overlaps.log' })).text.replace(/<([A-Z-]+?)-\d+>/g, '<$1>').split('\n');
    const fast = await read(new Redactor(PROFILES.default));
    const reference = await read(new Redactor(PROFILES.default, { prefilter: false }));
    const diverging = source.flatMap((line, i) => (fast[i] === reference[i] ? [] : [`${line}  →  fast ${fast[i]}  reference ${reference[i]}`]));
    expect(diverging.slice(0, 20)).toEqual([]);
    expect(fast.length).toBe(reference.length);
  }, HANG_GUARD_MS);

  // speed19 (session 22): the marks scan reports overlapping hits too (line-engine.ts scan: after a hit it looks again from
  // the hit's start + 1 for a hit ending past it), so where two rules' marks run together (`附属卡密 …`: person-name's `附属卡`
  // hid secret-assignment's `卡密`; `一 提交人 …`, `sk-u …`) both rules are woken. Every marks-scan overlap (~150 lines) with
  // a value after it, in ASCII and in Han characters: on main (d9f91c6) 16 of these lines diverged.
  it('changes nothing where two rules\' marks run together (every marks-scan overlap, with a value after it)', async () => {
    const lines = overlapLines(buildRuleSet(), 'marks');
    expect(lines.length).toBeGreaterThan(100);
    const tails = [' bob#', ' al#ice.w', 'Zk3Jq9XbT2mW7pL0aRvN5cYh#', ' "Daniel Whitfield"', 'hunter#x', '=S3cr3t!#', ' 张伟#', '：王芳#', ' 1381234#'];
    const source = lines.flatMap((l, i) => tails.map((t) => `2024-03-15 08:00:01 ${l}${t.replace('#', String(i).padStart(4, '0'))}`));
    const data = Buffer.from(`${source.join('\n')}\n`, 'utf8');
    const read = async (r: Redactor) => (await redactInChunks(r, data, () => 65536, { name: 'mark-overlaps.log' })).text.replace(/<([A-Z-]+?)-\d+>/g, '<$1>').split('\n');
    const fast = await read(new Redactor(PROFILES.default));
    const reference = await read(new Redactor(PROFILES.default, { prefilter: false }));
    const diverging = source.flatMap((line, i) => (fast[i] === reference[i] ? [] : [`${line}  →  fast ${fast[i]}  reference ${reference[i]}`]));
    expect(diverging.slice(0, 20)).toEqual([]);
    expect(fast.length).toBe(reference.length);
  }, HANG_GUARD_MS);

  it('changes nothing on bench-like logs and edge lines, however the input is cut', async () => {
    const log = Buffer.concat(generateLogText(1));
    const files = [
      { name: 'app.log', data: log },
      { name: 'edges.txt', data: Buffer.from(EDGES, 'utf8') },
      { name: 'edges.json', data: Buffer.from(EDGES, 'utf8') },
      { name: 'long.log', data: Buffer.from(LONG_LINE, 'utf8') },
    ];
    await bothWays(files, 'network', chunkSizes({ max: 9000, seed: 7 }));
    await bothWays(files, 'default', chunkSizes(65536));
    // Tiny chunks, after the decoder's first 8 KiB (which it reads whole to detect the encoding):
    // every line, and each private-key marker, begins or ends a piece of text somewhere.
    const filler = Array.from({ length: 400 }, (_, i) => `filler line ${i} with nothing to hide`).join('\n');
    const edges = files.filter((f) => f.name.startsWith('edges')).map((f) => ({ name: f.name, data: Buffer.concat([Buffer.from(`${filler}\n`), f.data]) }));
    for (const seed of [1, 2, 3]) await bothWays(edges, 'policy', chunkSizes({ max: 12, seed }));
  }, HANG_GUARD_MS);
});
