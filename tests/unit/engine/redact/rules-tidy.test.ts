/**
 * Learned values never include common English words or words of logs (common-words.ts): a value
 * learned once is replaced archive-wide, so `create` taken for a login once (jmxremote.access:
 * "granted to create MBeans") or `Creative` (a licence's "Creative Commons") damaged every later
 * line that said it. The grammar that named the word still redacts it where it stands; only the
 * archive-wide propagation is refused. Logins that are names (`grace`, `john`, `walker`) and
 * values that are no word (`kangjing`, `creative01`) are still learned.
 */
import { describe, expect, it } from 'vitest';
import { COMMON_WORDS, isCommonWord } from '../../../../electron/engine/redact/common-words.js';
import { isLearnable } from '../../../../electron/engine/redact/learned-values.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';

/** One Redactor over the lines in order (values learned early apply to later lines). */
const run = (lines: string[]): string[] => {
  const r = new Redactor();
  return lines.map((l) => r.redactText(l).text);
};

describe('learned values: no common word becomes an archive-wide login', () => {
  it('a word a login grammar named is redacted there, and survives in the prose that follows (several grammars, separators, languages)', () => {
    expect(run(['UserName=create', 'This access should be granted to create MBeans of known classes'])).toEqual(['UserName=<USER-1>', 'This access should be granted to create MBeans of known classes']);
    expect(run(['User: Creative', 'Licensed under Creative Commons Attribution 4.0', 'the creative team'])).toEqual(['User: <USER-1>', 'Licensed under Creative Commons Attribution 4.0', 'the creative team']);
    expect(run(['login=monitor', '2024-03-15 10:00:01 monitor process started'])).toEqual(['login=<USER-1>', '2024-03-15 10:00:01 monitor process started']);
    expect(run(['用户名：delete', 'delete from t_order where id=1'])).toEqual(['用户名：<USER-1>', 'delete from t_order where id=1']);
    expect(run(['chown -R update /home/update/.cache', 'apt: update finished; Update OK'])).toEqual(['chown -R update /home/<USER-1>/.cache', 'apt: update finished; Update OK']);
  });

  it('logins that are names or no word at all are still learned and replaced where they reappear', () => {
    expect(run(['UserName=kangjing', 'Certificate=D:\\certs\\kangjing.p12'])).toEqual(['UserName=<USER-1>', 'Certificate=D:\\certs\\<USER-1>.p12']);
    expect(run(['drwxr-xr-x 2 grace grace 4096 /home/grace/docs', 'session opened for grace'])).toEqual(['drwxr-xr-x 2 <USER-1> <USER-1> 4096 /home/<USER-1>/docs', 'session opened for <USER-1>']);
    expect(run(['User=creative01', 'creative01 logged in'])).toEqual(['User=<USER-1>', '<USER-1> logged in']);
    for (const login of ['john', 'grace', 'walker', 'turner', 'hunter', 'kangjing', 'creative01', 'zhang.san']) expect(isLearnable('USER', login, 'user-name'), login).toBe(true);
  });

  it('refuses the words in any case and in the forms logs print', () => {
    for (const word of ['create', 'Create', 'CREATED', 'creating', 'creation', 'creator', 'Creative', 'delete', 'deleted', 'update', 'updates', 'monitor', 'request', 'session', 'warning', 'started', 'retries', 'connection']) {
      expect(isCommonWord(word), word).toBe(true);
      expect(isLearnable('USER', word, 'user-name'), word).toBe(false);
      expect(isLearnable('NAME', word, 'person-name'), word).toBe(false);
    }
  });

  it('the list is data of lowercase words of four letters or more, holding no given name or surname people use as logins', () => {
    for (const w of COMMON_WORDS) expect(w, w).toMatch(/^[a-z]{4,}$/);
    for (const name of ['john', 'mark', 'grace', 'rose', 'frank', 'will', 'grant', 'bill', 'smith', 'baker', 'walker', 'turner', 'hunter', 'miller', 'taylor', 'young', 'king', 'white', 'brown']) expect(COMMON_WORDS.has(name), name).toBe(false);
  });
});
