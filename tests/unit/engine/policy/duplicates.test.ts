import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../../../electron/engine/policy/duplicates.js';

describe('duplicateKeys', () => {
  it('finds a key written twice, with its dotted path and both lines', () => {
    const text = '{\n  "upload": {\n    "target": "redmine",\n    "target": "outbox"\n  }\n}';
    expect(duplicateKeys(text)).toEqual([{ key: 'upload.target', firstLine: 3, line: 4 }]);
  });

  it('compares keys after decoding, and sees them inside lists of objects', () => {
    expect(duplicateKeys('{"a":1,"\\u0061":2}')).toEqual([{ key: 'a', firstLine: 1, line: 1 }]);
    expect(duplicateKeys('{"redaction":{"extraRules":[{"id":"x"},{"id":"y","id":"z"}]}}')).toEqual([{ key: 'redaction.extraRules.1.id', firstLine: 1, line: 1 }]);
  });

  it('does not confuse a value, a string with quotes or braces, or the same key in another object', () => {
    expect(duplicateKeys('{"a":"a","b":{"a":1},"c":[{"a":1},{"a":2}],"d":"\\"a\\":{,}"}')).toEqual([]);
    expect(duplicateKeys('[1,{"x":[]},"x"]')).toEqual([]);
  });
});
