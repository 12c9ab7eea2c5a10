import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPath, policyPathProblem, resolvePathPattern } from '../../../../electron/engine/platform/paths.js';

describe('expandPath', () => {
  const env = { HOME: '/home/ann', LOGDIR: '/var/log/app', EMPTY: '' };

  it('expands ~ to the home folder', () => {
    expect(expandPath('~/logs/app.log', env, 'linux')).toEqual({ ok: true, path: '/home/ann/logs/app.log' });
    expect(expandPath('~', env, 'linux')).toEqual({ ok: true, path: '/home/ann' });
  });

  it('refuses ~user', () => {
    const r = expandPath('~bob/x', env, 'linux');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/~user is not supported/);
  });

  it('expands $VAR and ${VAR} on Linux and macOS', () => {
    expect(expandPath('$LOGDIR/*.log', env, 'linux')).toEqual({ ok: true, path: '/var/log/app/*.log' });
    expect(expandPath('${LOGDIR}-old/x', env, 'darwin')).toEqual({ ok: true, path: '/var/log/app-old/x' });
    // a lone $ or $ before a non-name stays as it is
    expect(expandPath('/srv/$/a$-b', env, 'linux')).toEqual({ ok: true, path: '/srv/$/a$-b' });
    // %VAR% means nothing on Linux
    expect(expandPath('/srv/%LOGDIR%', env, 'linux')).toEqual({ ok: true, path: '/srv/%LOGDIR%' });
  });

  it('an unknown or empty variable is an error that names it, never an empty string', () => {
    const r = expandPath('$NOPE/app/$EMPTY.log', env, 'linux');
    expect(r).toEqual({
      ok: false,
      reason: '"$NOPE/app/$EMPTY.log": the environment variables $NOPE, $EMPTY are not set for this user, so the path was not searched',
    });
  });

  it('expands %VAR% on Windows, case-insensitively, including names with (x86)', () => {
    const win = { ProgramData: 'C:\\ProgramData', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', USERPROFILE: 'C:\\Users\\ann' };
    expect(expandPath('%PROGRAMDATA%\\XXSoftware\\Logs\\XX.log', win, 'win32')).toEqual({ ok: true, path: 'C:\\ProgramData\\XXSoftware\\Logs\\XX.log' });
    expect(expandPath('%LocalAppData%\\App\\*.log', win, 'win32')).toEqual({ ok: true, path: 'C:\\Users\\ann\\AppData\\Local\\App\\*.log' });
    expect(expandPath('%ProgramFiles(x86)%\\App', win, 'win32')).toEqual({ ok: true, path: 'C:\\Program Files (x86)\\App' });
    expect(expandPath('~\\Desktop', win, 'win32')).toEqual({ ok: true, path: 'C:\\Users\\ann\\Desktop' });
    // $ is an ordinary character in Windows paths (admin shares, $Recycle.Bin)
    expect(expandPath('C:\\$Recycle.Bin', win, 'win32')).toEqual({ ok: true, path: 'C:\\$Recycle.Bin' });
    const missing = expandPath('%NOPE%\\x', win, 'win32');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.reason).toMatch(/%NOPE% is not set/);
  });
});

