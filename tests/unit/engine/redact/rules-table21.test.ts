/**
 * table21 (session 20): a table inside plain text, wherever it starts (text-table.ts, redactor.ts
 * pushTables): a CSV block after prose, a tool's blank-aligned output under a dashed underline, a
 * markdown table, a database shell's box, a tab-separated list under a `#` header. Its password,
 * login and name columns are taken row by row until the shape ends; look-alike tables and lines
 * stay; the output is the same whatever the chunk sizes.
 */
import { describe, expect, it } from 'vitest';
import { headerShape, mayHoldTableHeader, rowCells, tableHeader } from '../../../../electron/engine/redact/text-table.js';
import { file } from './helpers.js';

/** The text through a stream (tables are read there), in chunks of `size`. */
const run = (text: string, size = 4096) => file('notes.txt', text, size);

const gone = (out: string, ...values: string[]) => {
  for (const v of values) expect(out).not.toContain(v);
};
const kept = (out: string, ...values: string[]) => {
  for (const v of values) expect(out).toContain(v);
};

const CSV_AFTER_PROSE_EN = [
  'Ticket #4471 — the router lost its hotspot accounts after the upgrade; here is the export the customer sent:',
  '',
  'Login,Password,Full Name,Expires,Comment',
  'lobby_guest,Lb!guest-2291,Margaret Ellison,2027-01-31,front desk',
  'meetrm_2,Mr2#wifi-88,,2027-01-31,"room 2, second floor"',
  '',
  'Please restore them by Friday.',
  '',
].join('\n');

const CSV_AFTER_PROSE_ZH = [
  '客户反馈：升级后热点账号丢失，下面是导出的账号列表（请勿外传）',
  '用户名,口令,联系人,到期时间,备注',
  'wx_qiantai,Qt@2026wx,柯雨萱,2026-12-31,前台',
  'hy_room5,Room5!hy,,2026-12-31,"5楼, 会议室"',
  '处理人：运维组',
  '',
].join('\n');

const FORMAT_TABLE_EN = [
  'PS C:\\Users\\helpdesk> Get-StoredCredential -AsCredentialObject | Format-Table TargetName, UserName, Password',
  '',
  'TargetName                     UserName              Password',
  '----------                     --------              --------',
  'git:https://git.example.org    m.kowalski            glpat-Qw7Lm2Xk9Pz4Rt',
  'Domain:target=fs01.corp        CORP\\svc_backup       Bk#fs01-7731',
  '',
  'PS C:\\Users\\helpdesk> hostname',
].join('\r\n');

const ALIGNED_ZH = [
  '弱口令检查结果 (共 3 条)',
  '主机            端口   服务        用户名              口令',
  '10.0.21.5       3306   mysql       shop_report        report123',
  '10.0.21.7       6379   redis       (空)               redis@2024',
  '10.0.12.40      3389   rdp         cw_zhangli         Zl@cw0612',
  '',
  '扫描结束，耗时 42 秒',
].join('\n');

const MARKDOWN_EN = [
  '## Shared accounts (do not forward)',
  '',
  '| System | Host | Username | Password | Notes |',
  '|--------|------|----------|----------|-------|',
  '| Scanner | 10.1.0.50 | scan2mail_hq | Sc@nMail-0050 | shared |',
  '| Kiosk | — | kiosk_lobby | K1osk!lobby | reset monthly |',
  '',
  'Ask the service desk for anything else.',
].join('\n');

const MARKDOWN_ZH = [
  '# 新员工 IT 手册',
  '',
  '| 系统 | 地址 | 账号 | 密码 | 负责人 |',
  '| :--- | :---: | --- | --- | --- |',
  '| 会议室平板 | — | mtg_pad_5f | Pad5F!mtg-02 | 郦思远 |',
  '| 打印机 | 10.62.0.51 | scan_fin_2 | Scan#fin-0051 | 韦晓彤 |',
  '',
].join('\n');

