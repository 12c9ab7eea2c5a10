/**
 * 系统环境检查 — installed browsers and their versions against the policy's minimums.
 * Linux: `<browser> --version` for the usual command names; macOS: the app bundle's
 * CFBundleShortVersionString; Windows: the App Paths registry entries' file versions.
 * Without `checks.browsers` in policy the browsers are listed (a warning when there is none).
 */
import { BROWSER_NAMES, type BrowserName } from '../../../shared/vocabulary.js';
import { powershellArgs } from '../collectors/support/run.js';
import { firstLine } from '../collectors/support/text.js';
import { ADVICE } from './advice.js';
import { cm, type CheckMessage } from '../../../shared/check-messages.js';
import { compareVersions, extractVersion } from './support/version.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export const BROWSER_LABELS: Record<BrowserName, string> = {
  chromium: 'Chromium',
  firefox: 'Firefox',
  'google-chrome': 'Google Chrome',
  'microsoft-edge': 'Microsoft Edge',
};

/** Command names tried on Linux, in order. */
export const LINUX_BROWSER_COMMANDS: Record<BrowserName, string[]> = {
  chromium: ['chromium', 'chromium-browser'],
  firefox: ['firefox', 'firefox-esr'],
  'google-chrome': ['google-chrome', 'google-chrome-stable'],
  'microsoft-edge': ['microsoft-edge', 'microsoft-edge-stable'],
};

const MAC_APPS: Record<BrowserName, string> = {
  chromium: '/Applications/Chromium.app',
  firefox: '/Applications/Firefox.app',
  'google-chrome': '/Applications/Google Chrome.app',
  'microsoft-edge': '/Applications/Microsoft Edge.app',
};

const WINDOWS_EXE: Partial<Record<BrowserName, string>> = { 'google-chrome': 'chrome.exe', 'microsoft-edge': 'msedge.exe', firefox: 'firefox.exe', chromium: 'chromium.exe' };

export interface FoundBrowser {
  name: BrowserName;
  version: string;
  source: string;
}

const VERSION_TIMEOUT_MS = 5_000;

async function linuxBrowsers(ctx: CheckContext, commands: Record<BrowserName, string[]>): Promise<FoundBrowser[]> {
  const found = await Promise.all(
    BROWSER_NAMES.map(async (name) => {
      for (const cmd of commands[name]) {
        const r = await ctx
          .exec(cmd, ['--version'], { timeoutMs: VERSION_TIMEOUT_MS, maxBytes: 16 * 1024, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', MOZ_HEADLESS: '1' } })
          .catch(() => undefined);
        if (!r || r.code !== 0) continue;
        const line = firstLine(r.stdout.toString('utf8')) || firstLine(r.stderr);
        const v = extractVersion(line);
        if (v) return { name, version: v.text, source: `${cmd} --version` };
      }
      return undefined;
    }),
  );
  return found.filter((b): b is FoundBrowser => b !== undefined);
}

async function macBrowsers(ctx: CheckContext): Promise<FoundBrowser[]> {
  const found = await Promise.all(
    BROWSER_NAMES.map(async (name) => {
      const plist = `${MAC_APPS[name]}/Contents/Info`;
      const r = await ctx.exec('defaults', ['read', plist, 'CFBundleShortVersionString'], { timeoutMs: VERSION_TIMEOUT_MS }).catch(() => undefined);
      const v = r && r.code === 0 ? extractVersion(r.stdout.toString('utf8')) : undefined;
      return v ? { name, version: v.text, source: `${MAC_APPS[name]} (CFBundleShortVersionString)` } : undefined;
    }),
  );
  return found.filter((b): b is FoundBrowser => b !== undefined);
}

async function windowsBrowsers(ctx: CheckContext): Promise<FoundBrowser[]> {
  const pairs = Object.entries(WINDOWS_EXE).map(([k, exe]) => `'${k}'='${exe}'`).join(';');
  const script = `$n=@{${pairs}};$o=@{};foreach($k in $n.Keys){foreach($r in 'HKLM:','HKCU:'){$p=Get-ItemProperty "$r\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\$($n[$k])" -ErrorAction SilentlyContinue;if($p -and $p.'(default)'){$o[$k]=(Get-Item $p.'(default)').VersionInfo.ProductVersion;break}}};$o|ConvertTo-Json -Compress`;
  const r = await ctx.exec('powershell.exe', powershellArgs(script), { timeoutMs: 8_000 }).catch(() => undefined);
  if (!r || r.code !== 0) return [];
  try {
    const map = JSON.parse(r.stdout.toString('utf8') || '{}') as Record<string, string>;
    return Object.entries(map)
      .filter(([k, v]) => (BROWSER_NAMES as readonly string[]).includes(k) && typeof v === 'string' && extractVersion(v))
      .map(([k, v]) => ({ name: k as BrowserName, version: extractVersion(v)!.text, source: `App Paths\\${WINDOWS_EXE[k as BrowserName]}` }));
  } catch {
    return [];
  }
}

export interface BrowsersCheckOptions {
  /** Linux command names per browser (tests). */
  linuxCommands?: Record<BrowserName, string[]>;
}

export function createBrowsersCheck(options: BrowsersCheckOptions = {}): Check {
  return {
    id: 'browsers',
    group: 'environment',
    title: cm('title.browsers'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 10_000,
    async run(ctx): Promise<CheckOutcome> {
      const found =
        ctx.platform === 'linux' ? await linuxBrowsers(ctx, options.linuxCommands ?? LINUX_BROWSER_COMMANDS) : ctx.platform === 'darwin' ? await macBrowsers(ctx) : await windowsBrowsers(ctx);
      const required = ctx.policy.checks.browsers;
      const data = { browsers: found, required };
      const list = found.map((b) => `${BROWSER_LABELS[b.name]} ${b.version}`).join(', ');
      if (required.length === 0) {
        if (found.length === 0) {
          return { status: 'warn', detail: cm('browsers.none'), advice: [ADVICE.installBrowser], data };
        }
        return { status: 'pass', detail: cm('browsers.installed', { list }), data };
      }
      const lines: Array<{ ok: boolean; text: CheckMessage }> = [];
      for (const req of required) {
        const b = found.find((f) => f.name === req.name);
        if (!b) continue;
        const ok = (compareVersions(b.version, req.minVersion) ?? -1) >= 0;
        const label = `${BROWSER_LABELS[b.name]} ${b.version}`;
        lines.push({ ok, text: cm(ok ? 'browsers.ok' : 'browsers.older', { browser: label, min: req.minVersion }) });
      }
      const supportedList = required.map((r) => `${BROWSER_LABELS[r.name]} ≥ ${r.minVersion}`).join(', ');
      if (lines.length === 0) {
        return {
          status: 'fail',
          detail: [cm('browsers.noneSupported', { supported: supportedList }), ...(found.length ? [cm('browsers.alsoInstalled', { list })] : [])],
          advice: [ADVICE.installBrowser],
          data,
        };
      }
      const anyOk = lines.some((l) => l.ok);
      const allOk = lines.every((l) => l.ok);
      return {
        status: allOk ? 'pass' : anyOk ? 'warn' : 'fail',
        detail: lines.map((l) => l.text),
        ...(allOk ? {} : { advice: [ADVICE.updateBrowser] }),
        data,
      };
    },
  };
}

export const browsersCheck: Check = createBrowsersCheck();
