/**
 * `JSON.stringify(value, null, 2) + '\n'`, byte for byte, as UTF-8 pieces of about 64 KiB, so a
 * document with a row per collected file (manifest.json, timeline.json: 3–6 MB for 10 000 small
 * files) is never one string and one buffer at once. Large arrays and objects are walked; a small
 * subtree (a manifest item, a timeline source) is stringified whole and indented to its depth,
 * which gives the same text because JSON never holds a raw line break.
 */

const PIECE_CHARS = 64 * 1024;
/** A container with at most this many values, none of them a container of containers, is stringified whole. */
const SMALL_CHILDREN = 64;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The document's UTF-8 bytes in pieces, ending with a newline; lazily, as they are read. */
export function* jsonPieces(value: unknown, pieceChars = PIECE_CHARS): Generator<Buffer> {
  let parts: string[] = [];
  let chars = 0;
  for (const text of texts(prepared(value, ''), '')) {
    parts.push(text);
    chars += text.length;
    if (chars >= pieceChars) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
      chars = 0;
    }
  }
  parts.push('\n');
  yield Buffer.from(parts.join(''), 'utf8');
}

/** What JSON.stringify would serialise for `value` under `key` (toJSON applied), or undefined when it skips it. */
function prepared(value: unknown, key: string): Json | undefined {
  const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(key: string): unknown }).toJSON(key) : value;
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  return v as Json;
}

const isContainer = (v: unknown): v is object => v !== null && typeof v === 'object';

/** Few values, and no grandchildren that are containers: cheap to stringify at once. */
function isSmall(value: object): boolean {
  const children = Array.isArray(value) ? value : Object.values(value);
  if (children.length > SMALL_CHILDREN) return false;
  for (const child of children) {
    if (!isContainer(child)) continue;
    const grand = Array.isArray(child) ? child : Object.values(child);
    if (grand.length > SMALL_CHILDREN || grand.some(isContainer)) return false;
  }
  return true;
}

function* texts(value: Json | undefined, indent: string): Generator<string> {
  if (!isContainer(value) || isSmall(value)) {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    yield indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i += 1) {
      yield `${i > 0 ? ',' : ''}\n${inner}`;
      // An array keeps a place for what an object would skip.
      yield* texts(prepared(value[i], String(i)) ?? null, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const child = prepared(value[key], key);
    if (child === undefined) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* texts(child, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}