const MYSQL_BOX_EN = [
  "mysql> SELECT id, login, password FROM legacy_users LIMIT 2;",
  '+----+-------------+---------------+',
  '| id | login       | password      |',
  '+----+-------------+---------------+',
  '|  7 | d.okonkwo   | Ok0nkwo!2019  |',
  '|  9 | r.villanova | Vill@nova#77  |',
  '+----+-------------+---------------+',
  '2 rows in set (0.00 sec)',
  '',
].join('\n');

const PSQL_ZH = [
  "hr=# select emp_no, real_name, mobile from t_emp where dept = '财务部';",
  ' emp_no |  real_name  |   mobile',
  '--------+-------------+-------------',
  ' E2031  | 焦雨桐      | 13857601234',
  ' E2032  | 喻子墨      | 15967102288',
  '(2 rows)',
  '',
].join('\n');

const TSV_COMMENT_HEADER_EN = [
  '# /etc/ppp/pap-secrets',
  '# Secrets for authentication using PAP',
  '# client\tserver\tsecret\t\t\tIP addresses',
  'vpn_kwalsh\t*\t"Kw!pap-4410"\t*',
  'branch_ro\tpptpd\tBr4nchRo2026\t10.9.0.20',
  '',
].join('\n');

const TSV_ZH = [
  '门禁机 U 盘导出 (用户数据)',
  '工号\t姓名\t卡号\t密码\t部门',
  '10023\t邬嘉怡\t0007284913\t830617\t生产部',
  '10047\t冉志远\t0007285106\t520931\t品质部',
  '',
].join('\n');

describe('a table inside text: its password, login and name columns', () => {
  it('a CSV block after prose (EN)', async () => {
    const out = await run(CSV_AFTER_PROSE_EN);
    gone(out, 'Lb!guest-2291', 'Mr2#wifi-88', 'lobby_guest', 'meetrm_2', 'Margaret Ellison');
    kept(out, 'Login,Password,Full Name,Expires,Comment', '2027-01-31', 'front desk', '"room 2, second floor"', 'Please restore them by Friday.');
  });
  it('a CSV block after prose (ZH), with a comma inside a quoted cell', async () => {
    const out = await run(CSV_AFTER_PROSE_ZH);
    gone(out, 'Qt@2026wx', 'Room5!hy', 'wx_qiantai', 'hy_room5', '柯雨萱');
    kept(out, '用户名,口令,联系人,到期时间,备注', '"5楼, 会议室"', '处理人：运维组');
  });
  it('Format-Table output under a dashed underline (EN, CRLF)', async () => {
    const out = await run(FORMAT_TABLE_EN);
    gone(out, 'glpat-Qw7Lm2Xk9Pz4Rt', 'Bk#fs01-7731', 'm.kowalski', 'svc_backup');
    kept(out, 'TargetName                     UserName              Password\r\n----------', 'git:https://git.example.org', '> hostname');
  });
  it('a blank-aligned report without an underline (ZH)', async () => {
    const out = await run(ALIGNED_ZH);
    gone(out, 'report123', 'redis@2024', 'Zl@cw0612', 'shop_report', 'cw_zhangli');
    kept(out, '10.0.21.5', '3306', 'mysql', '(空)', '扫描结束，耗时 42 秒');
  });
  it('a markdown table (EN and ZH, aligned underline)', async () => {
    const en = await run(MARKDOWN_EN);
    gone(en, 'Sc@nMail-0050', 'K1osk!lobby', 'scan2mail_hq', 'kiosk_lobby');
    kept(en, '| System | Host | Username | Password | Notes |', '| Scanner | 10.1.0.50 |', 'reset monthly');
    const zh = await run(MARKDOWN_ZH);
    gone(zh, 'Pad5F!mtg-02', 'Scan#fin-0051', 'mtg_pad_5f', 'scan_fin_2', '郦思远', '韦晓彤');
    kept(zh, '| 会议室平板 | — |', '10.62.0.51');
  });
  it("a database shell's result: mysql's box (EN) and psql's (ZH)", async () => {
    const my = await run(MYSQL_BOX_EN);
    gone(my, 'Ok0nkwo!2019', 'Vill@nova#77', 'd.okonkwo', 'r.villanova');
    kept(my, '|  7 |', '+----+-------------+---------------+', '2 rows in set (0.00 sec)');
    const pg = await run(PSQL_ZH);
    gone(pg, '焦雨桐', '喻子墨', '13857601234', '15967102288');
    kept(pg, ' E2031  |', '(2 rows)');
  });
  it('tab-separated rows under a `#` header (pap-secrets, EN) and after a title (ZH)', async () => {
    const en = await run(TSV_COMMENT_HEADER_EN);
    gone(en, 'Kw!pap-4410', 'Br4nchRo2026');
    kept(en, '# client\tserver\tsecret\t\t\tIP addresses', '10.9.0.20');
    const zh = await run(TSV_ZH);
    gone(zh, '830617', '520931', '邬嘉怡', '冉志远');
    kept(zh, '0007284913', '生产部', '品质部');
  });
});

