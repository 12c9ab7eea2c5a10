/**
 * The desktop's own proxy settings, beside the environment variables: on Windows the per-user
 * WinINET settings (Internet Options; what browsers, Office and most desktop programs use) and
 * the machine-wide WinHTTP proxy (services, Windows Update); on macOS the network settings of
 * the active service (`scutil --proxy`). Parsed here, read by the network collector and the
 * proxy check alike.
 */
import type { Platform } from '../../../../shared/types.js';
import type { ExecOptions, ExecResult } from '../../platform/exec.js';
import { decodeWindowsOutput } from '../../platform/windows-output.js';
import { parseRegQuery, regNumber, regString } from './registry.js';
import { commandLine } from './run.js';
import { consoleCodePage, windowsCommandLine } from './windows-run.js';

export interface ProxyServer {
  /** http, https, ftp, socks, or * (one proxy for every protocol). */
  scheme: string;
  host: string;
  port: number;
}

export interface SystemProxy {
  /** Where it comes from, e.g. "WinINET (Internet Options, this user)". */
  source: string;
  /** A manual proxy is switched on (a PAC address or auto-detection can apply without it). */
  enabled: boolean;
  servers: ProxyServer[];
  /** Hosts that go direct (`<local>` = names without a dot). */
  bypass: string[];
  /** Proxy auto-config (PAC) address. */
  pacUrl?: string;
  /** WPAD auto-detection switched on. */
  autoDetect?: boolean;
}

const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443, ftp: 21, socks: 1080, '*': 80 };

function hostPort(text: string, scheme: string): ProxyServer | undefined {
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '');
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(withoutScheme) ?? /^([^:]+)(?::(\d+))?$/.exec(withoutScheme);
  if (!m || !m[1]) return undefined;
  return { scheme, host: m[1], port: m[2] ? Number(m[2]) : (DEFAULT_PORT[scheme] ?? 80) };
}

/**
 * WinINET / WinHTTP proxy lists: `proxy:8080` (every protocol), `http=p:8080;https=p:8443;socks=s:1080`,
 * or with a scheme `http://proxy:8080`.
 */
export function parseProxyServerList(value: string): ProxyServer[] {
  const out: ProxyServer[] = [];
  for (const part of value.split(/[;\s]+/).filter(Boolean)) {
    const eq = /^([a-z]+)=(.+)$/i.exec(part);
    const server = eq ? hostPort(eq[2]!, eq[1]!.toLowerCase()) : hostPort(part, '*');
    if (server) out.push(server);
  }
  return out;
}

export const INTERNET_SETTINGS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';

/** `reg query "HKCU\…\Internet Settings"`: ProxyEnable, ProxyServer, ProxyOverride, AutoConfigURL, AutoDetect. */
export function parseWinInetProxy(regText: string): SystemProxy {
  const key = parseRegQuery(regText).find((k) => /\\Internet Settings$/i.test(k.key));
  const v = key?.values ?? {};
  const server = regString(v.ProxyServer);
  const override = regString(v.ProxyOverride);
  return {
    source: 'WinINET (Internet Options, this user)',
    enabled: regNumber(v.ProxyEnable) === 1,
    servers: server ? parseProxyServerList(server) : [],
    bypass: override ? override.split(';').map((s) => s.trim()).filter(Boolean) : [],
    ...(regString(v.AutoConfigURL) ? { pacUrl: regString(v.AutoConfigURL) } : {}),
    ...(regNumber(v.AutoDetect) !== undefined ? { autoDetect: regNumber(v.AutoDetect) === 1 } : {}),
  };
}

/**
 * `netsh winhttp show proxy`, English or Chinese:
 *   Current WinHTTP proxy settings: / Direct access (no proxy server).
 *   当前的 WinHTTP 代理服务器设置: / 直接访问(没有代理服务器)。
 *   Proxy Server(s) :  proxy:8080 / 代理服务器:  proxy:8080
 *   Bypass List     :  (none)     / 绕过列表     :  (无)
 */
export function parseWinHttpProxy(text: string): SystemProxy {
  let server: string | undefined;
  let bypass: string | undefined;
  for (const line of text.split(/\r*\n/)) {
    const m = /^\s*([^:：]+?)\s*[:：]\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const label = m[1]!;
    if (/Proxy Server|代理服务器/i.test(label) && !/WinHTTP/i.test(label)) server = m[2];
    else if (/Bypass|绕过/i.test(label)) bypass = m[2];
  }
  const none = (s: string | undefined) => !s || /^\((none|无)\)$/i.test(s);
  return {
    source: 'WinHTTP (machine-wide: services, Windows Update)',
    enabled: !none(server),
    servers: none(server) ? [] : parseProxyServerList(server!),
    bypass: none(bypass) ? [] : bypass!.split(/[;,]/).map((s) => s.trim()).filter(Boolean),
  };
}

