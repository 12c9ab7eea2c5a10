/**
 * Keys written twice in one JSON object. `JSON.parse` keeps the last one silently, so a policy
 * `{"upload": {"target": "redmine", …, "target": "outbox"}}` would apply a value IT may not
 * know it set; policy readers refuse such a file instead.
 *
 * One linear pass over text that `JSON.parse` already accepted (so the scanner need not judge
 * validity): a stack of the objects and lists open at each point, each object with the keys
 * seen so far. Keys are compared after decoding (`"a"` and `"\u0061"` are the same key).
 *
 * Why not a library: the maintained JSON scanners that report each property (jsonc-parser's
 * `visit`, momoa) are not in the project's dependencies, and the lockfile and the shared
 * node_modules are changed only by the lead; this pass is ~60 lines and covered by tests.
 */

export interface DuplicateKey {
  /** Dotted path of the key written twice (`upload.target`, `redaction.extraRules.0.id`). */
  key: string;
  /** 1-based line of the first and of the repeated occurrence. */
  firstLine: number;
  line: number;
}

type Frame = { kind: 'object'; path: string; seen: Map<string, number>; key: string | undefined; expectKey: boolean } | { kind: 'array'; path: string; index: number };

const join = (path: string, part: string): string => (path === '' ? part : `${path}.${part}`);

/** Every key written twice (a key written three times is reported twice); [] for none. */
export function duplicateKeys(text: string): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let line = 1;
  const pathOfNextValue = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    return top.kind === 'object' ? join(top.path, top.key ?? '') : join(top.path, String(top.index));
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\n') line += 1;
    else if (c === '{') stack.push({ kind: 'object', path: pathOfNextValue(), seen: new Map(), key: undefined, expectKey: true });
    else if (c === '[') stack.push({ kind: 'array', path: pathOfNextValue(), index: 0 });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
      else if (top?.kind === 'array') top.index += 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const first = top.seen.get(key);
        if (first === undefined) top.seen.set(key, line);
        else out.push({ key: join(top.path, key), firstLine: first, line });
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    }
  }
  return out;
}

/** The English reason for one duplicate key (logs, `--lang en`). */
export function duplicateKeyReason(d: DuplicateKey): string {
  return `the key "${d.key}" is written twice (lines ${d.firstLine} and ${d.line}), so it is unclear which value applies: keep one and delete the other`;
}
