/**
 * `--exclude-item` names are checked before anything runs: a name that matches nothing would
 * silently send what the user meant to leave out. A valid name is one of the standard entry
 * names the collectors write, or a file inside one of the standard folders (`软件日志/app.log`).
 * The generated entries (intake, checks, summary, manifest) cannot be left out.
 */
import { STANDARD_NAMES, type ArchiveLanguage, type StandardNameKey } from '../../../shared/naming.js';
import { InputError } from '../errors.js';

const GENERATED: ReadonlySet<StandardNameKey> = new Set(['intake', 'summary', 'checks', 'manifest']);

/** Entry names that may be excluded, and the folders whose files may be. */
export function excludableNames(lang: ArchiveLanguage): { names: string[]; folders: string[] } {
  const names: string[] = [];
  const folders = new Set<string>();
  for (const [key, byLang] of Object.entries(STANDARD_NAMES) as [StandardNameKey, Record<ArchiveLanguage, string>][]) {
    const name = byLang[lang];
    if (name.endsWith('/')) folders.add(name);
    else if (!GENERATED.has(key)) {
      names.push(name);
      const slash = name.indexOf('/');
      if (slash > 0) folders.add(name.slice(0, slash + 1));
    }
  }
  return { names, folders: [...folders] };
}

/** Throws bad input naming the unknown entries and listing the valid ones. */
export function checkExcludeItems(items: readonly string[], lang: ArchiveLanguage): void {
  if (items.length === 0) return;
  const { names, folders } = excludableNames(lang);
  const unknown = items.filter((item) => !names.includes(item) && !folders.some((f) => item.startsWith(f) && item.length > f.length));
  if (unknown.length === 0) return;
  throw InputError.coded(
    'exclude-unknown',
    { unknown: unknown.map((u) => `"${u}"`).join(', '), valid: `${names.join(', ')}; ${folders.join(', ')}` },
    `--exclude-item: no archive entry is called ${unknown.map((u) => `"${u}"`).join(', ')}; valid names: ${names.join(', ')}, or a file in ${folders.join(', ')} (e.g. ${folders[0] ?? ''}app.log; run --dry-run to see every entry)`,
  );
}
