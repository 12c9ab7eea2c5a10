import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../../../electron/engine/report/json-pieces.js';

const text = (value: unknown, pieceChars?: number) => Buffer.concat([...jsonPieces(value, pieceChars)]).toString('utf8');

/** A manifest-shaped document: a row per collected file, as a folder of small logs gives. */
function manifestLike(files: number) {
  return {
    format: 'diagcollect-manifest/1',
    ticket: '12345',
    intake: { name: '张伟', occurredAt: undefined, priority: '中' },
    collectors: [{ id: 'app-logs', status: 'ok', warnings: [], items: files }],
    items: Array.from({ length: files }, (_, i) => ({
      name: `软件日志/f-${i}.log`,
      source: `/var/log/app/f-${i}.log`,
      size: i * 7,
      sha256: 'ab'.repeat(32),
      truncated: false,
      ...(i % 10 === 0 ? { redactions: { token: 1, email: 2 }, note: 'line\n"quoted"\t\u2028' } : {}),
    })),
    skipped: [],
    redaction: { enabled: true, rules: ['token', 'email'], totals: { token: files / 10 } },
  };
}

describe('jsonPieces', () => {
  it('is JSON.stringify(value, null, 2) and a newline, byte for byte, for a manifest with thousands of rows', () => {
    const doc = manifestLike(5000);
    expect(text(doc)).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('treats undefined, functions, toJSON, empty and nested containers as JSON.stringify does', () => {
    const doc = {
      a: [undefined, () => 1, null, Number.NaN, new Date(0), 'é"\n'],
      b: undefined,
      c: {},
      d: [],
      e: { deep: { deeper: Array.from({ length: 300 }, (_, i) => [i, { q: [i] }]) } },
      f: { toJSON: () => ({ replaced: true }) },
    };
    for (const pieceChars of [1, 100, 65_536]) expect(text(doc, pieceChars)).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('yields bounded pieces, lazily: a document with a row per file is never one string', () => {
    const pieces = jsonPieces(manifestLike(20_000));
    const first = pieces.next();
    expect(first.done).toBe(false);
    let count = 1;
    let largest = (first.value as Buffer).length;
    for (const piece of pieces) {
      count += 1;
      largest = Math.max(largest, piece.length);
    }
    expect(count).toBeGreaterThan(20);
    // 64 Ki characters and the last row that crossed it, in UTF-8.
    expect(largest).toBeLessThan(4 * 64 * 1024);
  });
});