describe('resolvePathPattern', () => {
  let root: string;
  const at = (...p: string[]) => path.join(root, ...p);
  const file = (rel: string, content: string, ageSeconds: number) => {
    mkdirSync(path.dirname(at(rel)), { recursive: true });
    writeFileSync(at(rel), content);
    const t = Date.now() / 1000 - ageSeconds;
    utimesSync(at(rel), t, t);
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'paths-test-'));
    file('logs/app.log', 'a', 10);
    file('logs/app.1.log', 'bb', 100);
    file('logs/app.2.log', 'ccc', 1000);
    file('logs/notes.txt', 'n', 5);
    file('logs/sub/deep.log', 'd', 50);
    file('logs/sub/deeper/deepest.log', 'e', 60);
    file('logs/.hidden.log', 'h', 70);
    file('Program Files (x86)/App/x.log', 'x', 1);
    mkdirSync(at('elsewhere'));
    file('elsewhere/outside.log', 'o', 1);
    symlinkSync(at('elsewhere'), at('logs/linked-dir'));
    symlinkSync(at('nothing-here.log'), at('logs/dangling.log'));
    execFileSync('mkfifo', [at('logs/pipe.log')]);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a single file', async () => {
    const r = await resolvePathPattern(at('logs/app.log'), { maxFiles: 10 });
    expect(r.files).toEqual([expect.objectContaining({ path: at('logs/app.log'), size: 1, relative: 'app.log' })]);
    expect(r.base).toBe(at('logs'));
    expect(r.skipped).toEqual([]);
  });

  it('a missing file is skipped with a reason', async () => {
    const r = await resolvePathPattern(at('logs/none.log'), { maxFiles: 10 });
    expect(r.files).toEqual([]);
    // As a code too (not there), so every surface says it in its language; the English is the catalogue's.
    expect(r.skipped).toEqual([{ path: at('logs/none.log'), reason: 'does not exist', code: { code: 'not-found' } }]);
  });

  it('a relative path is refused', async () => {
    const r = await resolvePathPattern('logs/*.log', { maxFiles: 10 });
    expect(r.skipped[0]!.reason).toMatch(/not an absolute path/);
  });

  it('a folder: its files recursively, newest first; symlinked folders not followed; special files and dangling links skipped', async () => {
    const r = await resolvePathPattern(at('logs'), { maxFiles: 100 });
    expect(r.files.map((f) => f.relative)).toEqual(['notes.txt', 'app.log', 'sub/deep.log', 'sub/deeper/deepest.log', '.hidden.log', 'app.1.log', 'app.2.log']);
    expect(r.files.some((f) => f.path.includes('outside.log'))).toBe(false);
    const reasons = Object.fromEntries(r.skipped.map((s) => [path.relative(root, s.path), s.reason]));
    expect(reasons['logs/linked-dir']).toMatch(/symbolic link to a folder; not followed/);
    expect(reasons['logs/dangling.log']).toMatch(/dangling link/);
    expect(reasons['logs/pipe.log']).toMatch(/FIFO/);
  });

  it('a glob: * stays in one folder, ** goes down, ? matches one character', async () => {
    const star = await resolvePathPattern(at('logs/*.log'), { maxFiles: 100 });
    expect(star.files.map((f) => f.relative)).toEqual(['app.log', '.hidden.log', 'app.1.log', 'app.2.log']);
    expect(star.base).toBe(at('logs'));
    const deep = await resolvePathPattern(at('logs/**/*.log'), { maxFiles: 100 });
    expect(deep.files.map((f) => f.relative).sort()).toEqual(['.hidden.log', 'app.1.log', 'app.2.log', 'app.log', 'sub/deep.log', 'sub/deeper/deepest.log']);
    const one = await resolvePathPattern(at('logs/app.?.log'), { maxFiles: 100 });
    expect(one.files.map((f) => f.relative)).toEqual(['app.1.log', 'app.2.log']);
    const mid = await resolvePathPattern(at('*/sub/*.log'), { maxFiles: 100 });
    expect(mid.files.map((f) => f.relative)).toEqual(['logs/sub/deep.log']);
  });

  it('parentheses in folder names are plain characters', async () => {
    const r = await resolvePathPattern(at('Program Files (x86)/*/*.log'), { maxFiles: 10 });
    expect(r.files.map((f) => f.relative)).toEqual(['App/x.log']);
  });

  it('a glob that matches nothing says so', async () => {
    const r = await resolvePathPattern(at('logs/*.nomatch'), { maxFiles: 10 });
    expect(r.files).toEqual([]);
    expect(r.skipped).toEqual([{ path: at('logs/*.nomatch'), reason: 'no file matches this pattern' }]);
  });

  it('caps at maxFiles, newest first, and reports what was left out', async () => {
    const r = await resolvePathPattern(at('logs/*.log'), { maxFiles: 2 });
    expect(r.files.map((f) => f.relative)).toEqual(['app.log', '.hidden.log']);
    expect(r.skipped).toContainEqual({ path: at('logs/*.log'), reason: expect.stringMatching(/^2 older matching files were left out: only the newest 2 are taken \(policy caps\.filesPerPath\)/) });
  });

  it('a tree bigger than the entry bound is reported, not walked forever', async () => {
    const big = at('big');
    for (let d = 0; d < 20; d += 1) {
      mkdirSync(path.join(big, `d${d}`), { recursive: true });
      for (let f = 0; f < 20; f += 1) writeFileSync(path.join(big, `d${d}`, `f${f}.log`), '');
    }
    const r = await resolvePathPattern(big, { maxFiles: 1000, maxEntries: 100 });
    expect(r.files.length).toBeLessThan(100);
    expect(r.skipped).toContainEqual({ path: big, reason: expect.stringMatching(/holds more than 100 entries; the walk stopped/) });
  });

  it('folders deeper than maxDepth are not searched, and that is reported', async () => {
    const r = await resolvePathPattern(at('logs'), { maxFiles: 100, maxDepth: 2 });
    expect(r.files.map((f) => f.relative)).toContain('sub/deep.log');
    expect(r.files.map((f) => f.relative)).not.toContain('sub/deeper/deepest.log');
    expect(r.skipped).toContainEqual({ path: at('logs'), reason: 'folders more than 2 levels below it were not searched' });
  });

  it('stops when the signal is aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('cancelled by test'));
    await expect(resolvePathPattern(at('logs'), { maxFiles: 10, signal: ac.signal })).rejects.toThrow('cancelled by test');
  });
});

