/**
 * analyses.ts: the rule table's analyses (literal sets, factored triggers and their parts) read
 * from the build's file give the same rule set as computing them; the file's answers are the ones
 * used, an input it does not hold is computed, and a file that is not one is ignored.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tableAnalyses } from '../../../../build/redact/analyses.js';
import { analysed, exportAnalyses, forgetAnalyses, importAnalyses, loadAnalyses, resetAnalysesLoad, type AnalysesFile } from '../../../../electron/engine/redact/analyses.js';
import { SplitTestRegExp } from '../../../../electron/engine/redact/factor.js';
import { buildRuleSet, type RuleSet, type RuleSetOptions } from '../../../../electron/engine/redact/rule-set.js';
import { OPTIONAL_RULE_IDS } from '../../../../electron/engine/redact/rules.js';

/** Everything of a rule set the analyses decide: triggers (and their parts), patterns' literal ids, scanners, literal indexes. */
function fingerprint(set: RuleSet): string {
  return JSON.stringify({
    rules: set.rules.map((r) => ({
      id: r.rule.id,
      trigger: r.trigger && [r.trigger.source, r.trigger.flags, r.trigger instanceof SplitTestRegExp ? r.trigger.parts.map((p) => p.source) : null],
      patterns: r.patterns.map((p) => [p.regex.source, p.regex.flags, p.folded, p.anyOf ? [...p.anyOf] : null]),
    })),
    // sos26 (session 24): and the scans' halves (analyses 'halves').
    scanners: set.scanners.map((s) => [s.regex.source, s.regex.flags, s.split ? s.split.map((r) => r.source) : null]),
    literals: [set.literals.exact.literals, set.literals.folded.literals],
  });
}

const sizes = () => Object.fromEntries(Object.entries(exportAnalyses().analyses).map(([k, v]) => [k, v.length]));

/** The build's file, as it is written and read (JSON). */
function builtFile(): AnalysesFile {
  forgetAnalyses();
  const file = JSON.parse(JSON.stringify(tableAnalyses())) as AnalysesFile;
  forgetAnalyses();
  return file;
}

afterEach(() => {
  forgetAnalyses();
  resetAnalysesLoad();
});

describe('the build’s analyses', () => {
  it('give the same rule set as computing them, with and without optional rules, layouts and known values', () => {
    const file = builtFile();
    expect(file.analyses.literals.length).toBeGreaterThan(100);
    expect(file.analyses.parts.some(([, parts]) => Array.isArray(parts))).toBe(true);
    // sos26 (session 24): the scanners' analyses are written too.
    expect(file.analyses.halves?.some(([, halves]) => Array.isArray(halves))).toBe(true);
    expect(file.analyses.trie?.some(([, trie]) => typeof trie === 'string')).toBe(true);
    expect(file.analyses.wide?.some(([, wide]) => wide === true)).toBe(true);
    const cases: RuleSetOptions[] = [{}, { optionalRules: [...OPTIONAL_RULE_IDS] }, { layout: 'pgpass' }, { layout: 'csv', optionalRules: [...OPTIONAL_RULE_IDS] }, { knownValues: [{ value: 'zhangwei', kind: 'USER' }] }];
    for (const options of cases) {
      forgetAnalyses();
      const computed = fingerprint(buildRuleSet(options));
      forgetAnalyses();
      expect(importAnalyses(file)).toBe(true);
      expect(fingerprint(buildRuleSet(options))).toBe(computed);
    }
  });

  it('hold every analysis the built-in rule sets need: building them computes nothing more', () => {
    expect(importAnalyses(builtFile())).toBe(true);
    const before = sizes();
    buildRuleSet({});
    buildRuleSet({ optionalRules: [...OPTIONAL_RULE_IDS], layout: 'svn-auth' });
    expect(sizes()).toEqual(before);
    // A user's known value is a rule of its own: only what concerns it is computed.
    const held = new Set(Object.values(exportAnalyses().analyses).flatMap((pairs) => pairs.map(([key]) => key)));
    buildRuleSet({ knownValues: [{ value: 'zhangwei', kind: 'USER' }] });
    const added = Object.values(exportAnalyses().analyses).flatMap((pairs) => pairs.map(([key]) => key)).filter((key) => !held.has(key));
    expect(added.length).toBeGreaterThan(0);
    for (const key of added) expect(key).toContain('zhangwei');
  });
});

