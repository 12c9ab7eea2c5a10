/**
 * Quality of the redactor on the labelled corpora (tests/fixtures/redact, format in
 * corpus-quality.ts), reported apart: `tuned` (fixtures the rules were tuned on), `held-out`
 * (written afterwards, in held-out/), `real` (outputs of this machine's own collectors, in real/,
 * where the truth is "nothing to redact"). Targets (issue 14): recall ≥ 99.5 % overall and
 * ≥ 97 % for every rule, precision ≥ 99 %, zero redactions in the real facts, every structured
 * file still parses after redaction.
 */
import { describe, expect, it } from 'vitest';
import { computeCorpusQuality, CORPUS_SETS, formatQualityTable, type CorpusQuality, type CorpusSet } from './corpus-quality.js';

const quality = new Map<CorpusSet, CorpusQuality>();
const get = (set: CorpusSet) => quality.get(set)!;

describe('redaction corpus', () => {
  it('computes recall and precision per rule for each corpus', async () => {
    for (const set of Object.keys(CORPUS_SETS) as CorpusSet[]) {
      const q = await computeCorpusQuality(CORPUS_SETS[set]);
      quality.set(set, q);
      console.log(`${set}: ${formatQualityTable(q)}`);
      if (q.misses.length > 0) console.log(`missed:\n  ${q.misses.join('\n  ')}`);
      if (q.falsePositives.length > 0) console.log(`false positives:\n  ${q.falsePositives.join('\n  ')}`);
    }
    expect(get('tuned').files).toBeGreaterThanOrEqual(15);
    expect(get('held-out').files).toBeGreaterThanOrEqual(10);
    expect(get('held-out-2').files).toBeGreaterThanOrEqual(10);
    expect(get('held-out-3').files).toBeGreaterThanOrEqual(10);
    expect(get('held-out-4').files).toBeGreaterThanOrEqual(6);
    expect(get('held-out-5').files).toBeGreaterThanOrEqual(30);
    expect(get('held-out-6').files).toBeGreaterThanOrEqual(15);
    expect(get('held-out-7').files).toBeGreaterThanOrEqual(45);
    expect(get('held-out-8').files).toBeGreaterThanOrEqual(45);
    expect(get('held-out-9').files).toBeGreaterThanOrEqual(45);
    expect(get('held-out-10').files).toBeGreaterThanOrEqual(45);
    expect(get('held-out-11').files).toBeGreaterThanOrEqual(45);
    expect(get('held-out-12').files).toBeGreaterThanOrEqual(50);
    expect(get('held-out-13').files).toBeGreaterThanOrEqual(50);
    expect(get('held-out-14').files).toBeGreaterThanOrEqual(50);
    expect(get('held-out-15').files).toBeGreaterThanOrEqual(50);
    expect(get('held-out-16').files).toBeGreaterThanOrEqual(50);
    expect(get('held-out-17').files).toBeGreaterThanOrEqual(50);
    expect(get('held-out-18').files).toBeGreaterThanOrEqual(50);
    expect(get('held-out-19').files).toBeGreaterThanOrEqual(50);
    expect(get('held-out-20').files).toBeGreaterThanOrEqual(55);
    expect(get('held-out-21').files).toBeGreaterThanOrEqual(54);
    expect(get('held-out-22').files).toBeGreaterThanOrEqual(59); // recall22, session 20
    expect(get('held-out-23').files).toBeGreaterThanOrEqual(55); // recall23, session 21
    expect(get('held-out-24').files).toBeGreaterThanOrEqual(56); // recall24, session 22
    expect(get('held-out-25').files).toBeGreaterThanOrEqual(55); // recall25, session 23
    expect(get('held-out-26').files).toBeGreaterThanOrEqual(60); // recall26, session 24
    expect(get('app-logs').files).toBeGreaterThanOrEqual(24);
    expect(get('real').files).toBeGreaterThanOrEqual(10);
  });

  it('is large enough to mean something (≥ 300 planted values, ≥ 300 look-alikes)', () => {
    expect(get('tuned').overall.planted).toBeGreaterThanOrEqual(300);
    expect(get('tuned').overall.lookAlikes).toBeGreaterThanOrEqual(300);
    expect(get('held-out').overall.planted).toBeGreaterThanOrEqual(50);
    expect(get('held-out-5').overall.planted).toBeGreaterThanOrEqual(150);
    expect(get('held-out-6').overall.planted).toBeGreaterThanOrEqual(60);
    expect(get('held-out-7').overall.planted).toBeGreaterThanOrEqual(150);
    expect(get('held-out-8').overall.planted).toBeGreaterThanOrEqual(150);
    expect(get('held-out-9').overall.planted).toBeGreaterThanOrEqual(200);
    expect(get('held-out-10').overall.planted).toBeGreaterThanOrEqual(220);
    expect(get('held-out-11').overall.planted).toBeGreaterThanOrEqual(400);
    expect(get('held-out-12').overall.planted).toBeGreaterThanOrEqual(350);
    expect(get('held-out-13').overall.planted).toBeGreaterThanOrEqual(350);
    expect(get('held-out-13').overall.lookAlikes).toBeGreaterThanOrEqual(150);
    expect(get('held-out-14').overall.planted).toBeGreaterThanOrEqual(350);
    expect(get('held-out-14').overall.lookAlikes).toBeGreaterThanOrEqual(150);
    expect(get('held-out-15').overall.planted).toBeGreaterThanOrEqual(350);
    expect(get('held-out-15').overall.lookAlikes).toBeGreaterThanOrEqual(150);
    expect(get('held-out-16').overall.planted).toBeGreaterThanOrEqual(350);
    expect(get('held-out-16').overall.lookAlikes).toBeGreaterThanOrEqual(150);
    expect(get('held-out-17').overall.planted).toBeGreaterThanOrEqual(350);
    expect(get('held-out-17').overall.lookAlikes).toBeGreaterThanOrEqual(150);
    expect(get('held-out-18').overall.planted).toBeGreaterThanOrEqual(350);
    expect(get('held-out-18').overall.lookAlikes).toBeGreaterThanOrEqual(150);
    expect(get('held-out-19').overall.planted).toBeGreaterThanOrEqual(350);
    expect(get('held-out-19').overall.lookAlikes).toBeGreaterThanOrEqual(150);
    expect(get('held-out-20').overall.planted).toBeGreaterThanOrEqual(400);
    expect(get('held-out-20').overall.lookAlikes).toBeGreaterThanOrEqual(200);
    expect(get('held-out-21').overall.planted).toBeGreaterThanOrEqual(400);
    expect(get('held-out-21').overall.lookAlikes).toBeGreaterThanOrEqual(200);
    expect(get('held-out-22').overall.planted).toBeGreaterThanOrEqual(385); // recall22, session 20
    expect(get('held-out-22').overall.lookAlikes).toBeGreaterThanOrEqual(200);
    expect(get('held-out-23').overall.planted).toBeGreaterThanOrEqual(390); // recall23, session 21
    expect(get('held-out-23').overall.lookAlikes).toBeGreaterThanOrEqual(200);
    expect(get('held-out-24').overall.planted).toBeGreaterThanOrEqual(470); // recall24, session 22
    expect(get('held-out-24').overall.lookAlikes).toBeGreaterThanOrEqual(220);
    expect(get('held-out-25').overall.planted).toBeGreaterThanOrEqual(590); // recall25, session 23
    expect(get('held-out-25').overall.lookAlikes).toBeGreaterThanOrEqual(290);
    expect(get('held-out-26').overall.planted).toBeGreaterThanOrEqual(705); // recall26, session 24
    expect(get('held-out-26').overall.lookAlikes).toBeGreaterThanOrEqual(175);
    expect(get('app-logs').overall.planted).toBeGreaterThanOrEqual(195);
    expect(get('app-logs').overall.lookAlikes).toBeGreaterThanOrEqual(150);
    expect(get('real').overall.lookAlikes).toBeGreaterThanOrEqual(100);
  });

  for (const set of ['tuned', 'held-out', 'held-out-2', 'held-out-3', 'held-out-4', 'held-out-5', 'held-out-6', 'held-out-7', 'held-out-8', 'held-out-9'] as const) {
    it(`${set}: finds ≥ 99.5 % of planted values overall and ≥ 97 % for every rule, precision ≥ 99 %`, () => {
      const q = get(set);
      expect(q.overall.recall).toBeGreaterThanOrEqual(0.995);
      for (const r of q.rules.filter((x) => x.planted > 0)) {
        expect({ rule: r.rule, recall: r.recall }).toEqual({ rule: r.rule, recall: expect.toSatisfy((v: number) => v >= 0.97) });
      }
      expect(q.overall.precision).toBeGreaterThanOrEqual(0.99);
    });
  }

  // held-out-7 reached its targets in session 6 (the comment attribution `(财务共享, 何军)`): it is
  // in the loop above now, and must keep no false positive.
  it('held-out-7: no false positive', () => {
    expect(get('held-out-7').falsePositives).toEqual([]);
  });

  // held-out-8 (first run 94.9 %, FIRST-RUN.md) and held-out-9 (first run 76.1 %) reached their targets
  // in session 8: 217 of 217 and 255 of 255, no false positive (miss89's format families: logins in
  // hosts.yml user maps, vaultcmd and uid keys; Han names after 客户/发给, in chat headers and document
  // names; Latin full names in profile fields and mail headers; full-width digits; base64 URLs with
  // credentials; link user ids; NetBIOS workstation names). They are in the loop above now, and
  // must keep no false positive.
  for (const set of ['held-out-8', 'held-out-9'] as const) {
    it(`${set}: every planted value found, no false positive`, () => {
      const q = get(set);
      expect(q.overall.found).toBe(q.overall.planted);
      expect(q.falsePositives).toEqual([]);
    });
  }

  // The floors of the sets measured, not asserted at target: found may not fall, false positives may not grow. One row
  // per set on one line (every helper edits them); the set's history in the comments above its row.
  const FLOORS: readonly { set: CorpusSet; found: number; fp: number }[] = [
    // held-out-10 (session 8): first run 70.9 % of 292 / 90.6 % (its FIRST-RUN.md), then fixes by
    // format family (85.7 %, 251/293 at the s8-integ merge; miss10: Kafka JAAS, rsync, squid, triple quotes, redis ACL, `user x, password y`, remote-desktop `password accepted: x` → 271/294 (OCR phones spaced digit by digit left out: their wake cost the redactor ~10 %),
    // `bi_consumer` labelled as the login its `user_bi_consumer=` declares, like `erp_producer`).
    // miss10b (session 9), by grammar: names in one-line tables under a 姓名 header (sharedStrings), after a phone
    // and a separator, before an account number or an approval state, between a date and a deed, remarks, an
    // invoice's individual buyer, a document's name; `last modified <date> by x`, aliases beside an id, Logstash
    // conditionals; QQ tickets; `key =>`; DESKTOP-/LAPTOP- names → 290/294. Left: the spaced OCR phone and the
    // name before it, composer's nested `bearer` map, and SQL Server's `Login failed for user 'x'` (kept on purpose).
    // Measured, not asserted at target; it must not fall. Its two false positives left
    // are the company's VPN gateway `vpn.xxsoft.com.cn` under the network profile's hostname rule.
    // rest12 (session 12), by family: SQL Server's own ERRORLOG logins (`Logon  Login failed for user 'x'`;
    // a client's exception still kept), composer's host-keyed token maps (`"bearer": {` ⏎ `"host": "…"`),
    // a company's remote-access gateway on its public domain kept (vpn./vdi./owa. …) → 293/294, no false
    // positive. Left: the OCR phone spaced digit by digit.
    // cjk25 (session 23): a Han nickname planted as user-name (label fix, its FIRST-RUN.md) and taken → 294/295.
    { set: 'held-out-10', found: 294, fp: 0 },
    // held-out-11 (session 9): first run 69.1 % of 408 / 78.9 % as written, 69.4 % of 412 / 89.3 % with
    // label errors corrected (its FIRST-RUN.md); then fixes by format family (recall11: default_pass and
    // authtok keys, glued sign-in cookies, one-line plist pairs, Exim logins and passwd.client, CSV title
    // rows, quoted CSV header rows, values that are no value, LDAP uid DNs, Samba lists, sudoers) → 312/410;
    // ho11logins: numbers under CSV time/count columns are no phones and a data row ending in `CN` is no
    // header, Kerberos (klist clients, keytab keys, service principals kept), `default_user`, JAAS options
    // one per line, `login:password` user options, SAP SSO2 tickets → 322/410.
    // ho11names: person names in `|`-separated and blank-aligned tables under a header naming a person
    // (also Latin `Last, First` names in Display Name columns, 12306 passenger lines, a name before its
    // identity document, presence rosters) → 336/410 alone; both merged: 343/410.
    // honame (session 10): every person-name and address miss by family — surnames (惠, 税 …), English role
    // words, names glued to their phone, CSV full-name/street-address columns and second tables, documents
    // named after their person, meeting participants, Latin chat speakers, names in brackets, smbusers,
    // LDIF base64, addresses without a street number → 368/410 alone (a Latin chat speaker left: its only
    // wake, a date at the line start, cost the marks scan ~20 % on logs).
    // Measured, not asserted at target; it must not fall. Its false positive left: a Confluence user key.
    // hosec (session 10): quoted `mysql -p'…'`, `net use` in CDATA, VPN session cookies, salts and robot
    // keys, `{SSHA}` hashes, HTML credential tables, ZooKeeper digest ACLs, mRemoteNG `Protected=`,
    // 向日葵 codes, UI-breadcrumb password fields, SASL and Jetty realm lists; `user-name:`/`login-no`
    // keys, 操作员, 登录账号 in prose, 802.1X identities, pam_succeed_if lists, RabbitMQ users, CSV
    // UserId columns → 370/410; Confluence user keys are no secrets → no false positive left.
    // Both merged: 395/410 (96.3 %), no false positive.
    // rest12 (session 12): EBS `user X responsibility`, ldapsearch's `# x, people, …` comment, accounts
    // created by name (Windows Setup), password hints → 399/410. Left: SAP's upper-case [User] items, a
    // Confluence CDATA property, the mkstore wallet rows, a WeCom aligned 账号 column, names seen before
    // their key (an etcd path, a RabbitMQ component), a Latin chat speaker.
    // Measured, not asserted at target; it must not fall.
    // table21 (session 20): a table inside text wherever it starts (text-table.ts) — the WeCom 打卡 blank-aligned 账号 column → 401.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): bind DNs `cn=svc_…` and a `.pgpass` login taken by the convention → 402.
    // dir26 (session 24): LDIF `sn: 郑` planted (a label error, its FIRST-RUN.md) and taken by the LDIF layout → 403.
    { set: 'held-out-11', found: 403, fp: 0 },
    // held-out-12 (session 10): written and committed before any rule file was opened, measured once at
    // main a64a6f8: 246 of 359 = 68.5 % / 94.9 % as written, 246 of 358 = 68.7 % / 96.6 % with six labels
    // corrected (its FIRST-RUN.md). No rule was changed for it yet: the floor is that first figure, and its
    // ten false positives (a kubeconfig user entry, `UserInfo{…:c13}`, `Authorization: OSS`, `namespace:`,
    // a 监护人关系 header, 付款人, an Alipay app_id, a VDI broker host) may not grow. With the other fixes of
    // session 10 (held-out-11's families, real-machine false positives, the OSS scheme), never tuned on
    // this set: 251 of 358 = 70.1 %, six false positives.
    // ho12logins (session 11): logins, secrets and home users by family — the SQL*Plus `user/pw@svc`
    // grammar in `conn`/`connect`/disql/rman targets (quoted passwords, built-in accounts kept), client
    // flags (`psql/ksql/sqlcmd -U`, `mysql -u`, `sqlcmd -P`, `mongo -p`, `ldapsearch -w`, `smbclient -U
    // u%pw`, `lftp -u u,pw`, Db2 `CONNECT … USER … USING`), `CREATE/ALTER USER|ROLE`, `\password`, DM
    // `user(X)`, db2diag `AUTHID`, htpasswd/shadow hashes, the Common Log Format login column, PuTTY
    // session `Name\value\`, WebLogic realm users, `<user-name>`, `{AES256}` values, `encrypted…` keys,
    // Tomcat `shutdown=`, Elytron `clear-text=`, `usercode=`/`操作员=`/`[x] 登录成功`, bindpwd/authcode/
    // appkey, `authenticating as`, Android accounts, Jenkins ids, keychain `-a`, CI owner variables,
    // scp/rsync targets, IMAP `LOGIN`, `<name>`/`<value>` pairs, Oracle's Windows ORACLE_BASE user; the
    // `UserInfo{…:c13}` false positive gone; `erp_rpt` (a login the labels forgot beside `hr_query`) is
    // neutral → 302 of 358 = 84.4 %, five false positives.
    // Session 11 (ho12names), person names and identity documents by family: CSV person columns by their
    // whole header (监护人, 参会人, 用户名称（原名称）, contact/attendee name; `监护人关系` is none) and a table under
    // a `key,value` summary and a blank line; a display name's remark in brackets; rarer and compound surnames
    // (幸 乐 井 封 阎 贝, 单于 …) with the words they start (关系, 付款, 幸福 …) kept; record roles (医生, 会员,
    // 寄件/收件, 报销人=), a directory sync's `停用=1 (…)`, `关于X转正的审批`, a form control's title and value,
    // a folder named after its person, a name's romanization after it; transcript speaker lines and attendee
    // lists (Korean names learned too); visa-form name parts, `Name in Native Alphabet`, `Full Name`, points
    // of contact; passport and visa numbers of any shape behind their label; a 身份证 glued to a 学籍号's G;
    // a query's CSV result under `sqlite> SELECT …` read by its own header: 288 of 358 = 80.4 %, four false
    // positives (关系 and 付款人 gone).
    // Both merged: 338 of 358 = 94.4 %, three false positives.
    // rest12 (session 12), by family: Chromium credential tables (username_value, hex(password_value),
    // card_number_encrypted, v10/v11 blobs; each sqlite query its own table), 微信号/WeChat ID columns,
    // operator/打印人/STS session-name logins, prose passwords and the login told with them, VNC/Citrix
    // secrets, device verification codes, insurance card numbers; the VDI host, `namespace:` after an
    // object's `name:` and an Alipay app id are no longer taken (and a PEM key under `sshPrivateKey: |`
    // is taken whole, not its BEGIN line only) → 355 of 358, no false positive.
    // lead, session 20: the merge of session 20 (login21, secret21, name21, table21, fp21, speed17, collect18): 356, FP 0.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): 4 service logins in credential slots relabelled planted, all taken → 360.
    { set: 'held-out-12', found: 360, fp: 0 },
    // held-out-13 (session 11): written and committed before any rule file was opened (52 hand-written
    // files in formats no earlier set had, 7 real outputs of this machine), measured once at main 7642c7b:
    // 228 of 362 = 63.0 % / 95.5 % as written, 228 of 360 = 63.3 % / 96.4 % with four labels corrected
    // (its FIRST-RUN.md). No rule was changed for it: the floor is that first figure, and its eleven false
    // positives (`auth` learned from `pam_faillock(login:auth)` and replaced archive-wide, `auth: password`,
    // `gdm-password:session`, `VBoxManage`, a 4738 `上次设置的密码:` date, a Dell express service code, a
    // batch line after `-P <password>`) may not grow. With session 11's fixes for held-out-12 (ho12logins,
    // ho12names) and tidy's common words, never tuned on this set: 238 of 360 = 66.1 %, eleven false positives.
    // ho13fp (session 11) fixed the eleven by family (PAM tags and PAM type words, sign-in methods, keys
    // saying when, hardware ids, tool names, usage placeholders): none may come back.
    // Session 11, ho13logins (fixed by family, tests in rules-ho13logins.test.ts): Unix account tools (auditd
    // acct=, LightDM/GDM greeters, last/who/lastlog rows, chage/faillock/lastlog/userdel), ESXi hostd/esxcli,
    // iDRAC racadm and Lifecycle log, Proxmox realms and API tokens, VirtualBox auto-logon/VRDE users, hdbsql,
    // hdbuserstore, HANA `ALTER USER … PASSWORD`, Cisco/Huawei local users, type-7 passwords, SNMP
    // communities, Huawei ciphertexts, Hadoop proxy users and dotted `<name>` keys, ADO.NET `user id=` (not
    // an application's), CIFS `user=x%pw`, STS role sessions, dscl RecordName, INI `USER =`, `账户=`:
    // 296 of 360 = 82.2 %, still eleven false positives.
    // Session 11 (ho13names), its person names by family (GECOS, Proxmox user.cfg, dscl RealName, JSON name
    // parts, names in brackets and descriptions, tax/bank/payslip/e-invoice paperwork, salutations), the
    // Bank of China 6013 card and the VRP MAC: 275 of 360 = 76.4 %, still eleven false positives.
    // All three merged: 333 of 360 = 92.5 %, no false positive.
    // Session 12 (rest13, by family, tests in rules-rest13.test.ts): 4720/4738 `帐户名称`/`SAM 帐户名` and
    // form labels (`账号开通`), labelled 公积金/社保 account numbers, Baidu `uk=` ids and `BDUSS`/`SESSDATA`
    // cookies, WindTerm `autoLogin`, vault cards' security codes, security-question answers, `密码（…）：`
    // keys with a remark, share-link `password x expires`, storage CLIs' key pairs (qshell, mc, ossutil,
    // obsutil, coscmd) and unprefixed access key ids, faillock's per-login headings, Perforce
    // `user@workspace` and `P4CLIENT`, login/password cells of `|` tables (Airflow `connections get`),
    // what auto-login scripts send after a password/OTP prompt (and, beyond the set, `totp` seeds, KeePass
    // XML fields, ZooKeeper `addauth digest`): 352 of 360 = 97.8 %, no false positive.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): `noc_readonly` (a `username x … password` line) relabelled planted, taken → 353.
    { set: 'held-out-13', found: 353, fp: 0 },
    // held-out-14 (session 12): written and committed before any rule file was opened (53 hand-written
    // files in formats no earlier set had, 7 real outputs of this machine), measured once with the rules of
    // main 174d208 (the set at 90e5218): 252 of 370 = 68.1 % / 95.5 % as written, 254 of 370 = 68.6 % /
    // 99.3 % with twelve labels corrected (its FIRST-RUN.md). No rule was changed for it: the floor is that
    // first figure, and its two false positives (`/home/ftp/…` in a vsftpd xferlog taken for a home user,
    // twice) may not grow.
    // Session 13 (rest14a, by family, tests in rules-rest14a.test.ts): server-side credential stores —
    // Comware/VRP `local-user` and `password simple|hash|cipher`, `$c$3$`/`$h$6$` stored forms, HAProxy
    // `userlist` users and `stats auth`, htpasswd items in YAML/JSON, pgbouncer md5/SCRAM entries,
    // FreeRADIUS users and radius.log `[user/pw]`, `echo 'x:pw' | chpasswd`, `useradd … x`, `\040` SQL of
    // `.mysql_history` — and stored secret forms: `${VAR:default}`, Pulumi `secure: v1:`, vmess/vless ids,
    // `cat admin.password`, BitLocker 8×6 digits, uci `option key`, 宝塔 entrance, `/link/<token>`, `尝试=`
    // after 密码错误, `newpwd=`, bce `ALTAK…`/`sk =`, Go DSNs with `@` in the password, `-D…username=`,
    // `vault kv get`/`stack output` rows, PHP `$config->db->user`, Coremail `admin=`: 306 of 370 = 82.7 %,
    // the same two false positives.
    // Session 13 (rest14b, by family, tests in rules-rest14b.test.ts): Windows tables (quser rows en-US/zh-CN,
    // `reg query` user values such as a bare UsernameHint, Exchange `Alias :` and mailbox/local-user `-Identity`,
    // a service's `-u x -p pw`), vsftpd `[x] OK|FAIL LOGIN` and xferlog's user column (a service home such as
    // `/home/ftp/` is no person: its two false positives are gone), names in paperwork roles (投保人, 权利人 a、b,
    // 出租方(甲方), 经纪人, 附属卡) and first in IT free text (Description/描述/remarks/uploader, `by`, ` 的手机`),
    // hyphenated Latin given names and mutt aliases, useradd `-c` GECOS names, QQ export header and QQ numbers,
    // HR papers in a mail subject, a pinyin name glued in an SSID, CSV `Name(login)` cells, Latin emergency
    // contacts, 用户 login columns, passport numbers in a 证件号 column, VINs (check digit), `密码还是 x`, keypad
    // codes, long report verification codes: 296 of 370 = 80.0 %, no false positive.
    // login20, session 19: a bracketed login before `login success` (Sentinel's dashboard): 350.
    // table21 (session 20): a table inside text wherever it starts (text-table.ts) — the RSAS weak-password report aligned 用户名/口令 columns → 357.
    // secret22, session 21: chpasswd's here-document of login:password lines: 357 → 360.
    { set: 'held-out-14', found: 360, fp: 0 },
    // held-out-15 (session 13): written and committed before any rule file was opened (54 hand-written
    // files in formats no earlier set had, 6 real outputs of this machine), measured once with the rules of
    // main 06196b3 (the set at 6fa3623): 338 of 506 = 66.8 % / 93.5 % as written, 343 of 510 = 67.3 % /
    // 96.5 % with thirteen labels corrected (its FIRST-RUN.md). No rule was changed for it: the floor is that
    // first figure, and its fifteen false positives (tool names and markers taken for passwords — `1pctl`,
    // `(ComKey):`, `!!`, `'`, `%p`, a salt minion id, a timeout, a FortiToken serial, a Keycloak
    // credentialData JSON, a docs placeholder, an LDAP timestamp —, `owner:self`, 应出勤/查询/房租 as names)
    // may not grow.
    // Session 13's fixes made for held-out-14 (rest14a, rest14b, the lead's) took 6 more of its values, never tuned on it: 349.
    // Session 14 (rest15a) fixed its missed logins by family — account stores of network devices (FortiOS `config system
    // admin` ⏎ `edit "x"`, RouterOS `/ppp secret` ⏎ `add name=x`, 天融信 `admin add name x`, console logs), identity tools
    // (FreeIPA, kadmin, dsquery/dsadd -samid, Ceph, radosgw), YAML users blocks (Salt, Puppet, cloud-init), kickstart and
    // preseed, database shells (`'x'@'host'`, obclient, redis AUTH/ACL, mongosh, pg_hba rows, tiup), applications (emqx,
    // Elastic, --proxy-user, TongWeb, iscsid, bind DNs, shell prompts, pfSense <user>), a Kerberos principal's login
    // learned, 添加人账号 columns — and `owner:self`: 403, one false positive fewer.
    // Session 14 (rest15b, by family, tests in rules-rest15b.test.ts): admin CLIs' password arguments from one table
    // (admin-cli.ts: emqx_ctl/zmprov/rabbitmqctl positional, gsql -W, drone --data, pcs -p, iscsiadm -v, glued -p of
    // gccli/obclient, echo|ipa passwd, realm join <<<, Redis AUTH/ACL SETUSER, PASSWORD(), changeUserPassword),
    // device clear-text directives (type 0, TopSec `add name x password`, heartbeat/portal keys, SNMP communities),
    // crypt hashes by shape, preseed answers, k3s tokens, printed passwords (security -w, secret-tool, TiDB), Salt
    // values below a bare key, PublicLinkSalt, password_in; person names first in comments/descriptions/notes,
    // paperwork labels (检验者, 受理民警, 房东, 曾用名, 承办人签章, 制表, 兹证明 … 同志), GECOS of cloud-init/kickstart/
    // preseed, a passport page's given names, bill exports' 交易对方 and 企业微信 添加人: 416.
    // Both together (merged by the lead): 470, 12 false positives (the lead's value checks removed one).
    // Session 16 (pinyin1): a person's pinyin name as a bare login on a line that speaks of accounts (pinyin-name.ts:
    // `tianwei … LOGIN FROM`, `liu_chengzhi … login denied`): 472. name17's person-name false positives (应出勤, 查询,
    // 房租) no longer taken: FP 9.
    // Session 18 (name19): person names and addresses in log prose and fields (person-prose.ts: an LDAP CN, `注释:` far from its name, a pinyin login's
    // name in a CSV row): 480.
    // Session 18 (fp19): false positives by cause (a locked `!!`, a `%p` macro, a GeneralizedTime, a JSON object's text, a
    // duration in milliseconds, a Chinese key naming a command, SaltStack's `salt '<target>'`; rules-fp19.test.ts): FP 1.
    // table21 (session 20): a table inside text wherever it starts (text-table.ts) — ZKTeco TSV 密码 column, iKuai/通达OA CSV after prose, a gsql box → 491.
    // Session 20 (fp21): a FortiToken's serial (`set fortitoken "FTK…"`) is no token: FP 0.
    // name21, session 20: a name with a worker's status in brackets (`'Rahul Gupta (contractor)'`): 481.
    // lead, session 20: the merge of session 20 (login21, secret21, name21, table21, fp21, speed17, collect18): 492, FP 0.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): bind DNs `svc_gerrit_bind`/`svc_gitlab_ldap` taken, `ssl_guest_demo` relabelled planted → 495.
    { set: 'held-out-15', found: 496, fp: 0 },
    // held-out-16 (session 14): written and committed before any rule file was opened (51 hand-written
    // files in formats no earlier set had, 6 real outputs of this machine), measured once with the rules of
    // main c29b1bd (the set at 7536204): 422 of 640 = 65.9 % / 93.8 % as written, 422 of 633 = 66.7 % /
    // 95.4 % with fifteen labels corrected (its FIRST-RUN.md). No rule was changed for it: the floor is that
    // first figure, and its twenty-four false positives (company hostnames, a message id, `{`, `[`, `jdbc`,
    // a port, public app keys, a docs placeholder, svnserve's `write`/`passwd`, `monitor`, `HRDB`, `DBA`,
    // a request nonce and signatures, an HMAC, `sha256WithRSAEncryption` in a real `openssl x509 -text`)
    // may not grow.
    // Session 14, after its first run: the lead fixed fifteen of those false positives by family (a block or list
    // opener, header lists, message ids, nonces, numeric app keys, doc stand-ins, hydra templates, svnserve's words,
    // a JDBC URL after -u, a role in brackets, OpenSSL's algorithm names: rules-lead14.test.ts); rest15a/rest15b's
    // fixes for held-out-15, never tuned on this set, took 8 more of its values.
    // Session 15 (rest16a): its missed logins by family (tool → user-flag table, TDengine PASS, `login:<crypt hash>`
    // lines, section/block-scoped stores as items blocks — INI `[users]`, Caddy basicauth, chap-secrets, account-list
    // tables —, ipsec.secrets EAP ids, Nagios contacts, scanner findings, `login:password` pairs, account record
    // elements, clerks by role, broadband accounts, tshark rows, swanctl EAP ids …; rules-rest16a.test.ts): 430 → 483.
    // Session 15 (rest16b): person names by family (CSV role columns and lists, more role keys, free text of IT records,
    // desk and pinyin machine names, GnuPG/Junos/visa-form Latin names, HR paperwork owners) and passports in prose and a
    // passport column, a public IP after an ellipsis: 478 (FIRST-RUN.md "Fixed in session 15 (rest16b)").
    // Session 15 (secret16): a password by its shape where the line puts a credential (password-shape.ts: after
    // community/pre-share, keys with a password word inside, password flags, a strong shape on a line naming a
    // credential), values a format hides (actuator `{"value": …}`, `{xor}`, base64 bcrypt, `$7$`, ipsec EAP/XAUTH),
    // admin CLIs' places (alist, pure-pw, beeline, mosquitto clients, ipmitool, taos) and mysql's `-P<port>` no
    // longer taken: 430 → 463 (one label added: mosquitto's second `$7$` hash was unlabelled), FP 9 → 8.
    // All three merged, their tests updated to expect both halves of a line (a login and its hash, a login and the
    // name in brackets after it): 564 of 634, FP 8.
    // Session 16 (pinyin1): a pinyin login in a SQL row beside `用户不存在` (`'wu_xiaotong'`): 565; name17's `财务-邵丹-PC`: 566.
    // Session 18 (secret19): the password half of Bundler's and .curlrc's `login:password` strings: 573, FP 8.
    // Session 18 (name19): person names in log prose and fields (person-prose.ts: names joined by 和, 来自 X 的, X's, a pinyin
    // login's name in a CSV row): 578.
    // Session 18 (fp19): two company host names in network-profile files labelled neutral (a label error, its FIRST-RUN.md): FP 6.
    // Session 18 (fp19): push/analytics SDK app keys (`jpush.app-key`, `umeng.appkey`) are public: FP 4.
    // Session 18 (secret19): the password half of Bundler's `BUNDLE_<HOST>: "login:password"`: 571, FP 8.
    // Session 18, after the merge of every branch: 579, FP 4.
    // login21 (session 20): logins by their grammar (login-slots.ts) — pg_hba `- host …` in patroni.yml, WebSphere `failed for the 'x' principal name`: 581.
    // table21 (session 20): a table inside text wherever it starts (text-table.ts) — pap/chap-secrets under its `# client server secret` header → 581.
    // Session 20 (fp21): one API call's signature logged with its nonce or timestamp (Alibaba Cloud RPC, e签宝 callbacks): FP 2.
    // name21, session 20: a Latin name after a job title (`our CTO Ou Minghui`): 580.
    // lead, session 20: the merge of session 20 (login21, secret21, name21, table21, fp21, speed17, collect18): 584, FP 2.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): bind DN `svc_ranger_bind` (and `svc_yapi_bind` key) taken → 585.
    // secret22, session 21 (captured-secrets.ts): fscan's hits, a PIN and a lock code in notes, a meeting's numeric password: 584 → 592.
    // lead, session 21: the merge of session 21 (login22, secret22, name22, overlap22, speed18, lead): 593, FP 2.
    // addr23, session 22: the inviting person's `Via della Spiga 22, 20121 Milano` relabelled planted (a label error, its FIRST-RUN.md) and taken: 594.
    { set: 'held-out-16', found: 594, fp: 2 },
    // held-out-17 (session 15): written and committed before any rule file was opened (54 hand-written files in
    // formats no earlier set had, 6 real outputs of this machine), measured once with the rules of main 752e709 (the
    // set at 5176467): 372 of 554 = 67.1 % / 92.3 % as written, 373 of 554 = 67.3 % / 94.0 % with eight labels
    // corrected (its FIRST-RUN.md). No rule was changed for it: the floor is that first figure, and its thirty false
    // positives (PBX section names `8012-auth`, company hostnames in the network profile, `require(`/`oss2.Auth(`/
    // `Sys.getenv(`, `plain[passwd=…]`, `strong`, `set`, `loggedIn`, `created`, `helpdesk`, an app key, a firmware
    // version taken for an IP, `hg@host`, 管家/全拼/应为 as names, a docs example `张三 13800000000`) may not grow.
    // Second sight (session 15's merge, no rule written for this set): rest16a/rest16b/secret16's fixes for
    // held-out-16 took 13 more of its values (386) and one false positive; the lead's fixes of what its first run
    // showed (keys glued to `pw` woke nothing in the shipped engine; a call's head after `auth =`; a Data Pump file
    // name) took 2 more and 4 false positives fewer: 388, FP 27.
    // Session 16 (secret17), secrets by family: admin CLIs' password flags and positions (cypher-shell, couchbase-cli, cbq,
    // Sentinel auth-pass/sentinel-pass, n2n edge -k, icinga2 --ticket), SQL/Cypher SET PASSWORD, Oracle userid=u/pw@, a library
    // call's secret argument (oss2.Auth, jwt.sign), Samba NT hashes, scheme-tagged LDAP hashes, share links and 提取码/卡密,
    // Jetty realm OBF:/MD5:/CRYPT:, glued keys (controlpass, authpass, UC_FOUNDERPW), nps vkey, CSV 初始密码 columns,
    // tools and files that print a secret alone (icinga2 pki ticket, cat VNCSettings.txt), a test account `x / pw`: 424, FP 27.
    // Session 16 (login17): its missed logins by grammar — admin CLIs' user flags (cypher-shell, cbq, couchbase-cli, cqlsh,
    // registries' `login -u`, headscale, dscacheutil), qualified `--<role>-username` flags, account commands whose last
    // argument is the login (after history prefixes: usermod, su -, smbpasswd, ocpasswd, sentinel auth-user …), stores
    // (ocpasswd `x:group:$5$`, 3proxy `users x:CL:`, Icinga `object ApiUser`, SoftEther `declare x` under UserList, realm
    // files, `pdbedit -L`, `net session`/`net file`, pipe tables under a login header), prompts answered on their line,
    // PHP arrays indexed by `$i`, `UID = "x"`, Oracle `x/pw@tns`, escaped JSON, `"U"/"P"` pairs, XML key attributes,
    // ssh-family `x@host`, FTP `USER x`, WeCom from/tolist, `测试号 x / pw`; the value slot of a JSON key/value object
    // (Apifox `currentValue`) read under its key; `loggedIn`, `created`, `helpdesk` no longer taken
    // (rules-login17.test.ts): 439, FP 24.
    // Session 16 (name17): person names by the position they stand in — Chinese role words (审判员/书记员 spaced,
    // 经办民警, 值班, 最后编辑, …管理员, 业主 with a second owner), kinship and 同志 after a name, a team or 整理 in a
    // bracketed remark, 收/给, a name before its device or paper (`-笔记本`, `的ThinkPad`, `-述职报告`, `-临时`), Latin
    // names in devices and `'s mum`, callerid/display/tuple-with-mail/LDAP cn/pdbedit/dash-date signature/pandas
    // filter, a prompt's full name, accents in Latin names (gecos, CSV), CSV columns 借用人/处理人/创建人/英文名, 闻 as a
    // surname; a surname with a title (张经理, 王总) and 应为/查询/房租/管家/全拼 are no names: 433, FP 24.
    // Session 16 (pinyin1, FIRST-RUN.md "Fixed in session 16 (pinyin1)"): pinyin names as logins with affixes or in
    // two parts on account lines (`wb_huangshiqi`, `huang.shiqi`, `miaozimo_admin`, `ssh sima.junchi@…`, `-u yezixuan`),
    // learned so a home folder's `huangshiqi` goes too: 394, FP 27.
    // Merged (secret17 + login17 + name17, the lead's all-Han password cell): 520, FP 21.
    // Session 18 (secret19): a realm file's (Rundeck realm.properties, tokens.properties) passwords and hashes after its heading comment: 525, FP 21.
    // Session 18 (name19): a name a form glosses as one (`授权委托 蔺子豪（姓名）`): 522.
    // Session 18 (fp19): false positives by cause (pjsip `auth=8012-auth`, ocserv `plain[…]`, 3proxy `strong`, `-autologin set`,
    // a path after `$ORACLE_HOME`, a firmware version, `hg@host` at an ssh remote; rules-fp19.test.ts): FP 10 (13 after dropping two).
    // Session 18 (fp19): five company host names in network-profile files labelled neutral (a label error, its FIRST-RUN.md): FP 1.
    // Session 18 (fp19): an app key of words (`appKey=hysrm_test`) names the app; `-autologin set` and the docs example
    // `例 张三 13800000000` left (a verb is a login elsewhere; older tests plant 13800000000 as a real number): FP 3.
    // Session 18, after the merge of every branch: 526, FP 3.
    // secret20 (session 19): Wazuh's authd.pass headed by its path and agent-auth -P, Rancher's bootstrap password from kubectl … | base64 -d → 528.
    // table21 (session 20): a table inside text wherever it starts (text-table.ts) — Format-Table Password and Token columns (LAPS, influx) → 530.
    // Session 20 (fp21): `sysadminctl -autologin set`, a mobile number of zeros (a form's stand-in, and the example name by it): FP 0.
    { set: 'held-out-17', found: 530, fp: 0 },
    // held-out-18 (session 16): written and committed before any rule file was opened (53 hand-written files in
    // formats no earlier set had, 6 real outputs of this machine), measured once with the rules of main 1c2fe12 (the
    // set at 29a745b): 467 of 595 = 78.5 % / 92.3 % as written, 468 of 596 = 78.5 % / 94.0 % with eight labels
    // corrected (its FIRST-RUN.md). No rule was changed for it: the floor is that first figure, and its thirty-one
    // false positives (docs stand-ins `sk-...`/`YOUR_PASSWORD`/`REPLACE_ME`/`secretpassword`/`root:Milvus`/`Hello@123`,
    // public app keys and ids, `user%password` in a docs line, `(again):`, `是`, `发给`, `Pwd`, `Render Farm`, `文心`,
    // a mirror path's `ubuntu`, `deploy@host`, company hostnames in the network profile) may not grow.
    // One label added after the merge (session 16, lead): the 英文名 column's `Chenyang Gui`, like `Sandy Rui` above it
    // (first figure with it: 468 of 597). The session's rules, none written for this set, took 8 more: 476, FP 31.
    // Session 17 (secret18): name/value pairs (`val`, `current_value`, boxed), glued key parts, admin CLIs, printed keys, account stores: 514 (FP 16) alone.
    // Session 17 (name18): role columns and role nouns, logins/mails with the person in brackets, signatures, devices and Wi-Fi, rarer surnames, cards, passports, a village address, a CFCA 身份证: 515, FP 29.
    // Session 17 (login18): +24 logins by family — name/value pairs, account-tool tables, qualified flags, T-SQL, JAAS, psql catalogs: 500 alone.
    // All three merged (lead): 576 of 597 = 96.5 %, FP 12 (an NVR export's `User1.Name=admin` under `[Users]` is a field, not a login = password).
    // Session 18 (fp19): `是`/`发给`, a key container, `deploy@host` after `ssh -p`, no longer taken (FP 8); `发给` no longer
    // swallowing the name after it: 577.
    // Session 18 (fp19): two company host names in a network-profile file labelled neutral (a label error, its FIRST-RUN.md): FP 6.
    // Session 18 (fp19): push SDK app keys under their YAML block (`jpush:`/`getui:`/`umeng:` ⏎ `app-key:`) are public: FP 3.
    // secret20 (session 19): curl -u login:'pw' quoted apart → 578.
    // login21 (session 20): logins by their grammar (login-slots.ts) — Proxmox `packer@pve`: 579.
    // table21 (session 20): a table inside text wherever it starts (text-table.ts) — Get-StoredCredential Format-Table UserName/Password → 580.
    // Session 20 (fp21): `kubeadm token create --print-join-command`'s printed command (the CA's hash beside the token): FP 2.
    // lead, session 20: the merge of session 20 (login21, secret21, name21, table21, fp21, speed17, collect18): 581, FP 2.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): bind DN `svc_hue_bind` and the HighGo `.pgpass` login `oa_app_hg` taken → 583.
    { set: 'held-out-18', found: 583, fp: 2 },
    // held-out-19 (session 17): written and committed before any rule file was opened (50 hand-written files — 16 of them
    // plain application logs of as many frameworks — and 6 real outputs of this machine), measured once with the rules of
    // main 214c88e (the set at 653523a): 349 of 475 = 73.5 % / 94.9 % as written, 352 of 446 = 78.9 % / 98.0 % with labels
    // corrected (28 public IPs in default-profile files, which that profile keeps by design; its FIRST-RUN.md). No rule was
    // changed for it: the floor is that first figure, and its eight false positives (`Jiahe Source`, a Bitbucket licence,
    // `deny-all`, `Psk`, an MD5 `sign=`, `User1.Name`/`User2.Name`/`User2.Remark`) may not grow.
    // Second sight (session 17, after the merge; no rule written for this set): the session's rules took 9 more and 2
    // fewer false positives (an NVR's `User1.Name=admin` under `[Users]` a field, not login = password): 361, FP 6.
    // Session 18 (secret19): admin CLIs' password arguments (rasdial, xo-cli, upx, htpasswd -n, choco/nuget/conan), PBKDF2 hashes, tokens reported as made, a Docker secret printed by cat: 372, FP 6.
    // Session 18 (login19): logins by family — a failed sign-in before `for`, a role before `x logged in`, 用户[x], tools' positions, 启动人: 373, FP 6;
    // login lists (sshd AllowUsers, TigerVNC PlainUsers) and a user table's `x|$PBKDF2-…$` line: 377, FP 6.
    // Session 18 (name19): person names and addresses in log prose and fields (person-prose.ts: person keys, role nouns, a name
    // before its own phone, e-mail or login, `as "…"`, LDAP CN, 操作员[…], workflow roles, relations, a Latin name beside its gender,
    // a 接种者 column; Latin and Japanese street addresses after an address cue; X的 NAS, (X, ops), X printed; 满 as a surname): 391.
    // Session 18 (fp19): `deny-all`, `Psk`, the MD5 of nothing as `sign=` no longer taken: FP 3.
    // Session 18 (secret19): admin CLIs' password arguments (rasdial, xo-cli, upx, htpasswd -n, choco/nuget/conan), PBKDF2 hashes, a Docker secret printed by cat: 370, FP 6.
    // Session 18, after the merge of secret19, login19, name19, fp19 and realfp (each measured alone above): 416, FP 3.
    // Session 19 (name20): passport numbers under a key, in a roll's cell, with letters inside after 护照: 417.
    // secret20 (session 19): tokens a tool reports having made (`token x created for user`, `… created for x: <token>`) → 418.
    // lead, session 19: the merge of session 19.
    // login21 (session 20): logins by their grammar (login-slots.ts) — Rails `find_by_login("x")`, `学车账号 (122 app)：x`: 421.
    // table21 (session 20): a table inside text wherever it starts (text-table.ts) — Portainer user list, EZStation CSV after a comment → 422;
    // SNMP columns (Cacti's snmp_community/snmp_username/snmp_auth_password) → 425.
    // lead, session 20: the merge of session 20 (login21, secret21, name21, table21, fp21, speed17, collect18): 427, FP 3.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): `User Id=hrportal_app;Password=` taken, `LDAP_DN=CN=svc-bookstack` taken → 429.
    { set: 'held-out-19', found: 429, fp: 3 },
    // held-out-20 (session 18, recall20): written and committed before any rule file was opened (25 plain application logs
    // in shapes no earlier set had, 28 configs/CLIs/exports/paperwork, 8 real outputs incl. the product's own collected
    // entries), measured once with the rules of main 0946e89 (the set at 175d259): 356 of 417 = 85.4 % / 94.7 % as
    // written, 352 of 415 = 84.8 % / 95.2 % with eight labels corrected (a user SID, request signatures, role and
    // built-in accounts, a split JSON name; its FIRST-RUN.md). No rule was changed for it: the floor is that first
    // figure, and its 21 false positives (key-shaped names as values, `occ` sub-commands and Grafana uids as logins,
    // auth schemes, an SSH fingerprint, `蓝信`, a pip version) may not grow.
    // Second sight (session 18, after the merge; no rule written for this set): the session's rules took 12 more (364 of
    // 415 = 87.7 %) and made 3 new false positives (a company in `"customer":`, the word `principal` before its login, a
    // mailbox named `Posteingang Birgit`); the lead's rules-lead18 kept the first two: FP 22.
    // Session 19 (fp20): false positives by cause (`…_SCHEME`/`…Identity`/`…_FILTER` keys, an SSH key fingerprint, a `pip list`
    // version, loguru's `module:function:line`, vendor signing schemes before their parameters, occ's `user:…` commands, Grafana
    // uids; rules-fp20.test.ts), and Zabbix plugin keys' password parameter taken by its grammar: FP 5.
    // Session 19 (name20): names in log prose — a Han name after an English role noun, new role nouns (claimant, policy
    // holder, operator …), two particles (`van der`), `a nome di`, a Latin name after 客户, 交接给, a Latin name beside gender
    // and birth date — and passports under a key or after 护照 (rules-name20.test.ts): 376.
    // secret20 (session 19): GetNetworkCredential().Password and occ config:system:get printed alone, a temporary password in a sentence, doveadm auth test, SMTP_USERNAME holding a UUID token, cat x.psk; a payment merchant's key (`merchantKey=`) → 372.
    // login20, session 19: logins of admin CLIs by position (`occ user:* x`, `bitsadmin /setcredentials … x pw`) and of log prose
    // (`reset password for x`, `password of user x`, `disabled account x`, `failed for subject "x"`); `occ`'s subcommands no
    // longer read as `user:` = `add`, `setting`, `resetpassword`, `lastseen` (4 false positives gone), an `"admin":"x"` audit field: 372, FP 18.
    // lead, session 19: the merge of session 19 (secret20 + login20 + name20 + fp20 together), then IBANs.
    // login21 (session 20): logins by their grammar (login-slots.ts) — macOS profile `AuthName = "x";`: 394.
    // secret21, session 20: a value piped into a secret store that reads stdin (`printf 'x' | docker secret create name -`): 394.
    // table21 (session 20): a table inside text wherever it starts (text-table.ts) — a kindergarten application export's name column (UTF-16) → 394.
    // Session 20 (fp21): docker's `--secret <name>`, a URL query value on a curl -u line, a mail address as a URL's login: FP 2.
    // name21, session 20: Han names in a role's list (`入住人 A、B`), between a desk and its act (`财务 X 复核`, `由 IT 部 X 推送`), in a
    // versioned file name, an SMS template's parameter, a compound surname before 的 iPhone: 399.
    // lead, session 20: the merge of session 20 (login21, secret21, name21, table21, fp21, speed17, collect18): 402, FP 2.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): 13 service logins in credential slots relabelled planted; `ldapAgentName | cn=x` taken → 413.
    // cjk25 (session 23): a personal invoice header `抬头 个人（…）`, an interview `面试：…`; 蓝信 is no name → 415 FP 1.
    { set: 'held-out-20', found: 415, fp: 1 },
    // held-out-21 (session 19, recall21): written and committed before any rule file was opened (21 plain application logs
    // in stacks no earlier set had, 25 configs/CLIs/exports/paperwork, 8 real outputs incl. the product's own collected
    // entries), measured once with the rules of main 341ef08 (the set at 930b281): 297 of 400 = 74.3 % / 96.0 % as written,
    // 299 of 402 = 74.4 % / 96.9 % with five labels corrected (an AWS key id, a 医保卡号, a password cipher, a lab account,
    // a shell prompt's login; its FIRST-RUN.md). No rule was changed for it: the floor is that first figure, and its 11 false positives (ids and
    // words as logins, `signIn(email:`, an IP before `community`, an over-long otpauth `secret=`) may not grow.
    // lead, session 19: second sight after the merge of session 19 (no rule written for it).
    // lead, session 19: the prompt wake (`ana@dev-lt:~/infra$`), Han names after everyday roles (教师, 家长, 工友, 客服 …), honorifics, IBANs, network device configs.
    // login21 (session 20): logins by their grammar (login-slots.ts) — `Principal(x, …)`, `setUserIdentifier(x)`, EdgeOS `user x {`/`login x`, VS Code `"account":{"label":"x"}`, keychain `"acct"<blob>=`: 322.
    // secret21, session 20: network devices (ASA `username x password Y encrypted privilege 15`, `enable password $sha512$…`, an ASA trap
    // host's `community Y`, no longer an IP before it) and a VM's guest password (vmrun `-gp`, a `pw.txt` printed): 322, FP 10.
    // table21 (session 20): an upload template's note after a column name (Google Workspace `Password [Required]`) → 320.
    // Session 20 (fp21): ids as logins or secrets (hex user_id, Sidekiq jid, a UID cookie), `signIn(email:`, an ASA trap host's
    // address, a CSV comma in an otpauth URL; the community after `community` and an English `extract code` taken: 318, FP 5;
    // a share link's id made neutral (a label error: held-out-17 plants one; its FIRST-RUN.md): FP 4.
    // name21, session 20: Latin names in object dumps (`User(name: …)`, `Claimant(X, …)`), contact lines in six languages, a message's
    // sender, a huddle's people, a record id's owner, a device's or a label's person, `O'Brien` (rules-name21.test.ts): 332;
    // then a Latin name after a Chinese role, `for account X (`, a vCard FN, a foreign street address after `ship to`/`visit … at`: 337.
    // lead, session 20: the merge of session 20 (login21, secret21, name21, table21, fp21, speed17, collect18): 354, FP 4.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): 3 DSN service logins relabelled planted; a Slack member id and a method name no login: FP 2 → 357.
    // secret22, session 21 (captured-secrets.ts): a PIN and a card's security code in a LastPass note, a PIN in prose: 354 → 357.
    // secret22, session 21: Slack's URL-encoded `d=xoxd-…` session cookie: 357 → 358.
    // name22, session 21: one part of a name under a first-/last-name column, a quoted CSV address with commas (rules-name22.test.ts): 359.
    // lead, session 21: the merge of session 21 (login22, secret22, name22, overlap22, speed18, lead): 366, FP 2.
    // intlphone23, session 22: a national phone number after a phone word (national-phone.ts): 367.
    // lead, session 22: the merge of session 22 (idnum23, intlkey23, nameeu23, namecjk23, addr23, intlphone23, speed19, sos20): 368.
    // cjk25 (session 23): `付款给供应商 X`, Han nicknames → 370.
    // addr25, session 23 (street-address-keyed.ts): Nordic street compounds with their postcode (`Storgatan 18, 411 38 Göteborg`): 369.
    // lead, session 23: the merge of session 23 — 371.
    { set: 'held-out-21', found: 371, fp: 2 },
    // intlkey23, session 22: a login after an account noun of another language (+1).
    // held-out-22 (session 20, recall22): written and committed before any rule file was opened (23 plain application logs
    // in stacks no earlier set had, 28 configs/CLIs/exports/paperwork, 8 real outputs incl. the product's own 诊断摘要.html
    // and 网络配置.txt), measured once with the rules of main 318b29c (the set at 4c866b8): 302 of 388 = 77.8 % / 93.4 % as
    // written, 308 of 390 = 79.0 % / 95.9 % with labels corrected (four SIDs planted, company numbers and SMS codes
    // neutral, Oracle O5LOGON session keys planted, an ICCID and a CSRF token neutral; its FIRST-RUN.md). No rule was
    // changed for it: the floor is that corrected first figure, and its 16 false positives (an Oracle trace's AUTH_* run,
    // nmcli flag columns, `"password": "string"`, `$REDIS_PW`, `uid=` ids as logins, 于未经) may not grow.
    // lead, session 20: the merge of session 20 (login21, secret21, name21, table21, fp21, speed17, collect18): 313, FP 15.
    // login22 (session 21), credential-slot service logins (fixtures README, convention change): 8 slot logins relabelled planted, MQ `User(x)` taken; `uid=u_8217`, `verifyPassword` no login: FP 13 → 321.
    // secret22, session 21: a type name, a colour style, `*-flags`, an Oracle client's AUTH_TERMINAL/…, a certificate pin, `$REDIS_PW` and a key as a value are no secrets: FP 15 → 3.
    // secret22, session 21 (captured-secrets.ts): Redis MONITOR's AUTH, Terraform's sensitive outputs, a kiosk's PIN, a Webex host key: 313 → 318.
    // name22, session 21: CSV name-part, spouse and street columns, Latin Extended-A names, dotted person keys, MRZ name parts: 325;
    // then exiftool/OOXML metadata people, `*By` keys, a role opening a bracket's item (`, customer X)`): 329.
    // lead, session 21: the merge of session 21 (login22, secret22, name22, overlap22, speed18, lead): 342, FP 1.
    // idnum23, session 22 (national-ids.ts): a Portuguese NIF in SQL, an MRZ documentNumber on a passport reader's line: 344.
    // name25, session 23: a Webex attendee report's bare Name column beside the attendee's e-mail: 346.
    // cjk25 (session 23): `…Nm=` keys, `被 X 于 08:29 修改`, conflict copies, `联系人是 X`, `个人 X` payees, invoice 名称, Han nicknames → 350.
    // addr25, session 23: a street alone under `StreetAddress`, Nordic compounds (`Sveavägen 44`, `Kalfarveien 57B`), a keyed postal address (`"address":"Husova 214, 397 01 Písek"`): 348.
    // lead, session 23: the merge of session 23 — 356.
    { set: 'held-out-22', found: 356, fp: 1 },
    // held-out-23 (session 21, recall23): written and committed before any rule file was opened (22 plain application logs
    // in stacks, industries and languages no earlier set had, 25 configs/CLIs/exports/paperwork, 8 real outputs incl. the
    // product's own 事件时间线.html), measured once with the rules of main fbd7d20 (the set at 0838414): 248 of 394 = 62.9 % /
    // 92.7 % as written, 248 of 394 = 62.9 % / 93.6 % with three labels corrected (a 隐私号 virtual number and two service
    // accounts neutral; its FIRST-RUN.md). No rule was changed for it: the floor is that corrected first figure, and its 20
    // false positives (psql `\x` column names as logins, a business's chat name, DefUser, `AUTH LOGIN`, a TLS Session-ID, a
    // public key, a payer company's address) may not grow.
    // lead, session 21: psql's expanded display is no login listing (10 FPs of one file); the merge of session 21: 255, FP 10.
    // intlkey23, session 22: passwords, door codes and logins under other languages' keys and nouns (contraseña=, Kennwort:,
    // `la clave del portal es`, 사용자ID=, `l'utilisateur x (…)`, `пользователь x`), tool transcripts (wp config get, systemd-creds
    // cat, swaks AUTH LOGIN, supabase -p), SoapUI's `<con:name>`/`<con:value>`, wp-cli's `user_login`, 1C's DefUser kept: 278, FP 9.
    // nameeu23 (session 22): European, Cyrillic and Arabic names (keys and role words of a dozen languages, patronymics and
    // initials, chat speakers, a name with its login, group, phone or greeting; a business is no chat speaker), and one label
    // error (a signer's name beside her planted phone, now planted; its FIRST-RUN.md): 287, FP 7 (`Dr` without its dot is no wake: scan-shape forbids a letter-first mark).
    // addr23, session 22 (street-address.ts): foreign street addresses (Latin street-type grammar + postcode/city, address keys of
    // other languages, address blocks, Cyrillic/Japanese/Korean/Vietnamese/Arabic), a Chinese road's `一段`: 275; the payer
    // company's address relabelled neutral (a label error, its FIRST-RUN.md): FP 9.
    // namecjk23, session 22: Korean, Japanese and Vietnamese names, HL7 PID/PV1 name components, compound and rare Chinese surnames, `xm=`, a name glued to its phone (person-cjk.ts): 279.
    // idnum23, session 22 (national-ids.ts): other countries' national, tax and social-security numbers beside their names
    // (RFC, CURP, NIR, Iqama, 주민등록번호, СНИЛС, codice fiscale, CPF, DNI, Steuer-ID, SV-Nummer, 個人番号, CCCD), a passport document_no: 269.
    // intlphone23, session 22: a national phone number after a phone word, in ~20 languages (national-phone.ts): 256.
    // lead, session 22: the merge of session 22 (foreign national ids, names in European, Cyrillic, Arabic, Korean, Japanese and
    // Vietnamese, logins and passwords under other languages' keys, foreign street addresses, national phone formats): 368, FP 5.
    // cjk25 (session 23): a Han nickname → 369.
    { set: 'held-out-23', found: 369, fp: 5 },
    // held-out-24 (session 22, recall24): written and committed before any rule file was opened (23 plain application logs
    // in stacks no earlier set had, half of them Chinese, the others in Portuguese, Italian, Dutch, Polish, Turkish, Thai,
    // Indonesian and Indian English; 25 configs/CLIs/exports/paperwork; 8 real outputs incl. the product's own 进程列表 and
    // 系统信息.json), measured once with the rules of main d9f91c6 (the set at b626666): 299 of 472 = 63.3 % / 94.6 % as
    // written, 303 of 476 = 63.7 % / 96.6 % with seven labels corrected (two domain SIDs and two access key ids planted; a
    // numeric account id, a LINE replyToken, a cookie's device_uuid and a session id neutral; its FIRST-RUN.md). No rule was
    // changed for it: the floor is that corrected first figure, and its 13 false positives (a timestamp, a key alias, a
    // company as a person, UUIDs, `portal_username`, `users` in a CardDAV path, an event id and a serial, `appKey=`, a
    // shop's sender address, 查看) may not grow.
    // lead, session 22: the merge of session 22 — no rule was written for this set (only intlphone23's phone work came after
    // its miss list was read: see its FIRST-RUN.md); the other branches' generalisation to it: 303 → 334, FP 13.
    // name25, session 23: Latin names where apps print them (role words, verbs and honorifics of a dozen languages, holders,
    // relatives, devices, name-part keys, Billing/Shipping Name and bare name columns of a table of people, data frames) and Thai names: 388.
    // acct25, session 23: account tools' logins (finger/pinky/getent args, `mc admin user` rows and reports, Jira's Assignee/Reporter
    // columns), logins in prose (`Your account x has been reset`, `per l'utente x`, `pracownik x`, a credential slot, a UPI VPA,
    // Spring's principal), secrets printed alone or under keys of their own (argocd, `az … -o tsv`, `mc admin user add`, an escaped
    // credential object, a door code, `checkWord`, `dop_v1_`) → 364, FP 12 (`portal_username` is no longer a login).
    // num25, session 23: national numbers with no name beside them — a general id key (`idnumber=`), `PAN      :`, UAN, escaped
    // JSON's `\"nik\"`, a CSV column that names the number (`Codice fiscale`), a CPF / Thai id by shape and check, national
    // mobiles in their own grouping (national-ids.ts, national-shapes.ts): 348.
    // cjk25 (session 23): contract parties, pharmacy/family roles, extensions, names in file names, 麦太, dotted names, invoice 名称, uname/客服/spaced keys; 查看 no name → 347 FP 12.
    // addr25, session 23: addresses under keys of a dozen languages (alamat, adres, ที่อยู่, street=, line1, address1), vCard ADR, street-only and bare address CSV columns, `#1001` order rows: 353.
    // lead, session 23: the merge of session 23 (name25, cjk25, num25, acct25, addr25, written from this set's miss list): 459, FP 11.
    { set: 'held-out-24', found: 459, fp: 11 },
    // held-out-25 (session 23, recall25): written and committed before any rule file was opened (22 plain application logs
    // in stacks no earlier set had, 25 configs/CLIs/exports/paperwork; half Chinese (some Traditional), a third English, the
    // rest Vietnamese, Malay, Arabic, Hebrew, Greek, Czech, Swedish, Ukrainian and Latin-American Spanish; 8 real outputs
    // incl. the product's own 内核日志 entry and .eml draft), measured once with the rules of 9abd325 (the set at 3461dc6):
    // 399 of 591 = 67.5 % / 97.3 % as written, 399 of 590 = 67.6 % / 98.3 % with six labels corrected (a masked mobile a
    // look-alike; a toll-free number, an extension's SIP address, a PayPal EC token, a BankID autoStartToken and a
    // crashReporterKey neutral; its FIRST-RUN.md). No rule was changed for it: the floor is that corrected first figure, and
    // its 8 false positives (a company street and a group in export columns, a DSN's org id, Duo's `b'…'`, an HMAC
    // signature, `30` after a password, podman's secret names) may not grow.
    // lead, session 23: the merge of session 23 — no rule was written from this set; the other branches' generalisation
    // to it: 399 → 416, FP 8.
    // ids26, session 24: national numbers (NRIC `uinfin`, MyKad, LHDN TIN, MST/BHXH, РНОКПП, rodné číslo, ΑΦΜ/ΑΜΚΑ, Emirates ID,
    // ת.ז., NI, TFN under `taxvat`, 身分證號/居留證, a CUIL named by its type …) and phone words/keys of more languages: 445.
    // script26 (session 24): names, addresses and bank accounts in Arabic, Hebrew, Greek, Ukrainian, Malay, Vietnamese and Spanish
    // (keys and roles of each script, bin/binti, upper-case names in a name slot, street words with a house number, account labels): 454.
    // dir26 (session 24): LDIF/ldapsearch, vCard and iCalendar read by their layout (directory-layout.ts), CRM/helpdesk people columns → 439, FP 7.
    // lead, session 24: the merge of session 24 (dir26's directory layouts, ids26's national numbers and phones, script26's
    // names, addresses and bank labels in other scripts, together): 504, FP 7.
    { set: 'held-out-25', found: 504, fp: 7 },
    // held-out-26 (session 24, recall26): written and committed before any rule file was opened (23 plain application logs
    // in stacks no earlier set had, 29 configs/CLIs/exports/paperwork; 23 files Chinese (two Traditional), 14 English (US,
    // UK, Ireland, New Zealand, South Africa, Philippines, Nigeria, Kenya), 15 Japanese, Korean, French, Swiss German,
    // Spanish, Romanian, Hungarian, Finnish, Norwegian/Danish, Persian, Hindi and Tagalog; 8 real outputs incl. the
    // product's own `collect` console output, `list`/`policy` and `compare`/`check`), measured once with the rules of
    // main 29ed1b4 (the set at 76739da): 441 of 715 = 61.7 % / 94.5 % as written, 441 of 707 = 62.4 % / 96.8 % with
    // labels corrected (two service accounts outside a slot, five insurance member numbers and a clinic's address
    // neutral; seven company phones, a relay number, an IAM UserId, an app user id, an API key id, a device featureCode
    // and a bot's name neutral; its FIRST-RUN.md). No rule was changed for it: the floor is that corrected first figure,
    // and its 17 false positives (`patient` ×8 as a login, a masked token, a secret id, a card BIN and last4, `[hidden]`,
    // a ModSecurity message, a module tag, a `doorbell` folder) may not grow.
    // lead, session 24: the merge of session 24 — no rule was written from this set; the other branches' generalisation
    // to it: 441 → 454, FP 17.
    { set: 'held-out-26', found: 454, fp: 17 },
  ];
  it.each(FLOORS.map(({ set, found, fp }) => [set, found, fp] as const))('%s: at least %d planted values found, at most %d false positives', (set, found, fp) => {
    const q = get(set);
    expect(q.overall.found).toBeGreaterThanOrEqual(found);
    expect(q.falsePositives.length, `false positives of ${set}:\n  ${q.falsePositives.join('\n  ')}`).toBeLessThanOrEqual(fp);
  });

  // app-logs (session 17, applog1): plain application logs in real frameworks' shapes (English and Chinese), the
  // product's main content, which no earlier set held. Written and measured before any rule change: 173 of 202 =
  // 85.6 %, 6 false positives (misses: logins in log prose — `Login failed for username 'x'`, `login x ok`, `bind
  // failed for uid=x`, `Failed login attempt for "x"`, `actor=`/`target=` —, SMS verification codes, a Connect session
  // cookie, names beside 实名/收货人/shipped to).
  it('app-logs: at least its figure, no more false positives', () => {
    const q = get('app-logs');
    // Labels corrected after it, to the earlier sets' convention: four SMS verification codes and a session id are
    // neutral (198 planted). The log-prose logins (log-prose.ts) and `shop` no longer learned: 191 of 198; a mailer's logged Message-ID
    // is no address: FP 1 (a Twilio message SID taken as high-entropy).
    // Session 18 (name19): person names in log prose (`shipped to X, tel`, `name="X"`, `实名认证提交：X`, `17621830094（X）`): 196.
    // login22 (session 21): 8 service logins in credential slots relabelled planted (convention change), 7 taken (`dn="cn=svc-bind"` missed): 203.
    expect(q.overall.found).toBeGreaterThanOrEqual(203);
    // Session 18 (fp19): a Twilio SID after `sid=` is which message, not a secret: FP 0.
    expect(q.falsePositives.length).toBeLessThanOrEqual(0);
  });

  it('real outputs of this machine: nothing redacted, no look-alike damaged', () => {
    const q = get('real');
    expect(q.falsePositives).toEqual([]);
    expect(q.overall.truePositives + q.overall.falsePositives).toBe(0);
  });

  it('every structured file (JSON, XML/plist, YAML) still parses after redaction', () => {
    // held-out-15's first run broke one YAML file (a docs placeholder `'<password>'` whose closing quote
    // went into the placeholder); fixed in session 13 (quoted-tag.test.ts).
    for (const set of Object.keys(CORPUS_SETS) as CorpusSet[]) {
      const failures = get(set).structureFailures;
      expect({ set, failures }).toEqual({ set, failures: [] });
    }
  });
});
