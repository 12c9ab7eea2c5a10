/**
 * vitest globalSetup: the integration tests run the `diagcollect` bin, and the bin runs only the
 * built CLI (dist/cli/main.mjs). When the sources are newer than that build (a developer edited
 * them), rebuild once before the tests, so they test the code in front of them, not yesterday's.
 * `npm ci` builds it too (prepare), so on CI this is a no-op.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function newest(dir: string): Promise<number> {
  let max = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) max = Math.max(max, await newest(path));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) max = Math.max(max, (await stat(path)).mtimeMs);
  }
  return max;
}

export async function setup(): Promise<void> {
  const built = await stat(`${ROOT}dist/cli/main.mjs`).then((s) => s.mtimeMs, () => 0);
  const sources = Math.max(await newest(`${ROOT}electron`), await newest(`${ROOT}shared`), (await stat(`${ROOT}package.json`)).mtimeMs);
  if (built >= sources) return;
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`npm run build:cli failed (exit ${code}): the CLI tests need dist/cli/main.mjs`);
}
