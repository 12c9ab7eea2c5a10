/**
 * ui26 (session 24): every collector says what it reads and how big it usually is, in one place
 * each — the catalogue's `collector.about.<id>` and collector-sizes.ts' TYPICAL_BYTES. A new
 * collector without them fails here instead of showing another item's sentence or size (the
 * Review screen once gave 防火墙 and 无线网络 the network item's "IP 地址、网关、DNS …" and its
 * 50 KB).
 */
import { describe, expect, it } from 'vitest';
import { TYPICAL_BYTES, estimateFor } from '../../../electron/engine/collector-sizes.js';
import { COLLECTORS } from '../../../electron/engine/collectors/index.js';
import { collectorAbout, collectorAboutKey } from '../../../shared/i18n/collector-text.js';
import { LOCALES } from '../../../shared/i18n/locale.js';
import { CATALOGUES } from '../../../shared/i18n/messages.js';

const ids = COLLECTORS.map((c) => c.id);

describe('every collector has its own description and typical size', () => {
  it('has a description in every shipped language, and no two collectors share one', () => {
    expect(ids.length).toBeGreaterThan(15);
    for (const locale of LOCALES) {
      const texts = ids.map((id) => collectorAbout(id)[locale]);
      for (const [i, text] of texts.entries()) expect(text.trim().length, `${ids[i]} ${locale}`).toBeGreaterThan(5);
      expect(new Set(texts).size, `${locale}: one sentence per collector`).toBe(ids.length);
    }
    for (const id of ids) expect(collectorAbout(id)['zh-CN'], id).toMatch(/\p{Script=Han}/u);
  });

  it('has no description for a collector that does not exist (a renamed one would leave its text behind)', () => {
    const described = Object.keys(CATALOGUES['zh-CN']).filter((k) => k.startsWith('collector.about.')).map((k) => k.slice('collector.about.'.length));
    expect(described.sort()).toEqual([...ids].sort());
  });

  it('refuses a collector without a description or a typical size rather than falling back', () => {
    expect(collectorAboutKey('no-such-collector')).toBeUndefined();
    expect(() => collectorAbout('no-such-collector')).toThrow(/no description/);
    expect(() => estimateFor('no-such-collector', {})).toThrow(/no typical size/);
  });

  it('has a typical size for every collector and none left over', () => {
    for (const id of ids) {
      expect(TYPICAL_BYTES[id], id).toBeGreaterThan(0);
      expect(estimateFor(id, {}), id).toEqual({ bytes: TYPICAL_BYTES[id], basis: 'typical' });
    }
    expect(Object.keys(TYPICAL_BYTES).sort()).toEqual([...ids].sort());
  });

  it('prefers the size this computer measured last time', () => {
    expect(estimateFor('firewall', { firewall: { bytes: 284, at: '2026-12-07T23:19:00.000Z' } })).toEqual({ bytes: 284, basis: 'measured-last' });
    expect(estimateFor('wifi', { firewall: { bytes: 284, at: '2026-12-07T23:19:00.000Z' } })).toEqual({ bytes: TYPICAL_BYTES.wifi, basis: 'typical' });
  });
});