describe('analysed', () => {
  it('answers from an imported file, computes an input the file does not hold, once', () => {
    expect(importAnalyses({ format: 1, analyses: { literals: [['gi/abc', ['from-file']]], factor: [], parts: [['i/x', null]] } })).toBe(true);
    let calls = 0;
    const compute = () => {
      calls += 1;
      return ['computed'];
    };
    expect(analysed('literals', 'gi/abc', compute)).toEqual(['from-file']);
    expect(calls).toBe(0);
    expect(analysed('literals', 'gi/abd', compute)).toEqual(['computed']);
    expect(analysed('literals', 'gi/abd', compute)).toEqual(['computed']);
    expect(calls).toBe(1);
    // null in the file is undefined (no parts), not a reason to compute.
    expect(analysed('parts', 'i/x', compute)).toBeUndefined();
    expect(calls).toBe(1);
    // A computed undefined is kept too.
    let undefinedCalls = 0;
    const none = () => {
      undefinedCalls += 1;
      return undefined;
    };
    expect(analysed('factor', 'q', none)).toBeUndefined();
    expect(analysed('factor', 'q', none)).toBeUndefined();
    expect(undefinedCalls).toBe(1);
  });

  it('ignores what is not an analyses file', () => {
    for (const bad of [null, 'x', { format: 2, analyses: { literals: [], factor: [], parts: [] } }, { format: 1 }, { format: 1, analyses: { literals: [] } }, { format: 1, analyses: { literals: [['k']], factor: [], parts: [] } }]) {
      expect(importAnalyses(bad)).toBe(false);
    }
    expect(sizes()).toEqual({ literals: 0, factor: 0, parts: 0, halves: 0, trie: 0, wide: 0 });
  });

  // sos26 (session 24): a file written before the scanners' kinds is still read; what it lacks is computed.
  it('reads a file without the scanners’ kinds, and computes those', () => {
    const file = builtFile();
    const old = { format: 1, analyses: { literals: file.analyses.literals, factor: file.analyses.factor, parts: file.analyses.parts } };
    forgetAnalyses();
    const computed = fingerprint(buildRuleSet({}));
    forgetAnalyses();
    expect(importAnalyses(old)).toBe(true);
    expect(sizes()).toMatchObject({ halves: 0, trie: 0, wide: 0 });
    expect(fingerprint(buildRuleSet({}))).toBe(computed);
    expect(sizes().halves).toBeGreaterThan(0);
    // A kind present but not a list of pairs is no file.
    expect(importAnalyses({ ...old, analyses: { ...old.analyses, halves: 'x' } })).toBe(false);
  });
});

describe('loadAnalyses', () => {
  it('reads a file once; a missing or broken one leaves everything to be computed', async () => {
    const dir = await mkdtemp(join(os.tmpdir(), 'analyses-'));
    try {
      expect(await loadAnalyses(pathToFileURL(join(dir, 'missing.json')))).toBe(false);
      resetAnalysesLoad();
      await writeFile(join(dir, 'broken.json'), '{"format": 1, "analyses": ');
      expect(await loadAnalyses(pathToFileURL(join(dir, 'broken.json')))).toBe(false);
      resetAnalysesLoad();
      await writeFile(join(dir, 'good.json'), JSON.stringify({ format: 1, analyses: { literals: [['g/x', ['y']]], factor: [], parts: [] } }));
      expect(await loadAnalyses(pathToFileURL(join(dir, 'good.json')))).toBe(true);
      expect(analysed('literals', 'g/x', () => ['computed'])).toEqual(['y']);
      // Later calls share the first read.
      expect(await loadAnalyses(pathToFileURL(join(dir, 'missing.json')))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
