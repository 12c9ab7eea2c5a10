/**
 * Node built-ins the network checks use, loaded on first use instead of at start: `check` and
 * `list` load the check modules, and http, https, tls and dns cost ~18 ms of CPU to load — most
 * of it for probes a `check --only uptime` never runs (issue 13, item 8: start-up ≤ 2× `node -e 0`).
 * `process.getBuiltinModule` is synchronous, so callers stay as they were. Each module is named in
 * an `import type` below, so the layering check sees the edge (as windows-output.ts does for
 * iconv-lite); only Node's own modules are loaded here.
 */
import type * as Dns from 'node:dns';
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import type * as Tls from 'node:tls';

// eslint-disable-next-line no-restricted-syntax -- a Node built-in, named in the `import type` above
export const http = (): typeof Http => process.getBuiltinModule('node:http');
// eslint-disable-next-line no-restricted-syntax -- a Node built-in, named in the `import type` above
export const https = (): typeof Https => process.getBuiltinModule('node:https');
// eslint-disable-next-line no-restricted-syntax -- a Node built-in, named in the `import type` above
export const tls = (): typeof Tls => process.getBuiltinModule('node:tls');
// eslint-disable-next-line no-restricted-syntax -- a Node built-in, named in the `import type` above
export const dns = (): typeof Dns => process.getBuiltinModule('node:dns');
