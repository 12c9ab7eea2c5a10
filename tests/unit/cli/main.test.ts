/**
 * The CLI loads per command: the bundle is built as `build:cli` builds it (split, one chunk per
 * command), then run in a real Node process with a module-resolution hook that records every
 * package it loads. `--version` loads no package at all; `list` and `check` only commander and
 * the message formatter — not zod, iconv-lite, picomatch nor any upload, mail, archive or
 * system-information package (issue 13, item 8: their start-up stays within 2× `node -e 0`,
 * measured in tests/bench/startup.bench.ts); `collect` does load them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// Inside the repo, so the bundle's external packages resolve from node_modules as in dist/cli.
const OUT = join(ROOT, 'dist', `test-cli-${process.pid}`);
const HEAVY = ['undici', 'nodemailer', 'systeminformation', 'yauzl', 'zod', 'iconv-lite', 'picomatch', 're2js', '@aws-sdk'];
/** All that `list` and `check` may load: the command line and the message catalogue's formatter. */
const LIGHT = ['@formatjs', 'commander', 'intl-messageformat'];

beforeAll(async () => {
  // The same options as package.json's build:cli (checked below), into a folder of our own.
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:cli']!;
  for (const flag of ['--bundle', '--splitting', '--format=esm', '--platform=node', '--packages=external', '--outdir=dist/cli', '--out-extension:.js=.mjs']) expect(script).toContain(flag);
  await build({ entryPoints: [join(ROOT, 'electron/cli/main.ts')], bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outdir: OUT, outExtension: { '.js': '.mjs' }, logLevel: 'warning' });
  mkdirSync(join(OUT, 'hooks'), { recursive: true });
  writeFileSync(
    join(OUT, 'hooks', 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  if (!/^(\\.|\\/|node:|file:)/.test(specifier)) process.stderr.write('PACKAGE ' + specifier.split('/')[0] + '\\n');
  if (specifier.startsWith('node:')) process.stderr.write('BUILTIN ' + specifier.slice(5) + '\\n');
  return next(specifier, context);
}\n`,
  );
  writeFileSync(join(OUT, 'hooks', 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(OUT, 'hooks', 'hooks.mjs')).href)});\n`);
}, 120_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** Runs the built CLI with `args`; returns the packages it loaded and its exit status. */
function packagesLoaded(args: string[]): { packages: string[]; builtins: string[]; status: number | null; stdout: string; stderr: string } {
  const bundle = pathToFileURL(join(OUT, 'main.mjs')).href;
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(OUT, 'hooks', 'register.mjs')).href, '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(bundle)}); process.exitCode = await main(['node', 'diagcollect', ...${JSON.stringify(args)}]);`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DIAGCOLLECT_DATA_DIR: join(OUT, 'data') },
  });
  const packages = [...new Set(r.stderr.split('\n').filter((l) => l.startsWith('PACKAGE ')).map((l) => l.slice(8)))].sort();
  const builtins = [...new Set(r.stderr.split('\n').filter((l) => l.startsWith('BUILTIN ')).map((l) => l.slice(8)))].sort();
  // stderr without the loader hook's lines: what the command itself said (for failure messages).
  const stderr = r.stderr.split('\n').filter((l) => !l.startsWith('PACKAGE ') && !l.startsWith('BUILTIN ')).join('\n');
  return { packages, builtins, status: r.status, stdout: r.stdout, stderr };
}

describe('the CLI loads only what the command uses', () => {
  it('--version loads no package (not even commander)', () => {
    const r = packagesLoaded(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(r.packages).toEqual([]);
  });

  it('list and check load no upload, mail, archive or system-information package', () => {
    const list = packagesLoaded(['list', '--json']);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveProperty('collectors');
    const check = packagesLoaded(['check', '--only', 'uptime', '--json']);
    expect([0, 3], `exit ${check.status}: ${check.stderr}`).toContain(check.status);
    for (const r of [list, check]) for (const heavy of HEAVY) expect(r.packages).not.toContain(heavy);
    for (const r of [list, check]) expect(r.packages.filter((p) => !LIGHT.includes(p))).toEqual([]);
    // The check really ran: its one result is the uptime the kernel reports (os.uptime(), the
    // check's own reading, a few seconds later at most), so the hook's lists are those of a
    // command that did its work. The hook records built-ins: node:os, which the uptime check reads.
    const results = (JSON.parse(check.stdout) as { results: Array<{ id: string; status: string; data?: { uptimeSeconds?: number } }> }).results;
    expect(results.map((r) => r.id)).toEqual(['uptime']);
    expect(['pass', 'warn']).toContain(results[0]!.status);
    expect(Math.abs(results[0]!.data!.uptimeSeconds! - os.uptime())).toBeLessThan(120);
    expect(check.builtins).toContain('os');
    // The network built-ins load on first use (platform/lazy-builtins.ts): ~18 ms of start-up.
    for (const r of [list, check]) for (const builtin of ['http', 'https', 'tls', 'dns']) expect(r.builtins).not.toContain(builtin);
  });

  it('collect loads zod and the packages list and check leave out (the test can see them)', () => {
    const r = packagesLoaded(['collect', '--ticket', 'LAZY-1', '--only', 'versions', '--no-screenshot', '--json', '--out', join(OUT, 'out')]);
    expect([0, 3]).toContain(r.status);
    expect(r.packages).toEqual(expect.arrayContaining(['zod', 'yauzl']));
  });

  it('collect --help and the full help still work; a command that needs them loads the heavy packages', () => {
    const help = packagesLoaded(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['collect', 'list', 'outbox', 'check', 'policy', 'link', 'redact']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    const redact = packagesLoaded(['redact', '--help']);
    expect(redact.status).toBe(0);
    expect(redact.stdout).toContain('--out');
    // The outbox command reads upload jobs: it loads the upload code and its schemas (zod), but
    // undici only on the first request (upload/http.ts), which listing never makes.
    const outbox = packagesLoaded(['outbox', 'list', '--json']);
    expect(outbox.status, outbox.stderr).toBe(0);
    expect(outbox.packages).toContain('zod');
    expect(outbox.packages).not.toContain('undici');
  });
});
