/**
 * Redaction output bugs (session 14, tidy3): what a rule's value is, once the rule has matched.
 *  - a shell default under a secret key keeps its `:-` (`${DB_PASS:-<SECRET-1>}`);
 *  - an ASCII value in Chinese prose stops at Chinese punctuation (`密码 <SECRET-1>，乙方…`);
 *  - a login word followed by a date is a time, not a login (`Last login: Mon Dec  1 …`);
 *  - a Chinese word that reads as a name (陆军, 安装 …) is redacted where a grammar names a person,
 *    never learned archive-wide.
 */
import { describe, expect, it } from 'vitest';
import { isCommonWord } from '../../../../electron/engine/redact/common-words.js';
import { isLearnable } from '../../../../electron/engine/redact/learned-values.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { check, unchanged } from './helpers.js';

/** One Redactor over the lines in order (values learned early apply to later lines). */
const run = (lines: string[]): string[] => {
  const r = new Redactor();
  return lines.map((l) => r.redactText(l).text);
};

describe('a shell default under a secret key keeps its expansion syntax', () => {
  it('keeps the `-` (and `=`) of `${VAR:-default}` for every separator, quoting and tool', () => {
    check([
      ['PASSWORD=${DB_PASS:-s3cret}', 'PASSWORD=${DB_PASS:-<SECRET-1>}'],
      ['export DB_PASSWORD=${DB_PASS:-hunter2}', 'export DB_PASSWORD=${DB_PASS:-<SECRET-1>}'],
      ['      POSTGRES_PASSWORD: ${PG_PASSWORD:-Ch4ngeMe!}', '      POSTGRES_PASSWORD: ${PG_PASSWORD:-<SECRET-1>}'],
      ['  - "MYSQL_ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD:-r00tPw}"', '  - "MYSQL_ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD:-<SECRET-1>}"'],
      ['redis_password=${REDIS_AUTH:=Xq8mLk2p}', 'redis_password=${REDIS_AUTH:=<SECRET-1>}'],
      // Spring's `${VAR:default}` has no dash: nothing to keep but the colon.
      ['spring.datasource.password=${DB_PASSWORD:Sp1ngPw}', 'spring.datasource.password=${DB_PASSWORD:<SECRET-1>}'],
    ]);
  });

  it('a value that only holds `:-` is still redacted whole', () => {
    check([['token: abc:-xyz123456', 'token: <TOKEN-1>']]);
    expect(new Redactor().redactText('password=a:-bcdef99').text).not.toContain('bcdef99');
  });

  it('a default that is itself a variable, or none at all, stays', () => {
    unchanged(['PASSWORD=${DB_PASS:-$FALLBACK}', 'PASSWORD=${DB_PASS}', 'url=${BASE_URL:-http://localhost:8080}']);
  });
});

describe('a value in Chinese prose stops at Chinese punctuation', () => {
  it('keeps the sentence after the value (，。；、！？ and the ideographic space)', () => {
    check([
      ['密码 730519，乙方签字确认。', '密码 <SECRET-1>，乙方签字确认。'],
      ['合同密码：Xk92mA。请妥善保管', '合同密码：<SECRET-1>。请妥善保管'],
      ['口令 Zz8812；下周一更换', '口令 <SECRET-1>；下周一更换'],
      ['密码：Xk92mA ，请妥善保管', '密码：<SECRET-1> ，请妥善保管'],
      ['WiFi 密码 Guest2026！记得改', 'WiFi 密码 <SECRET-1>！记得改'],
      ['密码 abc123\u3000下次改', '密码 <SECRET-1>\u3000下次改'],
      ['password=Pa55word，不要外传', 'password=<SECRET-1>，不要外传'],
    ]);
  });

  it('still takes the whole value where there is no such punctuation, and ASCII punctuation is the value’s', () => {
    check([
      ['密码 730519 乙方签字确认', '密码 <SECRET-1> 乙方签字确认'],
      ['password=Pa,ss;wo.rd!', 'password=<SECRET-1>'],
    ]);
    // A value of Han characters is left whole: there the punctuation may be part of it.
    expect(new Redactor().redactText('密码：我的生日，加123').text).not.toContain('加123');
  });
});

describe('a login word followed by a date is a time, not a login', () => {
  it('keeps sshd’s, login(1)’s and lastlog’s “Last login” lines and dated variants', () => {
    unchanged([
      'Last login: Mon Dec  1 09:12:44 2026 from 10.0.0.5',
      'Last login: Tue Nov 24 08:01:02 2026 from 192.168.1.20 on pts/0',
      'Last login: Sat Dec  6 15:01:22 2026',
      'Last login: Wed, 3 Dec 2026 10:00 from host',
      'last_login: Mon Dec  1 09:12:44 2026',
      'Login: 2026-12-01 09:12 from 10.1.1.1',
      'login: Dec 1 09:12 tty1',
      'Last Login: Thursday, 4 December 2026 10:00',
      '上次登录: Mon Dec  1 09:12:44 2026',
    ]);
  });

  it('still takes a login, also one followed by a date, and a weekday-like login without a date', () => {
    check([
      ['login: zhangwei', 'login: <USER-1>'],
      ['user: marcus 2026-12-01', 'user: <USER-1> 2026-12-01'],
      ['login: Sunday', 'login: <USER-1>'],
      ['login: monday42 Dec 1', 'login: <USER-1> Dec 1'],
    ]);
  });
});

describe('a Chinese word that reads as a name is never learned archive-wide', () => {
  it('陆军 named as the installer is redacted there, and the army elsewhere stays', () => {
    expect(run(['安装: 陆军 2025-09-03', '部队: 陆军 第一集团', '陆军 第一集团 营区网络'])).toEqual(['安装: <NAME-1> 2025-09-03', '部队: 陆军 第一集团', '陆军 第一集团 营区网络']);
  });

  it('other such words: redacted where named, kept in the prose that follows', () => {
    expect(run(['备注: 文件 已归档', '打开 文件 失败'])).toEqual(['备注: 文件 已归档', '打开 文件 失败']);
    for (const word of ['陆军', '海军', '安装', '文件', '程序', '高级', '管理员', '宋体', '时间', '项目']) {
      expect(isCommonWord(word), word).toBe(true);
      expect(isLearnable('NAME', word, 'person-name'), word).toBe(false);
    }
  });

  it('real names, also of the same surnames, are still learned and replaced where they reappear', () => {
    expect(run(['安装: 李军 2025-09-03', '部队: 李军 第一集团'])).toEqual(['安装: <NAME-1> 2025-09-03', '部队: <NAME-1> 第一集团']);
    for (const name of ['陆小军', '安娜', '文静', '高峰', '程浩', '李军', '欧阳雪']) expect(isLearnable('NAME', name, 'person-name'), name).toBe(true);
  });
});
