import { readFileSync } from 'node:fs';

/**
 * This tool's version, read from the repo's package.json at run time (the same file ships inside
 * the Electron app and the CLI package), so there is one place to bump it.
 */
export const TOOL_VERSION: string = readVersion();

function readVersion(): string {
  try {
    // Read, not imported: createRequire is banned in layered code (it hides imports from the layering check).
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0-unknown';
  } catch {
    return '0.0.0-unknown';
  }
}
