#!/usr/bin/env node
// The `diagcollect` command. `npm ci` builds the bundle (dist/cli/main.mjs and its chunks, via
// the `prepare` script): split per command, so each command loads only its own code and
// dependencies (`--version` and `list` never load upload or archive code). When that bundle is
// missing or older than any source file (a developer edited the code), the TypeScript sources run
// directly through tsx. Either way no build step is needed by hand.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
process.exitCode = await main(process.argv);
