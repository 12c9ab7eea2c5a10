/**
 * `reg query` output, parsed. The shape (the same in every Windows language, only the default
 * value's name is localized: `(Default)`, `(默认)`):
 *
 *   HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\7-Zip
 *       DisplayName    REG_SZ    7-Zip 23.01 (x64)
 *       NoModify    REG_DWORD    0x1
 *       Comments    REG_SZ
 *
 * A key line starts at column 0; each value is indented by four spaces, then name, type and data
 * separated by four spaces (an empty string has no data part at all).
 */

export interface RegValue {
  type: string;
  /** The data as printed: REG_DWORD as `0x1`, REG_MULTI_SZ joined with `\0`, REG_BINARY as hex. */
  data: string;
}

export interface RegKey {
  /** The full key path, e.g. HKEY_LOCAL_MACHINE\SOFTWARE\… */
  key: string;
  /** Values by name; the default value is under '' (printed as "(Default)" / "(默认)"). */
  values: Record<string, RegValue>;
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;
const DEFAULT_NAMES = new Set(['(Default)', '(默认)', '(預設)', '(既定)', '(Standard)', '(Par défaut)']);

/** Every key in `reg query` output with its values (keys without values too, e.g. subkeys). */
export function parseRegQuery(text: string): RegKey[] {
  const keys: RegKey[] = [];
  let current: RegKey | undefined;
  for (const raw of text.split(/\r*\n/)) {
    // Trailing blanks carry nothing (an empty string may or may not be followed by them).
    const line = raw.replace(/\s+$/, '');
    if (/^HKEY_[A-Z_]+(\\|$)/.test(line)) {
      current = { key: line, values: {} };
      keys.push(current);
      continue;
    }
    const m = VALUE_LINE.exec(line);
    if (m && current) {
      const name = DEFAULT_NAMES.has(m[1]!) ? '' : m[1]!;
      current.values[name] = { type: m[2]!, data: m[3] ?? '' };
    }
  }
  return keys;
}

/** A REG_DWORD / REG_QWORD printed as `0x24f1` → 9457; undefined when it is not a number. */
export function regNumber(value: RegValue | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^0x([0-9a-f]+)$/i.exec(value.data.trim());
  if (m) return parseInt(m[1]!, 16);
  return /^\d+$/.test(value.data.trim()) ? Number(value.data.trim()) : undefined;
}

/** A string value's data, or undefined when the value is missing or empty. */
export function regString(value: RegValue | undefined): string | undefined {
  const data = value?.data.trim();
  return data ? data : undefined;
}

/** The strings of a REG_MULTI_SZ value (reg prints them joined with `\0`). */
export function regMultiString(value: RegValue | undefined): string[] {
  return (value?.data ?? '').split('\\0').filter((s) => s !== '');
}

export interface WindowsVersion {
  /** ProductName as the registry says it ("Windows 10 Pro" also on Windows 11). */
  productName: string;
  /** The name to show: "Windows 11 Pro" for builds 22000 and later. */
  name: string;
  edition?: string;
  /** 23H2, 22H2 (DisplayVersion), or the older ReleaseId (1909). */
  displayVersion?: string;
  build?: number;
  ubr?: number;
  /** `10.0.22631.2861`: comparable with policy minimum versions. */
  version?: string;
  installationType?: string;
}

/** `reg query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"` → the Windows edition, release and build. */
export function parseWindowsVersion(text: string): WindowsVersion | undefined {
  const key = parseRegQuery(text).find((k) => /\\Windows NT\\CurrentVersion$/i.test(k.key)) ?? parseRegQuery(text)[0];
  if (!key) return undefined;
  const v = key.values;
  const productName = regString(v.ProductName);
  if (!productName) return undefined;
  const build = Number(regString(v.CurrentBuild) ?? regString(v.CurrentBuildNumber) ?? NaN);
  const ubr = regNumber(v.UBR);
  const major = regNumber(v.CurrentMajorVersionNumber);
  const minor = regNumber(v.CurrentMinorVersionNumber);
  const base = major !== undefined ? `${major}.${minor ?? 0}` : regString(v.CurrentVersion);
  const hasBuild = Number.isFinite(build);
  // Windows 11 kept "Windows 10" in ProductName; its builds start at 22000.
  const name = hasBuild && build >= 22000 && /^Windows 10\b/.test(productName) && !/Server/i.test(productName) ? productName.replace(/^Windows 10/, 'Windows 11') : productName;
  return {
    productName,
    name,
    edition: regString(v.EditionID),
    displayVersion: regString(v.DisplayVersion) ?? regString(v.ReleaseId),
    build: hasBuild ? build : undefined,
    ubr,
    version: base && hasBuild ? `${base}.${build}${ubr !== undefined ? `.${ubr}` : ''}` : undefined,
    installationType: regString(v.InstallationType),
  };
}

/** "Windows 11 Pro 23H2 (build 22631.2861)" */
export function formatWindowsVersion(v: WindowsVersion): string {
  const build = v.build === undefined ? '' : ` (build ${v.build}${v.ubr !== undefined ? `.${v.ubr}` : ''})`;
  return `${v.name}${v.displayVersion ? ` ${v.displayVersion}` : ''}${build}`;
}

/** The key every Windows version reader asks. */
export const NT_CURRENT_VERSION_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
