/**
 * 系统信息 on Windows, beyond what systeminformation gives: the edition, release and build from
 * the registry (Windows 11 still says "Windows 10" in ProductName — the build tells), installed
 * updates (Get-HotFix; `wmic qfe` only when PowerShell fails — wmic is gone from Windows 11 24H2),
 * Microsoft Defender's state, the firewall profiles, and the volumes with their free space.
 */
import type { FileSystemRow } from './system.js';
import { csvRecords } from './support/csv.js';
import { formatWindowsVersion, NT_CURRENT_VERSION_KEY, parseRegQuery, parseWindowsVersion, regString, type WindowsVersion } from './support/registry.js';
import { virtualHostOf, type HardwareFacts } from './support/system-facts.js';
import { powershellArgs, powershellDisplay } from './support/run.js';
import { formatFields, formatTable, heading } from './support/text.js';
import { windowsText } from './support/windows-run.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export const VOLUMES_SCRIPT = 'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,FileSystem,Size,FreeSpace,VolumeName,DriveType | ConvertTo-Json -Compress';
export const HOTFIX_SCRIPT =
  "Get-HotFix | Select-Object HotFixID,Description,@{n='InstalledOn';e={if ($_.InstalledOn) { $_.InstalledOn.ToString('yyyy-MM-dd') }}},InstalledBy | ConvertTo-Csv -NoTypeInformation";
export const DEFENDER_FIELDS = [
  'AMServiceEnabled',
  'AntivirusEnabled',
  'RealTimeProtectionEnabled',
  'BehaviorMonitorEnabled',
  'IoavProtectionEnabled',
  'IsTamperProtected',
  'AMRunningMode',
  'AMProductVersion',
  'AntivirusSignatureVersion',
  'AntivirusSignatureLastUpdated',
  'QuickScanEndTime',
];
export const DEFENDER_SCRIPT = `Get-MpComputerStatus -ErrorAction Stop | Select-Object ${DEFENDER_FIELDS.join(',')} | ConvertTo-Json -Compress`;
/** The maker and model as the firmware reports them (what systeminformation's system() read via WMI). */
export const BIOS_KEY = 'HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS';
export const WMIC_QFE = { command: 'wmic', args: ['qfe', 'get', 'HotFixID,Description,InstalledOn,InstalledBy', '/format:csv'] };

export function windowsSystemPlan(): PlannedCommand[] {
  return [
    { command: 'reg', args: ['query', NT_CURRENT_VERSION_KEY], purpose: 'edition, release (DisplayVersion) and build with its update revision (CurrentBuild, UBR)' },
    { command: 'powershell.exe', args: powershellArgs(VOLUMES_SCRIPT), display: powershellDisplay(VOLUMES_SCRIPT), purpose: 'volumes (Win32_LogicalDisk) and their free space' },
    { command: 'powershell.exe', args: powershellArgs(HOTFIX_SCRIPT), display: powershellDisplay(HOTFIX_SCRIPT), purpose: 'installed updates' },
    { ...WMIC_QFE, purpose: 'installed updates, only when Get-HotFix fails (wmic is removed from Windows 11 24H2)' },
    { command: 'powershell.exe', args: powershellArgs(DEFENDER_SCRIPT), display: powershellDisplay(DEFENDER_SCRIPT), purpose: 'Microsoft Defender: protection switched on, signature age' },
    { command: 'netsh', args: ['advfirewall', 'show', 'allprofiles', 'state'], purpose: 'Windows Firewall: on or off in each profile' },
    { command: 'reg', args: ['query', BIOS_KEY], purpose: 'computer maker and model, and whether it is a virtual machine (SystemManufacturer, SystemProductName)' },
  ];
}

export interface Hotfix {
  id: string;
  description: string;
  installedOn: string;
  installedBy: string;
}

/** Get-HotFix | ConvertTo-Csv (HOTFIX_SCRIPT), or `wmic qfe … /format:csv` (a Node column first, `\r\r\n`). */
export function parseHotfixCsv(text: string): Hotfix[] {
  return csvRecords(text)
    .map((r) => ({ id: r.HotFixID ?? '', description: r.Description ?? '', installedOn: r.InstalledOn ?? '', installedBy: r.InstalledBy ?? '' }))
    .filter((h) => h.id);
}

/** PowerShell 5.1's JSON dates: "/Date(1705286400000)/" → ISO; other values as they are. */
export function psDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\/Date\((-?\d+)\)\/$/.exec(value);
  return m ? new Date(Number(m[1])).toISOString() : value;
}

export interface DefenderState {
  serviceEnabled?: boolean;
  antivirusEnabled?: boolean;
  realTimeProtection?: boolean;
  behaviorMonitor?: boolean;
  tamperProtected?: boolean;
  runningMode?: string;
  productVersion?: string;
  signatureVersion?: string;
  signatureUpdated?: string;
  quickScanEnded?: string;
}

