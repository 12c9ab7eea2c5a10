/**
 * ui26 (session 24): the Review screen renders the engine's words and figures for each item —
 * its own sentence, its size by the engine's basis, the engine's total — and computes none of them.
 */
import { createElement, createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../../renderer/src/i18n.js';
import { ReviewScreen } from '../../../renderer/src/screens/review.js';
import type { CategoryPreview, Preview, UiLocale } from '../../../shared/api.js';
import { formatBytes } from '../../../shared/figures.js';

const item = (id: string, about: string, estimate: CategoryPreview['estimate']): CategoryPreview => ({
  id,
  category: 'network',
  title: { 'zh-CN': `${id} 标题`, en: `${id} title` },
  about: { 'zh-CN': `${about}（中文）`, en: about },
  reads: [],
  sensitive: false,
  included: true,
  estimate,
});

// The engine's total on purpose differs from the items' sum: the screen must show the engine's.
const preview: Preview = {
  platform: 'linux',
  categories: [item('network', 'Addresses and gateway.', { bytes: 3_000, basis: 'measured-last' }), item('firewall', 'Whether the firewall is on.', { bytes: 4_096, basis: 'typical' }), item('wifi', 'The Wi-Fi link.', { bytes: 2_048, basis: 'measured' })],
  totalBytes: 123_456,
};

function render(locale: UiLocale, exclude: string[] = []) {
  return renderToStaticMarkup(
    createElement(ReviewScreen, {
      t: DICTIONARIES[locale],
      locale,
      preview,
      exclude: new Set(exclude),
      onToggle: () => undefined,
      screenshot: { phase: 'idle', include: false },
      onTakeScreenshot: () => undefined,
      onIncludeScreenshot: () => undefined,
      onBack: () => undefined,
      onStart: () => undefined,
      starting: false,
      headingRef: createRef<HTMLHeadingElement>(),
    }),
  );
}

describe('ReviewScreen', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows each item's own sentence, its size by the engine's basis, and the engine's total (${locale})`, () => {
      const t = DICTIONARIES[locale];
      const page = render(locale, ['firewall']);
      for (const c of preview.categories) expect(page).toContain(c.about[locale]);
      expect(page).toContain(t.estimateLast({ size: formatBytes(3_000) }));
      expect(page).toContain(t.estimate({ size: formatBytes(4_096) }));
      expect(page).toMatch(new RegExp(`data-basis="measured">${formatBytes(2_048)}<`));
      // Not the sum of what is switched on (3 000 + 2 048): the engine's figure.
      expect(page).toContain(t.total({ size: formatBytes(123_456) }));
    });
  }
});
