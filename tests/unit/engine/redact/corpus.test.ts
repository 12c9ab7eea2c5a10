/**
 * Quality of the redactor on the labelled corpus (tests/fixtures/redact, format in
 * corpus-quality.ts): recall ≥ 99 % overall and ≥ 95 % per rule, precision ≥ 95 %.
 */
import { describe, expect, it } from 'vitest';
import { computeCorpusQuality, formatQualityTable, type CorpusQuality } from './corpus-quality.js';

describe('redaction corpus', () => {
  let quality: CorpusQuality;

  it('computes recall and precision per rule', async () => {
    quality = await computeCorpusQuality();
    console.log(formatQualityTable(quality));
    if (quality.misses.length > 0) console.log(`missed:\n  ${quality.misses.join('\n  ')}`);
    if (quality.falsePositives.length > 0) console.log(`false positives:\n  ${quality.falsePositives.join('\n  ')}`);
    expect(quality.files).toBeGreaterThanOrEqual(15);
  });

  it('is large enough to mean something (≥ 300 planted values, ≥ 300 look-alikes)', () => {
    expect(quality.overall.planted).toBeGreaterThanOrEqual(300);
    expect(quality.overall.lookAlikes).toBeGreaterThanOrEqual(300);
  });

  it('finds ≥ 99 % of planted values overall and ≥ 95 % for every rule', () => {
    expect(quality.overall.recall).toBeGreaterThanOrEqual(0.99);
    for (const r of quality.rules.filter((x) => x.planted > 0)) {
      expect({ rule: r.rule, recall: r.recall }).toEqual({ rule: r.rule, recall: expect.toSatisfy((v: number) => v >= 0.95) });
    }
  });

  it('keeps precision ≥ 95 %', () => {
    expect(quality.overall.precision).toBeGreaterThanOrEqual(0.95);
  });
});
