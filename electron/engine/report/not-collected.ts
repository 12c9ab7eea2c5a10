/**
 * What a front end says was not collected. Collectors left out only because they serve other
 * problem types (skip reason `problem-type`, issue 18) were never meant to run for this one:
 * listed one by one they drown the skips that matter (a missing tool, a refused permission), so
 * they are counted instead and said in one line. So are the collectors `--only` did not select
 * (19 lines of "not selected" say nothing the command line did not). The manifest keeps every one
 * with its reason.
 */
import type { CollectorRun, Manifest, ManifestSkip } from '../../../shared/types.js';
import type { Reason } from '../../../shared/reasons.js';

export interface NotCollected {
  /** Skipped collectors worth a line each, in the manifest's order. */
  listed: CollectorRun[];
  /** How many more were skipped only because they are for other problem types. */
  otherProblemTypes: number;
  /** How many more were skipped only because `--only` did not select them. */
  notSelected: number;
}

export function notCollected(collectors: readonly CollectorRun[]): NotCollected {
  const skipped = collectors.filter((c) => c.status === 'skipped');
  const listed = skipped.filter((c) => c.reason?.code !== 'problem-type' && c.reason?.code !== 'not-selected');
  const notSelected = skipped.filter((c) => c.reason?.code === 'not-selected').length;
  return { listed, otherProblemTypes: skipped.length - listed.length - notSelected, notSelected };
}

/** Everything not taken, as every front end shows it (CLI summary, the app's Done screen and Copy details). */
export interface NotTaken {
  /** Skipped collectors worth a line each (see {@link notCollected}). */
  collectors: CollectorRun[];
  otherProblemTypes: number;
  /** Collectors `--only` did not select, counted (see {@link notCollected}). */
  notSelected: number;
  /** Sources skipped: the manifest's `skipped` without the skipped collectors (those are said above, once). */
  sources: ManifestSkip[];
  /** Entries cut short: the name, why as a code when known (`cut`), the English `note`. */
  cut: Array<{ name: string; note?: string; code?: Reason }>;
}

/**
 * The one account of what was not taken. A skipped collector is also in the manifest's
 * `skipped` under its own id (its source is its id): counted there it would be said twice, so
 * the sources here are the others only — the CLI's "Skipped:" lines and the app's lines
 * are this list. So is the skip a collector that ran and took nothing got its reason from (its
 * first skip, run-collectors.ts), when that skip's source is named in the reason already
 * (`config` — `policy.configPaths` is empty: said once); a file's path is kept (the collector's
 * line says only "does not exist", the source's line says which file).
 */
export function notTaken(manifest: Pick<Manifest, 'collectors' | 'skipped' | 'items'>): NotTaken {
  const { listed, otherProblemTypes, notSelected } = notCollected(manifest.collectors);
  const skippedRuns = new Map(manifest.collectors.filter((c) => c.status === 'skipped').map((c) => [c.id, c]));
  const saidByRun = new Set<ManifestSkip>();
  for (const run of skippedRuns.values()) {
    const first = manifest.skipped.find((s) => s.collector === run.id);
    if (first && first.reason === run.error && first.reason.includes(first.source) && JSON.stringify(first.code) === JSON.stringify(run.reason)) saidByRun.add(first);
  }
  const sources = manifest.skipped.filter((s) => !(s.source === s.collector && skippedRuns.has(s.collector)) && !saidByRun.has(s));
  const cut = manifest.items.filter((i) => i.truncated).map((i) => ({ name: i.name, ...(i.note ? { note: i.note } : {}), ...(i.cut ? { code: i.cut } : {}) }));
  return { collectors: listed, otherProblemTypes, notSelected, sources, cut };
}

/** How many things were not taken (the count line counts its collectors). */
export function notTakenTotal(facts: Pick<NotTaken, 'collectors' | 'otherProblemTypes' | 'notSelected' | 'sources' | 'cut'>): number {
  return facts.collectors.length + facts.otherProblemTypes + facts.notSelected + facts.sources.length + facts.cut.length;
}