describe('paths are checked after expansion', () => {
  it('normalises after expanding, and refuses a ".." that only appears then', () => {
    expect(expandPath('$LOGDIR//./app.log', { LOGDIR: '/var/log/myapp' }, 'linux')).toEqual({ ok: true, path: '/var/log/myapp/app.log' });
    const r = expandPath('$LOGDIR/shadow', { LOGDIR: '/var/log/../../etc' }, 'linux');
    expect(r).toMatchObject({ ok: false, escapes: true });
    if (!r.ok) expect(r.reason).toContain('"$LOGDIR/shadow" becomes "/var/log/../../etc/shadow" once expanded');
    expect(expandPath('%APPDIR%\\logs', { APPDIR: 'C:\\App\\..\\Windows' }, 'win32')).toMatchObject({ ok: false, escapes: true });
  });

  it('policyPathProblem: escapes and root-wide patterns once expanded; an unset variable is not a policy error', () => {
    expect(policyPathProblem('$LOGDIR/*.log', { LOGDIR: '/var/log/../../etc' }, 'linux')).toContain('climbs out');
    expect(policyPathProblem('$LOGDIR/**/*.log', { LOGDIR: '/' }, 'linux')).toContain('root-wide');
    expect(policyPathProblem('%ProgramData%\\**', { ProgramData: 'C:\\ProgramData' }, 'win32')).toContain('top-level folder');
    expect(policyPathProblem('/home/alice/**', { HOME: '/home/alice' }, 'linux')).toContain('whole home folder');
    expect(policyPathProblem('$UNSET/app.log', {}, 'linux')).toBeUndefined();
    expect(policyPathProblem('%ProgramData%\\MyApp\\Logs\\**', { ProgramData: 'C:\\ProgramData' }, 'win32')).toBeUndefined();
    expect(policyPathProblem('~/.myapp/**', { HOME: '/home/alice' }, 'linux')).toBeUndefined();
  });

  it('resolvePathPattern reports the real path of the base folder as the root', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'paths-root-'));
    mkdirSync(path.join(base, 'real'));
    writeFileSync(path.join(base, 'real', 'a.log'), 'x');
    symlinkSync(path.join(base, 'real'), path.join(base, 'named'));
    const r = await resolvePathPattern(path.join(base, 'named', '*.log'), { maxFiles: 10 });
    expect(r.root).toBe(realpathSync(path.join(base, 'real')));
    expect(r.files.map((f) => f.relative)).toEqual(['a.log']);
  });
});

describe('the walk does not enter protected folders', () => {
  it("skips this tool's data folder and a .ssh folder with one reason each", async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'paths-protected-'));
    const data = path.join(base, 'data');
    mkdirSync(path.join(data, 'redaction-maps'), { recursive: true });
    writeFileSync(path.join(data, 'redaction-maps', 'a.json'), '{}');
    mkdirSync(path.join(base, 'home', '.ssh'), { recursive: true });
    writeFileSync(path.join(base, 'home', '.ssh', 'id_ed25519'), 'KEY');
    writeFileSync(path.join(base, 'home', 'app.log'), 'x');
    const before = process.env.DIAGCOLLECT_DATA_DIR;
    process.env.DIAGCOLLECT_DATA_DIR = data;
    try {
      const r = await resolvePathPattern(path.join(base, '**'), { maxFiles: 10 });
      expect(r.files.map((f) => f.relative)).toEqual(['home/app.log']);
      expect(r.skipped).toEqual(
        expect.arrayContaining([
          { path: data, reason: expect.stringContaining("diagcollect's own data") },
          { path: path.join(base, 'home', '.ssh'), reason: expect.stringContaining('private keys') },
        ]),
      );
    } finally {
      if (before === undefined) delete process.env.DIAGCOLLECT_DATA_DIR;
      else process.env.DIAGCOLLECT_DATA_DIR = before;
    }
  });
});
