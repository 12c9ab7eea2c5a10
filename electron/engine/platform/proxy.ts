/**
 * Which proxy a program honouring the usual environment variables (curl, apt, most CLI tools
 * and Electron apps started from a shell) would use for a URL: `https_proxy` / `http_proxy` /
 * `all_proxy` in either case, minus the hosts in `no_proxy`. One resolution for everything that
 * goes out: the connectivity checks (checks/support/http-probe.ts, checks/proxy.ts) and the
 * uploads (upload/http.ts), so what the check reports is the path the upload takes. Desktop
 * settings (GNOME, Windows Internet Options) are recorded by the network collector, not used here.
 */

export interface ProxySetting {
  /** The variable it came from, e.g. HTTPS_PROXY. */
  variable: string;
  url: URL;
  /** `host:port`, without credentials: safe to show. */
  display: string;
}

const lookup = (env: NodeJS.ProcessEnv, name: string): [string, string] | undefined => {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim();
    if (value) return [key, value];
  }
  return undefined;
};

/** `http://user:pw@proxy:3128` → URL; a bare `proxy:3128` gets http://. Undefined when unusable. */
export function parseProxyUrl(value: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  if (!URL.canParse(withScheme)) return undefined;
  const url = new URL(withScheme);
  return url.hostname ? url : undefined;
}

export function proxyPort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : url.protocol.startsWith('socks') ? 1080 : 80;
}

/** `proxy.corp:3128` — never the credentials. */
export function displayProxy(url: URL): string {
  return `${url.protocol}//${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${proxyPort(url)}`;
}

/** True when `no_proxy` exempts this host (and port): `*`, `example.com`, `.example.com`, `host:port`, IPs. */
export function bypassesProxy(host: string, port: number, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  for (const raw of noProxy.split(/[,\s]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const portMatch = /^(.*):(\d+)$/.exec(entry);
    if (portMatch && !entry.startsWith('[') && (portMatch[1]!.match(/:/g)?.length ?? 0) === 0) {
      if (Number(portMatch[2]) !== port) continue;
      entry = portMatch[1]!;
    }
    entry = entry.replace(/^\[|\]$/g, '').replace(/^\*?\./, '.');
    if (entry.startsWith('.') ? h.endsWith(entry) || h === entry.slice(1) : h === entry || h.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** `localhost`, `*.localhost`, 127.0.0.0/8, ::1: this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1' || h === '::ffff:127.0.0.1';
}

/**
 * The proxy the environment sets for this URL, or undefined for a direct connection. A loopback
 * target goes through a proxy only when that proxy is on this machine too: a proxy elsewhere
 * would connect to ITS 127.0.0.1 (and see the request, credentials included), never ours.
 */
export function resolveProxy(target: URL, env: NodeJS.ProcessEnv): ProxySetting | undefined {
  const port = target.port ? Number(target.port) : target.protocol === 'https:' ? 443 : 80;
  if (bypassesProxy(target.hostname, port, lookup(env, 'no_proxy')?.[1])) return undefined;
  const found = lookup(env, target.protocol === 'https:' ? 'https_proxy' : 'http_proxy') ?? lookup(env, 'all_proxy');
  if (!found) return undefined;
  const url = parseProxyUrl(found[1]);
  if (!url) return undefined;
  if (isLoopbackHost(target.hostname) && !isLoopbackHost(url.hostname)) return undefined;
  return { variable: found[0], url, display: displayProxy(url) };
}

/** Every proxy variable that is set, with its parsed URL (undefined when it does not parse). */
export function proxyVariables(env: NodeJS.ProcessEnv): Array<{ variable: string; value: string; url?: URL }> {
  return Object.entries(env)
    .filter((e): e is [string, string] => /^(https?|all|ftp)_proxy$/i.test(e[0]) && typeof e[1] === 'string' && e[1].trim() !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([variable, value]) => ({ variable, value, url: parseProxyUrl(value.trim()) }));
}
