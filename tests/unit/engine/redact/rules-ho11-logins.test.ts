/**
 * held-out-11's login and secret-assignment families (issue #14, task ho11logins), each fixed by its
 * grammar, with values that are not the set's own, and the look-alikes those fixes must keep. A fresh
 * Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { check, file, unchanged } from './helpers.js';


describe('ho11logins: numbers under a CSV column named like a time, size or count', () => {
  const header = 'guid,use_count,use_date,date_modified,country\n';
  it('keeps 11-digit WebKit seconds under `use_date`/`date_modified`, whatever the last cell', async () => {
    for (const country of ['CN', 'US', 'cn']) {
      const text = `${header}3f6b,14,13291550207,13290117318,${country}\n`;
      expect(await file('autofill.csv', text)).toBe(text);
    }
  });

  it('does not take a data row ending in `CN` for the header (a `cn` column), and still takes a phone column', async () => {
    const text = 'guid,use_count,mobile,country\n3f6b,14,13912345678,CN\n9a0c,2,13787654321,CN\n';
    expect(await file('autofill.csv', text)).toBe('guid,use_count,mobile,country\n3f6b,14,<PHONE-1>,CN\n9a0c,2,<PHONE-2>,CN\n');
    // A title row above a real header is still skipped.
    const titled = '月度汇总,统计日期：2026-02\n姓名,部门,手机号\n卜雅琴,研发,13973808001\n';
    expect(await file('report.csv', titled)).toContain('<PHONE-1>');
  });

  it('keeps `id_number` personal: an ID under it is still taken', async () => {
    const text = 'id,name,id_number,created_at\n7,x,110101199003074514,2024-01-01\n';
    expect(await file('customers.csv', text)).toContain('<CNID-1>');
  });
});

describe('ho11logins: Kerberos', () => {
  it('takes the client of a zh-CN `klist` and the default principal of MIT `klist`', () => {
    check([
      ['#0>\t客户端: liwenjun @ CORP.EXAMPLE', '#0>\t客户端: <USER-1> @ CORP.EXAMPLE'],
      ['#1>\t客户端: zhao_ops @ CORP.EXAMPLE.COM', '#1>\t客户端: <USER-1> @ CORP.EXAMPLE.COM'],
      ['默认主体: liwenjun @ CORP.EXAMPLE', '默认主体: <USER-1> @ CORP.EXAMPLE'],
    ]);
    unchanged(['\t服务器: krbtgt/CORP.EXAMPLE @ CORP.EXAMPLE', '客户端: administrator @ CORP.EXAMPLE', '客户端: Chrome 120 @ 10.0.0.1']);
  });

  it('keeps a service principal (`host/fqdn@REALM`) whole, and still takes a user principal as an address', () => {
    unchanged([
      '   3 03/02/2026 10:11:40 host/app07.corp.example@CORP.EXAMPLE (aes256-cts-hmac-sha1-96)',
      'setspn: MSSQLSvc/db02.corp.example.com@CORP.EXAMPLE.COM',
    ]);
    check([
      ['   2 03/02/2026 10:11:40 svc_batch@CORP.EXAMPLE (aes256-cts-hmac-sha1-96)', '   2 03/02/2026 10:11:40 <EMAIL-1> (aes256-cts-hmac-sha1-96)'],
      ['see https://wiki/people/liwenjun@CORP.EXAMPLE', 'see https://wiki/people/<EMAIL-1>'],
    ]);
  });

  it("takes a keytab's keys as `klist -kte -K` prints them, not an error code after an enctype", () => {
    check([
      ['   4 01/05/2026 09:00:01 HTTP/web.corp.example@CORP.EXAMPLE (aes256-cts-hmac-sha1-96)  (0x0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0)', '   4 01/05/2026 09:00:01 HTTP/web.corp.example@CORP.EXAMPLE (aes256-cts-hmac-sha1-96)  (0x<SECRET-1>)'],
      ['   4 01/05/2026 09:00:01 svc@CORP.EXAMPLE (arcfour-hmac)  (0x8846f7eaee8fb117ad06bdd830b7586c)', '   4 01/05/2026 09:00:01 <EMAIL-1> (arcfour-hmac)  (0x<SECRET-1>)'],
    ]);
    unchanged(['Kerberos 票证加密类型: AES-256-CTS-HMAC-SHA1-96', 'kinit failed (aes256-cts-hmac-sha1-96) (0x80070005)']);
  });
});

describe('ho11logins: user keys', () => {
  it("takes the account a service creates by default (`default_user = x`), not a built-in one or a switch's value", () => {
    check([
      ['default_user = mq_ops', 'default_user = <USER-1>'],
      ['DEFAULT_USER=liwenjun', 'DEFAULT_USER=<USER-1>'],
    ]);
    unchanged(['default_user = guest', 'default_user: true', 'use_login: true']);
  });
});

describe('ho11logins: logins and passwords in the grammar of servers', () => {
  it('takes ZooKeeper JAAS options written one per line (`user_<login>="…"` alone), keeping the built-in `super`', () => {
    check([
      ['    user_super="Zk#Sup9x"', '    user_super="<SECRET-1>"'],
      ['    user_liwenjun="Lw!zk2027"', '    user_<USER-1>="<SECRET-1>"'],
      ['    user_bob="Bb#x1";', '    user_<USER-1>="<SECRET-1>";'],
    ]);
    unchanged(['    user_agent="curl/8.4.0"', '    user_id="10042"', 'x user_note="hello"']);
  });

  it('takes the password of a `login:password` user option (etcdctl, ETCDCTL_USER, curl --user), not a login:group', () => {
    check([
      ['export ETCDCTL_USER=root:Etc#d2027x', 'export ETCDCTL_USER=root:<SECRET-1>'],
      ['etcdctl --user=liwenjun:Qq!88aa get /k', 'etcdctl --user=<USER-1>:<SECRET-1> get /k'],
      ['curl --user deploy_ci:Dp#2027 https://x', 'curl --user <USER-1>:<SECRET-1> https://x'],
    ]);
    unchanged(['docker run --user=www-data:www-data img', 'docker run --user=1000:1000 img', 'chown --user=app:app x']);
  });

  it("takes SAP's SSO2 logon ticket (MYSAPSSO2), base64 or URL-encoded", () => {
    check([
      ['[09:00:01.002] SSO2 ticket MYSAPSSO2=AjQxMDMBABhMAEkAVwBFAE4%2fAPswgfgGCSqGSIb3DQEHAqCB6jCB5wIB', '[09:00:01.002] SSO2 ticket MYSAPSSO2=<TOKEN-1>'],
      ['icm trace: MYSAPSSO2: AjExMDAgAA5wb3J0YWw6bGl3ZW5qdW6IAAdkZWZhdWx0AQAITElXRU5KVU4%3d (client 800)', 'icm trace: MYSAPSSO2: <TOKEN-1> (client 800)'],
    ]);
    unchanged(['SSO2 ticket accepted', 'login/create_sso2_ticket = 2']);
  });
});