export function parseDefenderJson(json: string): DefenderState {
  const d = JSON.parse(json.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const b = (k: string) => (typeof d[k] === 'boolean' ? (d[k] as boolean) : undefined);
  const s = (k: string) => (typeof d[k] === 'string' && d[k] !== '' ? (d[k] as string) : undefined);
  return {
    serviceEnabled: b('AMServiceEnabled'),
    antivirusEnabled: b('AntivirusEnabled'),
    realTimeProtection: b('RealTimeProtectionEnabled'),
    behaviorMonitor: b('BehaviorMonitorEnabled'),
    tamperProtected: b('IsTamperProtected'),
    runningMode: s('AMRunningMode'),
    productVersion: s('AMProductVersion'),
    signatureVersion: s('AntivirusSignatureVersion'),
    signatureUpdated: psDate(d.AntivirusSignatureLastUpdated),
    quickScanEnded: psDate(d.QuickScanEndTime),
  };
}

export interface FirewallProfile {
  profile: 'Domain' | 'Private' | 'Public';
  state: 'on' | 'off' | 'unknown';
  /** The state as printed (ON, 启用, 打开 …). */
  raw: string;
}

const PROFILES: Array<[RegExp, FirewallProfile['profile']]> = [
  [/^(Domain Profile|域配置文件)/i, 'Domain'],
  [/^(Private Profile|专用配置文件)/i, 'Private'],
  [/^(Public Profile|公用配置文件)/i, 'Public'],
];

/**
 * `netsh advfirewall show allprofiles state`, English or Chinese: "Domain Profile Settings:" /
 * "域配置文件 设置:", then "State   ON" / "状态   启用" (also 打开 / 关闭 / 禁用 by version).
 */
export function parseFirewallState(text: string): FirewallProfile[] {
  const out: FirewallProfile[] = [];
  let current: FirewallProfile['profile'] | undefined;
  for (const line of text.split(/\r*\n/)) {
    const t = line.trim();
    const p = PROFILES.find(([re]) => re.test(t));
    if (p) {
      current = p[1];
      continue;
    }
    const m = /^(State|状态)\s+(\S+)/i.exec(t);
    if (m && current) {
      const v = m[2]!;
      const state = /^(on|启用|打开|开启|开)$/i.test(v) ? 'on' : /^(off|关闭|禁用|关)$/i.test(v) ? 'off' : 'unknown';
      out.push({ profile: current, state, raw: v });
      current = undefined;
    }
  }
  return out;
}

/** Win32_LogicalDisk as JSON → the same rows df gives on Linux and macOS. */
export function parseLogicalDisks(json: string): FileSystemRow[] {
  const parsed = JSON.parse(json.replace(/^\uFEFF/, '') || '[]') as unknown;
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
  return list.map((d) => {
    const size = Number(d.Size ?? 0);
    const free = Number(d.FreeSpace ?? 0);
    return {
      filesystem: String(d.VolumeName ?? ''),
      type: String(d.FileSystem ?? ''),
      sizeBytes: size,
      usedBytes: size - free,
      availableBytes: free,
      usePercent: size > 0 ? Math.round(((size - free) / size) * 100) : null,
      mount: String(d.DeviceID ?? ''),
    };
  });
}

export async function windowsVolumes(ctx: CollectorContext): Promise<FileSystemRow[]> {
  const out = await windowsText(ctx, 'powershell.exe', powershellArgs(VOLUMES_SCRIPT), { utf8: true, timeoutMs: 15_000, source: 'Get-CimInstance Win32_LogicalDisk' });
  if (!out) return [];
  try {
    return parseLogicalDisks(out.text);
  } catch (err) {
    ctx.warn(`Get-CimInstance Win32_LogicalDisk: unexpected output (${(err as Error).message})`);
    return [];
  }
}

export interface WindowsSystemFacts {
  version?: WindowsVersion;
  hotfixes?: Hotfix[];
  hotfixSource?: string;
  defender?: DefenderState;
  firewall?: FirewallProfile[];
  hardware?: HardwareFacts;
}

/** `reg query …\System\BIOS` → maker, model, version and the hypervisor it names. */
export function parseBiosKey(text: string): HardwareFacts | undefined {
  const values = parseRegQuery(text)[0]?.values ?? {};
  const manufacturer = regString(values.SystemManufacturer);
  const model = regString(values.SystemProductName);
  if (!manufacturer && !model) return undefined;
  const host = virtualHostOf(manufacturer, model);
  return { manufacturer: manufacturer ?? '', model: model ?? '', version: regString(values.SystemVersion) ?? '', virtual: Boolean(host), virtualHost: host ?? '' };
}

export async function windowsSystemFacts(ctx: CollectorContext): Promise<WindowsSystemFacts> {
  const [reg, , hotfix, , defender, firewall, bios] = windowsSystemPlan();
  const [regOut, hotfixOut, defenderOut, firewallOut, biosOut] = await Promise.all([
    windowsText(ctx, reg!.command, reg!.args, { timeoutMs: 10_000 }),
    windowsText(ctx, hotfix!.command, hotfix!.args, { utf8: true, timeoutMs: 20_000, source: 'Get-HotFix' }),
    windowsText(ctx, defender!.command, defender!.args, { utf8: true, timeoutMs: 15_000, source: 'Get-MpComputerStatus' }),
    windowsText(ctx, firewall!.command, firewall!.args, { timeoutMs: 10_000 }),
    windowsText(ctx, bios!.command, bios!.args, { timeoutMs: 10_000 }),
  ]);
  const facts: WindowsSystemFacts = {};
  const hardware = biosOut ? parseBiosKey(biosOut.text) : undefined;
  if (hardware) facts.hardware = hardware;
  if (regOut) facts.version = parseWindowsVersion(regOut.text);
  if (hotfixOut) {
    facts.hotfixes = parseHotfixCsv(hotfixOut.text);
    facts.hotfixSource = 'Get-HotFix';
  } else {
    const wmic = await windowsText(ctx, WMIC_QFE.command, WMIC_QFE.args, { timeoutMs: 20_000, missing: 'wmic is not installed (removed from Windows 11 24H2 and later); Get-HotFix failed too, so installed updates are not listed' });
    if (wmic) {
      facts.hotfixes = parseHotfixCsv(wmic.text);
      facts.hotfixSource = 'wmic qfe';
    }
  }
  if (defenderOut) {
    try {
      facts.defender = parseDefenderJson(defenderOut.text);
    } catch (err) {
      ctx.warn(`Get-MpComputerStatus: unexpected output (${(err as Error).message})`);
    }
  }
  if (firewallOut) facts.firewall = parseFirewallState(firewallOut.text);
  return facts;
}

const yesNo = (L: (zh: string, en: string) => string, v: boolean | undefined) => (v === undefined ? undefined : v ? L('是', 'yes') : L('否', 'no'));

/** The Windows sections of 系统信息.txt. */
export function formatWindowsSystem(f: WindowsSystemFacts, L: (zh: string, en: string) => string): string {
  let text = '';
  if (f.version) {
    text += `\n${heading(L('Windows 版本', 'Windows version'), 2)}`;
    text += formatFields([
      [L('版本', 'Edition'), formatWindowsVersion(f.version)],
      [L('注册表 ProductName', 'Registry ProductName'), f.version.productName !== f.version.name ? `${f.version.productName} (${L('Windows 11 的注册表仍写 Windows 10', 'Windows 11 still says Windows 10 there')})` : undefined],
      ['EditionID', f.version.edition],
      [L('版本号', 'Version'), f.version.version],
      [L('安装类型', 'Installation type'), f.version.installationType],
    ]);
  }
  if (f.hotfixes) {
    text += `\n${heading(`${L('已安装的更新', 'Installed updates')} (${f.hotfixSource}) — ${f.hotfixes.length}`, 2)}`;
    const sorted = [...f.hotfixes].sort((a, b) => b.installedOn.localeCompare(a.installedOn));
    text += formatTable([L('更新', 'Update'), L('类型', 'Description'), L('安装日期', 'Installed on'), L('安装者', 'Installed by')], sorted.map((h) => [h.id, h.description, h.installedOn, h.installedBy]));
  }
  if (f.defender) {
    const d = f.defender;
    text += `\n${heading('Microsoft Defender', 2)}`;
    text += formatFields([
      [L('防病毒服务', 'Antimalware service'), yesNo(L, d.serviceEnabled)],
      [L('防病毒', 'Antivirus'), yesNo(L, d.antivirusEnabled)],
      [L('实时保护', 'Real-time protection'), yesNo(L, d.realTimeProtection)],
      [L('行为监视', 'Behavior monitor'), yesNo(L, d.behaviorMonitor)],
      [L('篡改防护', 'Tamper protection'), yesNo(L, d.tamperProtected)],
      [L('运行模式', 'Running mode'), d.runningMode],
      [L('引擎版本', 'Product version'), d.productVersion],
      [L('病毒库版本', 'Signature version'), d.signatureVersion],
      [L('病毒库更新于', 'Signatures updated'), d.signatureUpdated],
      [L('上次快速扫描', 'Last quick scan'), d.quickScanEnded],
    ]);
  }
  if (f.firewall) {
    text += `\n${heading(L('Windows 防火墙', 'Windows Firewall'), 2)}`;
    const label = { Domain: L('域', 'Domain'), Private: L('专用', 'Private'), Public: L('公用', 'Public') };
    const state = { on: L('开启', 'on'), off: L('关闭', 'off'), unknown: L('未知', 'unknown') };
    text += formatTable([L('配置文件', 'Profile'), L('状态', 'State')], f.firewall.map((p) => [label[p.profile], `${state[p.state]}${p.state === 'unknown' ? ` (${p.raw})` : ''}`]));
  }
  return text;
}
