/**
 * What a collector reads, in plain words, in every language the product ships (ui26, session 24):
 * the catalogue's `collector.about.<id>` (messages.ts) is the one place the sentence is decided;
 * the engine's preview carries it to the Review screen and `diagcollect list` prints it. Pure (no
 * Node): the renderer and the CLI may call it too.
 */
import type { LocalizedText } from '../types.js';
import { LOCALES } from './locale.js';
import { CATALOGUES, type MessageKey } from './messages.js';
import { translator } from './translate.js';

/** The catalogue key of a collector's description. */
export function collectorAboutKey(id: string): MessageKey | undefined {
  const key = `collector.about.${id}`;
  return Object.hasOwn(CATALOGUES['zh-CN'], key) ? (key as MessageKey) : undefined;
}

/**
 * The description in every language; a collector without one throws (a test over every collector
 * keeps that from shipping — collector-facts.test.ts), never falls back to another item's text.
 */
export function collectorAbout(id: string): LocalizedText {
  const key = collectorAboutKey(id);
  if (!key) throw new Error(`collector ${id} has no description (shared/i18n/messages.ts collector.about.${id})`);
  const text = Object.fromEntries(LOCALES.map((locale) => [locale, translator(locale).t(key)]));
  return text as LocalizedText;
}
