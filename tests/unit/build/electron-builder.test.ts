/**
 * electron-builder.yml, checked against electron-builder's own JSON schema from the installed
 * package (app-builder-lib/scheme.json) — the same schema electron-builder validates with before
 * it builds — plus what the product needs from it: the diagcollect:// protocol, every installer
 * IT deploys, versioned artifact names, signing/notarization settings and real icons.
 */
import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAC_BUNDLE_ID } from '../../../electron/engine/policy/sources.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
// Parsed YAML; each test asserts the shape it relies on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;
const config = parse(readFileSync(`${ROOT}electron-builder.yml`, 'utf8')) as Record<string, Yaml>;
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const data = readFileSync(path);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

const targets = (platform: string) => (config[platform].target as Array<string | { target: string }>).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema (and the check does catch mistakes)", () => {
    const validate = validator();
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachin: true } })).toBe(false);
    expect(validate({ ...config, protocols: [{ schemes: 'diagcollect' }] })).toBe(false);
  });

  it('registers the diagcollect:// protocol', () => {
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['diagcollect'] })]);
  });

  it('builds every installer IT deploys, with the version in each artifact name', () => {
    expect(targets('win').sort()).toEqual(['msi', 'nsis', 'portable']);
    expect(targets('mac').sort()).toEqual(['dmg', 'pkg']);
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb', 'rpm']);
    for (const key of ['artifactName', 'nsis', 'msi', 'portable', 'dmg', 'pkg', 'appImage', 'deb', 'rpm']) {
      const name = key === 'artifactName' ? config.artifactName : config[key].artifactName;
      expect(name, key).toContain('${version}');
    }
    expect(config.appId).toBe(MAC_BUNDLE_ID);
    expect(config.productName).toBe('Diagnostics Collector');
    // The command on Linux; Windows and macOS keep the product name for the folder, .exe and .app.
    expect(config.linux.executableName).toBe('diagcollect');
    expect(config.executableName).toBeUndefined();
  });

  it('installs per machine and silently without a reboot or a launch (NSIS, MSI), and to /Applications (PKG)', () => {
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: true, runAfterFinish: false });
    expect(config.msi).toMatchObject({ perMachine: true, runAfterFinish: false });
    expect(config.msi.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.pkg).toMatchObject({ installLocation: '/Applications', isRelocatable: false });
    expect(config.portable.requestExecutionLevel).toBe('user');
  });

  it('signs macOS with the hardened runtime, a valid entitlements plist and notarization from the environment', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, entitlements: 'build/entitlements.mac.plist' });
    const entitlements = plist.parse(readFileSync(`${ROOT}build/entitlements.mac.plist`, 'utf8')) as Record<string, unknown>;
    expect(entitlements).toEqual({ 'com.apple.security.cs.allow-jit': true });
    expect(JSON.stringify(config)).not.toMatch(/APPLE_APP_SPECIFIC_PASSWORD\s*:|password\s*:/i);
  });

  it('flips the Electron fuses of the security checklist', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true });
  });

  it('has real icons: a 512×512 master and the Linux set', () => {
    expect(pngSize(`${ROOT}build/icon.png`)).toEqual({ width: 512, height: 512 });
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(`${ROOT}build/icons/${size}x${size}.png`)).toEqual({ width: size, height: size });
    expect(config.win.icon).toBe('build/icon.png');
    expect(config.linux.icon).toBe('build/icons');
  });

  it('packages the built app, not the sources', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'renderer/dist/**/*', 'package.json']));
    expect(config.files).not.toContain('electron/**/*');
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { main?: string; devDependencies: Record<string, string> };
    expect(pkg.main).toBe('out/main/main.js');
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
    expect(existsSync(`${ROOT}node_modules/app-builder-lib/scheme.json`)).toBe(true);
  });
});
