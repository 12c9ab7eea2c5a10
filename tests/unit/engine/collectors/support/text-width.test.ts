import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, heading, isWide } from '../../../../../electron/engine/collectors/support/text.js';

/** The width as first written: one step per character (a string iterator), with the same wide ranges (isWide). */
function byCharacter(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

describe('displayWidth (sos19: code units instead of a string iterator)', () => {
  it('counts East Asian wide characters as 2 and everything else as 1', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('libc6 2.36-9+deb12u4 amd64')).toBe(26);
    expect(displayWidth('软件包')).toBe(6);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ｆｕｌｌ')).toBe(8);
    expect(displayWidth('café ñ Ω')).toBe(8);
    // Outside the BMP: one character each, wide (emoji, CJK extension B) or not (Gothic, math letters).
    expect(displayWidth('🙂𠀋')).toBe(4);
    expect(displayWidth('𐌰𝐀')).toBe(2);
  });

  it('is the per-character width for every kind of text, lone surrogates included', () => {
    const samples = [
      'ASCII only, tabs\tand 123',
      '版本信息 v1.2（测试）',
      'ᄀᅟ at the wide range edges ᅠ ⺀ ꓏ ꓐ 가 힣 힤',
      'ﹰ ＀ ｠ ｡ ￠ ￦ ￧',
      '🌀 🫿 🬀 💾 𠀀 𿿽 𿿾',
      'lone \ud800 high, lone \udc00 low, reversed \udc00\ud800, trailing \ud83d',
      'mixed: 张伟 said "hello" 🙂 at 10:42 ñ',
    ];
    for (const s of samples) expect(displayWidth(s), JSON.stringify(s)).toBe(byCharacter(s));
    // Every BMP unit one by one, and a sweep of astral characters across the wide range's edges.
    for (let u = 0; u <= 0xffff; u += 1) {
      const s = String.fromCharCode(u);
      if (displayWidth(s) !== byCharacter(s)) expect(displayWidth(s), `U+${u.toString(16)}`).toBe(byCharacter(s));
    }
    for (const cp of [0x10000, 0x1f2ff, 0x1f300, 0x1faff, 0x1fb00, 0x1ffff, 0x20000, 0x3fffd, 0x3fffe, 0x10ffff]) {
      const s = `a${String.fromCodePoint(cp)}b`;
      expect(displayWidth(s), `U+${cp.toString(16)}`).toBe(byCharacter(s));
    }
  });

  it('still aligns tables and headings with wide text', () => {
    expect(heading('软件')).toBe('软件\n====\n');
    expect(formatTable(['软件包', 'v'], [['a', '1'], ['长名字', '2']])).toBe('软件包  v\n------  -\na       1\n长名字  2\n');
  });
});
