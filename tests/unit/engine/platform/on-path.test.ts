/** onPath (electron/engine/platform/on-path.ts): real folders and files, a PATH of our own. */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPath, surelyNotOnPath } from '../../../../electron/engine/platform/on-path.js';

describe('onPath', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await mkdtemp(join(os.tmpdir(), 'on-path-a-'));
    b = await mkdtemp(join(os.tmpdir(), 'on-path-b-'));
    await writeFile(join(b, 'tool'), '#!/bin/sh\n');
    await chmod(join(b, 'tool'), 0o755);
    await writeFile(join(a, 'plain'), 'not a program\n');
    await chmod(join(a, 'plain'), 0o644);
    await writeFile(join(a, 'winget.EXE'), '');
  });
  afterAll(async () => {
    await rm(a, { recursive: true, force: true });
    await rm(b, { recursive: true, force: true });
  });

  it.skipIf(process.platform === 'win32')('finds an executable in any folder of PATH, skipping empty entries', async () => {
    expect(await onPath('tool', { PATH: `${a}::${b}` }, 'linux')).toBe(true);
    expect(await onPath('tool', { PATH: a }, 'linux')).toBe(false);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('does not take a file that is not executable', async () => {
    expect(await onPath('plain', { PATH: a }, 'linux')).toBe(false);
  });

  it('is false without PATH, for an empty name and for a name with a slash', async () => {
    expect(await onPath('tool', {}, 'linux')).toBe(false);
    expect(await onPath('', { PATH: b }, 'linux')).toBe(false);
    expect(await onPath(`../${b.split('/').at(-1)}/tool`, { PATH: b }, 'linux')).toBe(false);
  });

  it("on Windows, tries PATHEXT's extensions as cmd does", async () => {
    expect(await onPath('winget', { PATH: a, PATHEXT: '.COM;.EXE' }, 'win32')).toBe(true);
    expect(await onPath('winget', { PATH: a, PATHEXT: '.BAT' }, 'win32')).toBe(false);
  });
});

describe('surelyNotOnPath', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = await mkdtemp(join(os.tmpdir(), 'not-on-path-a-'));
    b = await mkdtemp(join(os.tmpdir(), 'not-on-path-b-'));
    await writeFile(join(b, 'tool'), '#!/bin/sh\n');
    await chmod(join(b, 'tool'), 0o755);
    await writeFile(join(a, 'plain'), 'not a program\n');
    await chmod(join(a, 'plain'), 0o644);
  });
  afterAll(async () => {
    await rm(a, { recursive: true, force: true });
    await rm(b, { recursive: true, force: true });
  });

  it('is true only when no folder of PATH holds a file of that name', async () => {
    expect(await surelyNotOnPath('tool', { PATH: a }, a, 'linux')).toBe(true);
    expect(await surelyNotOnPath('tool', { PATH: `${a}:${b}` }, a, 'linux')).toBe(false);
    // A missing folder, or a file where a folder should be, holds nothing either.
    expect(await surelyNotOnPath('tool', { PATH: `${join(a, 'gone')}:${join(a, 'plain')}:${a}` }, a, 'linux')).toBe(true);
  });

  it('is false for a file that is there but may not start: the system gives that error, not "not found"', async () => {
    expect(await surelyNotOnPath('plain', { PATH: a }, a, 'linux')).toBe(false);
  });

  it('reads an empty entry and a relative one against the working directory, as the exec search does', async () => {
    expect(await surelyNotOnPath('tool', { PATH: `${a}:` }, b, 'linux')).toBe(false);
    expect(await surelyNotOnPath('tool', { PATH: `${a}::/nonexistent` }, a, 'linux')).toBe(true);
    expect(await surelyNotOnPath('tool', { PATH: '.' }, b, 'linux')).toBe(false);
    expect(await surelyNotOnPath('tool', { PATH: '.' }, a, 'linux')).toBe(true);
  });

  it('is false when it cannot be sure: no PATH or an empty one, a name with a slash, Windows', async () => {
    expect(await surelyNotOnPath('no-such-tool-xyz', {}, a, 'linux')).toBe(false);
    expect(await surelyNotOnPath('no-such-tool-xyz', { PATH: '' }, a, 'linux')).toBe(false);
    expect(await surelyNotOnPath('./no-such-tool-xyz', { PATH: a }, a, 'linux')).toBe(false);
    expect(await surelyNotOnPath('', { PATH: a }, a, 'linux')).toBe(false);
    expect(await surelyNotOnPath('no-such-tool-xyz', { PATH: a }, a, 'win32')).toBe(false);
  });
});
