/**
 * Real-format command output of Windows and macOS (tests/fixtures/win32, tests/fixtures/darwin;
 * provenance in each folder's README): paths, bytes and text, and stand-in scripts that print them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const winFixture = (name: string): string => fileURLToPath(new URL(`../fixtures/win32/${name}`, import.meta.url));
export const macFixture = (name: string): string => fileURLToPath(new URL(`../fixtures/darwin/${name}`, import.meta.url));

export const winBytes = (name: string): Buffer => readFileSync(winFixture(name));
export const winText = (name: string): string => readFileSync(winFixture(name), 'utf8');
export const macText = (name: string): string => readFileSync(macFixture(name), 'utf8');

/** A shell line printing a fixture's bytes unchanged. */
export const cat = (path: string): string => `cat '${path.replace(/'/g, `'\\''`)}'`;
