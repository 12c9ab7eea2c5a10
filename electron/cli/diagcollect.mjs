#!/usr/bin/env node
// The `diagcollect` command. `npm ci` builds one bundled file (dist/cli/main.mjs, via the
// `prepare` script) that starts in about half the time of compiling TypeScript on the fly; when
// that bundle is missing or older than any source file (a developer edited the code), the
// TypeScript sources run directly through tsx. Either way no build step is needed by hand.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Ctrl-C / SIGTERM before a command has installed its own handling (collect cancels cleanly,
// electron/cli/signals.ts): nothing was started yet, so end at once with the documented 130.
const earlyExit = (signal) => {
  if (process.listenerCount(signal) === 1) process.exit(130);
};
process.on('SIGINT', earlyExit);
process.on('SIGTERM', earlyExit);

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = `${root}dist/cli/main.mjs`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    return built >= Math.max(newestSource(`${root}electron`), newestSource(`${root}shared`), statSync(`${root}package.json`).mtimeMs);
  } catch {
    return false;
  }
}

// `diagcollect list | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

let main;
if (process.env.DIAGCOLLECT_FROM_SOURCE !== '1' && bundleIsFresh()) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
const code = await main(process.argv);
process.exitCode = code;
// Exit explicitly once the output is flushed: a process some tool left behind (holding a pipe or
// a handle) must not keep diagcollect alive after its work is done.
const quit = () => process.exit(code);
setTimeout(quit, 2000);
process.stdout.write('', () => process.stderr.write('', quit));
