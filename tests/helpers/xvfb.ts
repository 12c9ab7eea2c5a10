/** A real X server for the recorder's tests: Xvfb on a free display, with the tools it needs checked first. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/** Starts Xvfb with one screen of `screen` (e.g. "1280x800x24") once `tools` are on PATH; throws how to install them. */
export async function startXvfb(screen: string, tools: readonly string[], install: string): Promise<{ display: string; server: ChildProcess }> {
  if (spawnSync('sh', ['-c', ['Xvfb', ...tools].map((t) => `command -v ${t}`).join(' && ')]).status !== 0) throw new Error(`this test needs a real X server and tools: ${install} (.ci/run installs them)`);
  const server = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', screen, '-nolisten', 'tcp', '-noreset'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    server.stdout!.once('data', (d: Buffer) => {
      clearTimeout(timer);
      resolve(`:${d.toString().trim()}`);
    });
  });
  return { display, server };
}
