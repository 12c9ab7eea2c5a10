/** The release workflow's shape: real Windows, macOS and Linux runners build and keep the installers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const text = readFileSync(`${ROOT}.github/workflows/release.yml`, 'utf8');
// Parsed YAML; each test asserts the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;
const wf = parse(text) as Record<string, Yaml>;
const job = wf.jobs.installers;
const steps = job.steps as Array<Record<string, Yaml>>;
const run = (pattern: RegExp) => steps.find((s) => typeof s.run === 'string' && pattern.test(s.run));

describe('.github/workflows/release.yml', () => {
  it('runs on version tags (and by hand) with read-only permissions', () => {
    expect(wf.on.push.tags).toEqual(['v*']);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('builds on real Windows, macOS and Linux runners, one platform each', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy['fail-fast']).toBe(false);
    expect(job.strategy.matrix.include).toEqual([
      { os: 'windows-latest', platform: 'win' },
      { os: 'macos-latest', platform: 'mac' },
      { os: 'ubuntu-latest', platform: 'linux' },
    ]);
    expect(job.env.ELECTRON_SKIP_BINARY_DOWNLOAD).toBe('1');
  });

  it('installs with npm ci, builds the app, checks the policy templates, then electron-builder --publish never', () => {
    const order = [run(/^npm ci\b/), run(/build:policy-templates/), run(/npm run build:app/), run(/electron-builder --\$\{\{ matrix\.platform \}\} --publish never/)];
    for (const s of order) expect(s).toBeDefined();
    const at = order.map((s) => steps.indexOf(s!));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(run(/build:policy-templates/)!.run).toContain('git diff --exit-code -- build/policy');
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBeGreaterThanOrEqual(20);
  });

  it('takes signing and notarization secrets from the environment only', () => {
    const build = run(/electron-builder/)!;
    for (const name of ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'CSC_LINK', 'CSC_KEY_PASSWORD', 'CSC_INSTALLER_LINK', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(build.env[name], name).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
    }
    // No secret is echoed or written anywhere else.
    expect(text.match(/secrets\./g)?.length).toBe(Object.values(build.env).join(' ').match(/secrets\./g)?.length);
  });

  it('uploads every installer and the checksums as artifacts', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with.name).toBe('installers-${{ matrix.platform }}');
    expect(upload.with['if-no-files-found']).toBe('error');
    for (const ext of ['exe', 'msi', 'dmg', 'pkg', 'AppImage', 'deb', 'rpm']) expect(upload.with.path).toContain(`dist/installers/*.${ext}`);
    expect(upload.with.path).toContain('SHA256SUMS-');
  });
});
