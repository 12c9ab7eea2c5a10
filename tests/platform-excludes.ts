/**
 * Test files that exercise Linux itself, and are left out of `vitest run` on the Windows and
 * macOS CI runners (.github/workflows/desktop-os.yml). There, the Windows and macOS code is
 * tested on real command output kept as fixtures (tests/fixtures/win32, tests/fixtures/darwin)
 * and by the live tests that run the real tools (tests/unit/engine/collectors/desktop-live.test.ts).
 *
 * Each entry says why. Tests that only need a POSIX shell (stand-in commands are `#!/bin/sh`
 * scripts) are left out on Windows only; new tests gate such describes themselves with
 * `describe.skipIf(process.platform === 'win32')`.
 */

/** Real Linux: /proc, journalctl, ip, dpkg, procps, GNU df, Xvfb, FIFOs, process groups. */
export const LINUX_ONLY: Record<string, string> = {
  'tests/unit/engine/collectors/network.test.ts': 'ip -j, /etc/resolv.conf, resolvectl of this machine',
  'tests/unit/engine/collectors/system-logs.test.ts': 'journalctl and dmesg of this machine',
  'tests/unit/engine/collectors/software.test.ts': 'dpkg-query of this machine',
  'tests/unit/engine/collectors/processes.test.ts': 'procps ps (user:32 widths)',
  'tests/unit/engine/collectors/screenshot.test.ts': 'a real X server (Xvfb) and ImageMagick',
  'tests/unit/engine/collectors/system.test.ts': 'GNU df -T',
  'tests/unit/engine/collectors/versions.test.ts': '/etc/os-release and dpkg',
  'tests/unit/engine/checks/environment.test.ts': '/etc/os-release, POSIX stand-in browsers',
  'tests/unit/engine/checks/network.test.ts': 'the default gateway from /proc/net/route and ip neigh',
  'tests/unit/engine/platform/exec.test.ts': '/proc/<pid>/stat, process groups, pgrep',
  'tests/unit/engine/platform/files.test.ts': 'FIFOs, sockets, devices, unreadable files as another user',
  'tests/unit/engine/platform/paths.test.ts': 'mkfifo, symbolic links',
  'tests/unit/engine/session.test.ts': '/proc/<pid>/cmdline to prove process trees are killed',
};

/** A POSIX shell, file modes or the unzip command: fine on macOS, not on Windows. */
export const POSIX_ONLY: Record<string, string> = {
  'tests/unit/engine/checks/version.test.ts': 'stand-in commands are #!/bin/sh scripts',
  'tests/unit/engine/archive/zip-writer.test.ts': 'unzip -t as the independent checker',
  'tests/unit/engine/upload/credentials.test.ts': 'POSIX file modes (chmod 600)',
  'tests/unit/engine/link/signed-link.test.ts': 'POSIX file modes (chmod 600)',
  'tests/unit/build/it-scripts.test.ts': 'executable #!/bin/sh stand-ins',
};

/** The files left out on `platform`. */
export function platformExcludes(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'linux') return [];
  return [...Object.keys(LINUX_ONLY), ...(platform === 'win32' ? Object.keys(POSIX_ONLY) : [])];
}
