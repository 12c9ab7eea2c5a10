import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOsRelease, versionsCollector } from '../../../../electron/engine/collectors/versions.js';
import { TOOL_VERSION } from '../../../../electron/engine/version.js';
import { createFakeContext } from './fake-context.js';

const pkgVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('versions collector (real commands)', () => {
  it('reports this tool, the OS, Node and every policy product, with the reason when a version is unknown', async () => {
    const ctx = createFakeContext({
      policy: {
        products: [
          { name: 'Bash', versionCommand: ['bash', '--version'] },
          { name: 'Core utilities', package: 'coreutils' },
          { name: 'Ghost tool', versionCommand: ['no-such-command-4711', '--version'] },
          { name: 'Ghost package', package: 'no-such-package-4711' },
          { name: 'Failing tool', versionCommand: ['sh', '-c', 'echo boom >&2; exit 3'], package: 'coreutils' },
          { name: 'Unconfigured' },
        ],
      },
    });
    await versionsCollector.run(ctx);
    const text = await ctx.text('versions.txt');

    expect(TOOL_VERSION).toBe(pkgVersion);
    expect(text).toContain(`diagcollect ${pkgVersion}`);
    const osRelease = parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
    expect(text).toMatch(new RegExp(`Operating system:\\s+${osRelease.PRETTY_NAME!.replace(/[()]/g, '\\$&')}`));
    expect(text).toContain(process.versions.node);

    const bashLine = execFileSync('bash', ['--version'], { encoding: 'utf8' }).split('\n')[0]!;
    const coreutils = execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'coreutils'], { encoding: 'utf8' });
    const row = (name: string) => text.split('\n').find((l) => l.startsWith(name)) ?? '';
    expect(row('Bash')).toContain(bashLine);
    expect(row('Core utilities')).toMatch(new RegExp(`dpkg-query .*coreutils\\s+${coreutils.replace(/[.+]/g, '\\$&')}$`));
    expect(row('Ghost tool')).toContain('unknown — no-such-command-4711 --version: not installed (no-such-command-4711 not found)');
    expect(row('Ghost package')).toContain('unknown — dpkg-query: package "no-such-package-4711" is not installed');
    // the command failed, so the package manager answered instead
    expect(row('Failing tool')).toMatch(new RegExp(`${coreutils.replace(/[.+]/g, '\\$&')}$`));
    expect(row('Unconfigured')).toContain('policy names neither a versionCommand nor a package');
    expect(ctx.skips).toEqual([]);
  });

  it('writes zh-CN headings and the zh-CN entry name for a zh-CN archive', async () => {
    const ctx = createFakeContext({ lang: 'zh-CN' });
    await versionsCollector.run(ctx);
    const text = await ctx.text('版本信息.txt');
    expect(text).toMatch(/^版本信息\n/);
    expect(text).toContain('（策略中未配置产品：policy.products 为空）');
  });

  it('describe() names the commands for each platform', () => {
    const policy = { ...createFakeContext().policy, products: [{ name: 'App', versionCommand: ['app', '--version'], package: 'app-pkg' }] };
    expect(versionsCollector.describe('linux', policy).join('\n')).toMatch(/\/etc\/os-release[\s\S]*app --version[\s\S]*dpkg-query -W -f '\$\{Version\}' app-pkg/);
    expect(versionsCollector.describe('darwin', policy).join('\n')).toMatch(/sw_vers[\s\S]*pkgutil --pkg-info app-pkg/);
    expect(versionsCollector.describe('win32', policy).join('\n')).toContain('app --version');
  });
});

describe('parseOsRelease', () => {
  it('reads quoted and unquoted values', () => {
    expect(parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME=Debian\nVERSION_ID=\'12\'\n# comment\n')).toEqual({
      PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)',
      NAME: 'Debian',
      VERSION_ID: '12',
    });
  });
});