describe('look-alikes a table reader must leave alone', () => {
  it('ps, ss, df and ip tables keep their numbers and names', async () => {
    const text = [
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root           1  0.0  0.1 167600 12856 ?        Ss   Dec06   0:05 /sbin/init',
      'www-data    1822  0.3  1.2 812344 98120 ?        S    09:12   1:41 php-fpm: pool www',
      'State   Recv-Q  Send-Q   Local Address:Port    Peer Address:Port  Process',
      'LISTEN  0       4096     127.0.0.53%lo:53         0.0.0.0:*',
      'Filesystem      Size  Used Avail Use% Mounted on',
      '/dev/sda1        98G   41G   52G  45% /',
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
      '',
    ].join('\n');
    expect(await run(text)).toBe(text);
  });
  it('a log line with commas is no table, and a header-like line with no rows reads nothing', async () => {
    const text = [
      '2026-12-07 10:02:11,204 INFO export: columns name,login,password validated for request 88124',
      'name,user,password',
      '',
      'Columns: name, login, password — see the manual.',
      'Name   Login   Password',
      'The next release changes the password policy.',
      '',
    ].join('\n');
    expect(await run(text)).toBe(text);
  });
  it('a column named password_changed, last_login or 密码有效期 holds dates, kept', async () => {
    const text = [
      'Exported accounts:',
      'account_id,password_changed,last_login,status',
      '1042,2026-11-03,2026-12-06 08:11,active',
      '',
      '用户数据:',
      '工号,密码有效期,最后登录,状态',
      'E2031,2027-03-31,2026-12-06,正常',
      '',
    ].join('\n');
    expect(await run(text)).toBe(text);
  });
  it('a user column of system accounts keeps them (root, www-data, nobody)', async () => {
    const text = ['Processes by owner:', 'User        Processes   Memory', 'root        112         1.2G', 'www-data    24          410M', 'nobody      3           12M', ''].join('\n');
    expect(await run(text)).toBe(text);
  });
});

describe('table shapes (text-table.ts)', () => {
  it('a header needs a read column and the next line of its shape', () => {
    expect(headerShape('Login,Password,Full Name')?.sep).toBe(',');
    expect(headerShape('host  port  service')).toBeUndefined();
    expect(headerShape('2026-12-07 user  login  password')).toBeUndefined();
    expect(tableHeader('用户名  口令  备注', '10.0.0.1  x')).toBeUndefined();
    expect(tableHeader('| a | user | pwd |', '|---|---|---|')?.sep).toBe('|');
  });
  it('a short row of a blank-aligned table is read by where its cells start', () => {
    const shape = headerShape('Username         Port     From             Latest')!;
    expect(rowCells(shape, 'daemon                                     **Never logged in**')?.map((c) => c.column)).toEqual([0, 3]);
    expect(rowCells(shape, 'an ordinary sentence of prose')).toBeUndefined();
  });
  it('the quick check finds a header and passes over log text', () => {
    expect(mayHoldTableHeader('some text\nLogin,Password,Full Name\n')).toBe(true);
    expect(mayHoldTableHeader('2026-12-07 10:00:01 INFO user=alice login ok\n[warn] password expires in 3 days\n')).toBe(false);
  });
});

