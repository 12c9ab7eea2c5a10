/** The desktop-os workflow's shape: real Windows, macOS and Linux runners collect and check an archive. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LINUX_ONLY, platformExcludes, POSIX_ONLY } from '../../platform-excludes.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Parsed YAML; each test asserts the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;
const wf = parse(readFileSync(`${ROOT}.github/workflows/desktop-os.yml`, 'utf8')) as Record<string, Yaml>;
const job = wf.jobs.collect;
const steps = job.steps as Array<Record<string, Yaml>>;
const index = (pattern: RegExp) => steps.findIndex((s) => (typeof s.run === 'string' && pattern.test(s.run)) || (typeof s.uses === 'string' && pattern.test(s.uses)));

describe('.github/workflows/desktop-os.yml', () => {
  it('runs on pushes to main, pull requests and by hand, read-only', () => {
    expect(wf.on.push.branches).toEqual(['main']);
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('one job on windows-latest, macos-latest and ubuntu-latest, each to the end even when another fails', () => {
    expect(Object.keys(wf.jobs)).toEqual(['collect']);
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.os).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest']);
    expect(job.strategy['fail-fast']).toBe(false);
    expect(job.env.ELECTRON_SKIP_BINARY_DOWNLOAD).toBe('1');
    expect(job.defaults.run.shell).toBe('bash');
    expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
  });

  it('Node 20; npm ci; unit tests; the real collection; its check; held-open logs; the archive kept, in that order', () => {
    const setup = steps[index(/^actions\/setup-node@/)]!;
    expect(setup.with['node-version']).toBe(20);
    const order = [/^actions\/checkout@v4$/, /^actions\/setup-node@v4$/, /^npm ci\b/, /^npx vitest run tests\/unit$/, /^node electron\/cli\/diagcollect\.mjs collect /, /^node tests\/ci\/check-archive\.mjs out collect\.json$/, /^node tests\/ci\/app-logs-held-open\.mjs /, /^actions\/upload-artifact@v4$/].map(index);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps[order[4]!]!.run).toMatch(/^node electron\/cli\/diagcollect\.mjs collect --ticket 12345 --json --no-screenshot --out out > collect\.json \|\| /);
  });

  it('keeps the archive even when a check failed', () => {
    const upload = steps[index(/^actions\/upload-artifact@/)]!;
    expect(upload.if).toBe('always()');
    expect(upload.with.name).toBe('diagnostics-${{ matrix.os }}');
    expect(upload.with.path).toContain('out/');
  });

  it('the scripts it runs exist', () => {
    for (const script of ['electron/cli/diagcollect.mjs', 'tests/ci/check-archive.mjs', 'tests/ci/app-logs-held-open.mjs', 'tests/ci/zip.mjs']) expect(existsSync(`${ROOT}${script}`), script).toBe(true);
  });
});

describe('tests left out on Windows and macOS (tests/platform-excludes.ts)', () => {
  it('name files that exist, each with a reason', () => {
    for (const [file, reason] of Object.entries({ ...LINUX_ONLY, ...POSIX_ONLY })) {
      expect(existsSync(`${ROOT}${file}`), file).toBe(true);
      expect(reason.length).toBeGreaterThan(5);
    }
  });

  it('nothing is left out on Linux; the Windows parser and live tests are never left out', () => {
    expect(platformExcludes('linux')).toEqual([]);
    expect(platformExcludes('win32').length).toBeGreaterThan(platformExcludes('darwin').length);
    for (const p of ['win32', 'darwin'] as const) {
      expect(platformExcludes(p).filter((f) => /\.(win32|darwin)\.test\.ts$|desktop-live|windows-output|platform-plans|desktops/.test(f))).toEqual([]);
    }
  });
});