/** `scutil --proxy` (`<dictionary> { HTTPEnable : 1  HTTPProxy : p  HTTPPort : 8080 … ExceptionsList : <array> { 0 : *.local } }`). */
export function parseScutilProxy(text: string): SystemProxy {
  const values: Record<string, string> = {};
  const exceptions: string[] = [];
  let inExceptions = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (/^ExceptionsList\s*:\s*<array>\s*\{$/.test(t)) {
      inExceptions = true;
      continue;
    }
    if (inExceptions) {
      if (t === '}') inExceptions = false;
      else {
        const m = /^\d+\s*:\s*(.+)$/.exec(t);
        if (m) exceptions.push(m[1]!);
      }
      continue;
    }
    const m = /^([A-Za-z0-9_]+)\s*:\s*(.*)$/.exec(t);
    if (m) values[m[1]!] = m[2]!;
  }
  const servers: ProxyServer[] = [];
  for (const [prefix, scheme] of [
    ['HTTP', 'http'],
    ['HTTPS', 'https'],
    ['SOCKS', 'socks'],
    ['FTP', 'ftp'],
  ] as const) {
    if (values[`${prefix}Enable`] === '1' && values[`${prefix}Proxy`]) {
      servers.push({ scheme, host: values[`${prefix}Proxy`]!, port: Number(values[`${prefix}Port`] ?? DEFAULT_PORT[scheme]) });
    }
  }
  const pacOn = values.ProxyAutoConfigEnable === '1';
  return {
    source: 'macOS network settings (scutil --proxy)',
    enabled: servers.length > 0,
    servers,
    bypass: [...exceptions, ...(values.ExcludeSimpleHostnames === '1' ? ['<local>'] : [])],
    ...(pacOn && values.ProxyAutoConfigURLString ? { pacUrl: values.ProxyAutoConfigURLString } : {}),
    ...(values.ProxyAutoDiscoveryEnable !== undefined ? { autoDetect: values.ProxyAutoDiscoveryEnable === '1' } : {}),
  };
}

/** One line per setting, for the network text. */
export function formatSystemProxy(p: SystemProxy): string {
  const servers = p.servers.map((s) => `${s.scheme === '*' ? '' : `${s.scheme}=`}${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}`).join('; ');
  const parts = [p.enabled ? `proxy ${servers || '(switched on, no address)'}` : servers ? `proxy switched off (${servers} configured)` : 'no proxy'];
  if (p.pacUrl) parts.push(`PAC ${p.pacUrl}`);
  if (p.autoDetect) parts.push('auto-detect (WPAD) on');
  if (p.bypass.length) parts.push(`bypass ${p.bypass.join(';')}`);
  return `${p.source}: ${parts.join(', ')}`;
}

type Exec = (command: string, args: string[], options?: ExecOptions) => Promise<ExecResult>;

export interface SystemProxyReading {
  proxies: SystemProxy[];
  /** The commands' own output, for the archive. */
  raws: Array<{ cmd: string; text: string }>;
  problems: Array<{ source: string; reason: string }>;
}

/** The commands that tell the desktop's proxy settings. */
export function systemProxyCommands(platform: Platform): Array<{ command: string; args: string[]; parse: (text: string) => SystemProxy }> {
  if (platform === 'win32') {
    return [
      { command: 'reg', args: ['query', INTERNET_SETTINGS_KEY], parse: parseWinInetProxy },
      { command: 'netsh', args: ['winhttp', 'show', 'proxy'], parse: parseWinHttpProxy },
    ];
  }
  if (platform === 'darwin') return [{ command: 'scutil', args: ['--proxy'], parse: parseScutilProxy }];
  return [];
}

/** Reads and parses the desktop's proxy settings; a command that fails is a problem, not an error. */
export async function readSystemProxies(exec: Exec, platform: Platform): Promise<SystemProxyReading> {
  const reading: SystemProxyReading = { proxies: [], raws: [], problems: [] };
  const commands = systemProxyCommands(platform);
  if (commands.length === 0) return reading;
  const cp = platform === 'win32' ? await consoleCodePage(exec) : undefined;
  const show = platform === 'win32' ? windowsCommandLine : commandLine;
  await Promise.all(
    commands.map(async (c) => {
      const source = show(c.command, c.args);
      try {
        const r = await exec(c.command, c.args, { timeoutMs: 5_000, maxBytes: 1024 * 1024 });
        const text = platform === 'win32' ? decodeWindowsOutput(r.stdout, cp) : r.stdout.toString('utf8');
        if (r.code !== 0 || r.timedOut) {
          reading.problems.push({ source, reason: r.timedOut ? 'timed out' : `exited with code ${r.code}` });
          return;
        }
        reading.raws.push({ cmd: source, text });
        reading.proxies.push(c.parse(text));
      } catch (err) {
        reading.problems.push({ source, reason: err instanceof Error ? err.message : String(err) });
      }
    }),
  );
  // Same order whatever finished first.
  const order = commands.map((c) => show(c.command, c.args));
  reading.raws.sort((a, b) => order.indexOf(a.cmd) - order.indexOf(b.cmd));
  reading.proxies.sort((a, b) => a.source.localeCompare(b.source));
  return reading;
}
