/**
 * Counting desktops per fact value while archives stream past, and turning the counts into the
 * baseline document with k-anonymity. Memory is bounded by the number of distinct values, not of
 * archives: past MAX_VALUES distinct values of one fact, new values are counted as "other" at
 * once (they could never reach k anyway in a fleet that size… and when they could, the cap says so).
 */
import { BASELINE_FORMAT, type BaselineDocument, type FactDistribution } from '../../../shared/baseline.js';
import type { DesktopFacts } from './fleet-facts.js';

const MAX_VALUES = 10_000;

export class FleetCounter {
  readonly #counts = new Map<string, { desktops: number; values: Map<string, number>; overflow: number }>();
  readonly #seen = new Set<string>();
  desktops = 0;

  /** Counts one desktop's facts; a desktop (host digest) already counted is ignored. Returns whether it counted. */
  add(desktop: string, facts: DesktopFacts): boolean {
    if (this.#seen.has(desktop)) return false;
    this.#seen.add(desktop);
    this.desktops += 1;
    for (const [fact, values] of facts) {
      let entry = this.#counts.get(fact);
      if (!entry) this.#counts.set(fact, (entry = { desktops: 0, values: new Map(), overflow: 0 }));
      entry.desktops += 1;
      for (const value of values) {
        const n = entry.values.get(value);
        if (n !== undefined) entry.values.set(value, n + 1);
        else if (entry.values.size < MAX_VALUES) entry.values.set(value, 1);
        else entry.overflow += 1;
      }
    }
    return true;
  }

  /** The baseline: values seen on fewer than k desktops folded into `other`. */
  document(k: number, now: Date = new Date()): BaselineDocument {
    const facts: Record<string, FactDistribution> = {};
    for (const [fact, entry] of [...this.#counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const kept = [...entry.values].filter(([, n]) => n >= k).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const other = [...entry.values].filter(([, n]) => n < k).reduce((s, [, n]) => s + n, entry.overflow);
      facts[fact] = {
        desktops: entry.desktops,
        values: kept.map(([value, count]) => ({ value, count, share: round(count / entry.desktops) })),
        other,
      };
    }
    return { format: BASELINE_FORMAT, createdAt: now.toISOString(), desktops: this.desktops, k, facts };
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