describe('chunk boundaries do not change what a table gives', () => {
  const all = [CSV_AFTER_PROSE_EN, CSV_AFTER_PROSE_ZH, FORMAT_TABLE_EN, ALIGNED_ZH, MARKDOWN_EN, MARKDOWN_ZH, MYSQL_BOX_EN, PSQL_ZH, TSV_COMMENT_HEADER_EN, TSV_ZH].join('\n');
  it('the same output in chunks of 1, 3, 17, 64 and 4096 bytes', async () => {
    const whole = await run(all, 1 << 20);
    gone(whole, 'Lb!guest-2291', 'Zl@cw0612', 'Ok0nkwo!2019', '830617');
    for (const size of [1, 3, 17, 64, 4096]) expect(await run(all, size), `chunks of ${size}`).toBe(whole);
  });
  it('a table that ends the text without a line break', async () => {
    const text = 'notes\nLogin,Password,Comment\nkiosk_lobby,K1osk!lobby,reset';
    for (const size of [1, 5, 4096]) {
      const out = await run(text, size);
      gone(out, 'K1osk!lobby', 'kiosk_lobby');
      kept(out, 'notes\nLogin,Password,Comment\n', ',reset');
    }
  });
});

describe('column names the table reader now knows', () => {
  it("an upload template's note after a column name (`Password [Required]`, `密码（必填）`) and a home address", async () => {
    const en = await file(
      'bulk-upload.csv',
      ['First Name [Required],Last Name [Required],Email Address [Required],Password [Required],Home Address', 'Olena,Kravets,o.kravets@example.edu,Kv!Lviv-2027,"12 Shevchenka St, Apt 4, Lviv 79000"', ''].join('\n'),
    );
    // name22 (session 21): the name parts under `First Name`/`Last Name` are taken now (rules-name22.test.ts).
    gone(en, 'Kv!Lviv-2027', 'Shevchenka', 'Olena', 'Kravets');
    kept(en, 'First Name [Required],Last Name [Required]');
    const zh = await file('导入模板.csv', ['姓名（必填）,登录名（必填）,密码（必填）,部门（选填）', '阚梓涵,kan.zihan,Kzh@2027!,研发部', ''].join('\n'));
    gone(zh, 'Kzh@2027!', '阚梓涵');
    kept(zh, '研发部');
  });
  it("an SNMP device list's community, user and password columns after a comment (Cacti-style, EN) and a ZH export", async () => {
    const en = await run(['# Console → Devices (export)', 'description,hostname,snmp_version,snmp_community,snmp_username,snmp_auth_password', 'dist-sw-02,10.0.0.2,2,pr1v-RO-77x,,', 'edge-fw,10.0.0.254,3,,mon_v3_edge,V3#Auth-Edge9', ''].join('\n'));
    gone(en, 'pr1v-RO-77x', 'mon_v3_edge', 'V3#Auth-Edge9');
    kept(en, 'dist-sw-02,10.0.0.2,2,', 'snmp_version');
    const zh = await run(['设备清单如下：', '设备名,地址,snmp_community,备注', '核心交换机,10.1.0.1,hzRO-c0mm-26,机房A', ''].join('\n'));
    gone(zh, 'hzRO-c0mm-26');
    kept(zh, '核心交换机,10.1.0.1,', '机房A');
  });
  it('an IP address, a version column and a community count are no such columns', async () => {
    const text = ['Interfaces:', 'Name,IP Address,snmp_version,communities', 'eth0,10.0.0.5,2,3', ''].join('\n');
    expect(await run(text)).toBe(text);
  });
});
