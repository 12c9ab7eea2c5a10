/**
 * Session 15 (secret16): a password by its shape where a line puts a credential (password-shape.ts and the
 * patterns of secret-assignment that use it), and the families held-out-16 showed that the shape does not
 * cover. Positives come from grammars the fixtures do not have; look-alikes from real logs, code and docs
 * must survive. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { passwordShape } from '../../../../electron/engine/redact/password-shape.js';
import { redact, takesAs, unchanged } from './helpers.js';

/** Each line loses its secret (whatever else other rules take), a SECRET placeholder in its place. */
const taken = (cases: [line: string, secret: string][]): void => {
  for (const [line, secret] of cases) takesAs('SECRET', line, secret);
};

describe('the password shape', () => {
  it('takes what a person makes to pass a password policy', () => {
    for (const v of ['Wly#Rpt2026', 'OaSys!kwd-2026', 'Xx@Lxy-1201a', 'NgMon#db-3341', 'Tmp#Reset-8841', 'Fin@Sa20240601', 'p@ssW0rd!x9', 'Zk#Vendor-eap77', 'q1w2e3!R']) {
      expect(passwordShape(v, 'strong'), v).toBe(true);
    }
    // In a flag's place both cases and a digit are enough; after `community`/`pre-share` letters and digits.
    expect(passwordShape('zhbPub-55x', 'flag')).toBe(true);
    expect(passwordShape('jnpr-hz-ro-8821', 'placed')).toBe(true);
  });

  it('leaves what logs, code and docs are full of', () => {
    const lookAlikes = [
      'https://example.cn/a#b2', 'ops@example.cn', 'ops@db01', '/var/lib/app2', 'C:\\app\\v2', '2026-12-01T10:22:33+08:00', '10:22:33.120',
      'v1.2.3-rc1', '5.7.44-log', '1:4.13+dfsg1-1+deb12u1', 'GMT+0800', 'g++-12', 'libstdc++6:amd64', 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      '00:1a:2b:3c:4d:5e', '10.0.0.1#53', '192.168.1.10:8080', 'fe80::1ff:fe23:4567:890a', 'd41d8cd98f00b204e9800998ecf8427e', '#ff5733', '#section-2',
      '<password>', '******', '138****7721', '${DB_PASSWORD}', '%ADMIN_PWD%', '$USER1$', 'changeme', 'Passw0rd', 'nginx-7d9f8c-x2k4', 'app2.log',
      'db01.example.cn', 'Ctrl+Alt+F2', 'a+b=c2', 'key=value1', '-pthread', 'sha256WithRSAEncryption', 'Windows10', 'SHA256withRSA', 'K3Cloud',
      'OAuth2', 'HikariPool-1', 'Caesium-1-3', '30041@BI1', 'x86_64', 'utf8mb4', 'public', 'read-only', 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB+/=',
      'mysql:host=10.2', 'u9_%U_20261126.dmp', 'full_%d_%Y%m.tar.gz', '%s@%s:%d', 'root@vm-web03:~#', '(ComKey):', 'HEAD~3', 'main^2',
    ];
    for (const v of lookAlikes) expect(passwordShape(v, 'strong'), v).toBe(false);
  });
});

describe('a password by its shape in a credential place', () => {
  it('takes it after an SNMP community or an IKE pre-shared key word, in grammars of other vendors', () => {
    taken([
      ['snmp-agent community read Rd#Comm-0912', 'Rd#Comm-0912'],
      ['set snmp community ops-ro-7731 read-only', 'ops-ro-7731'],
      ['rocommunity nms_ro_4410 10.0.0.0/8', 'nms_ro_4410'],
      ['rwcommunity6 Rw!dc-2026 fd00::/8', 'Rw!dc-2026'],
      ['SNMP Community  : dc2_trap_77', 'dc2_trap_77'],
      ['community: "gw-ro-2291"', 'gw-ro-2291'],
      ['ReadCommunity = rcm_floor3_88', 'rcm_floor3_88'],
      ['set security ike policy ike-pol pre-shared-key ascii-text "Ik3#Psk-Branch"', 'Ik3#Psk-Branch'],
      [' pre-shared-key Psk!hq2026', 'Psk!hq2026'],
      ['ike-peer br01 pre-shared-key simple Ipsec#Br-77', 'Ipsec#Br-77'],
    ]);
  });

  it('takes it under a key with a password word inside a longer name, a Wi-Fi key, a Nagios macro, a URL', () => {
    taken([
      ['DBPWD=Db#Pwd-2026x', 'Db#Pwd-2026x'],
      ['ROOTPW="Root#Pw-2026"', 'Root#Pw-2026'],
      ['adminpw=Adm!n-4471', 'Adm!n-4471'],
      ['key1=Office#Wifi-22', 'Office#Wifi-22'],
      ['wpa_passphrase=Home#Wifi2026', 'Home#Wifi2026'],
      ['$USER7$=Snmp#Ro-2291', 'Snmp#Ro-2291'],
      ['GET /api/login?u=ops&p=Ops#Login-2026 HTTP/1.1', 'Ops#Login-2026'],
      ['POST /write?db=x&u=y&pwd=Ifx!Wr-9921 204', 'Ifx!Wr-9921'],
    ]);
  });

  it("takes a password flag's value, spaced, glued or quoted", () => {
    taken([
      ['cqlsh 10.0.0.5 -u cassandra -p Cass#Ops-2026', 'Cass#Ops-2026'],
      ['rabbitmqadmin -u admin -p Rmq!Adm-2026 list queues', 'Rmq!Adm-2026'],
      ['influx v1 auth create --username x --password Ifx@v1-2026', 'Ifx@v1-2026'],
      ['taos -uroot -pTaos#R00t-26', 'Taos#R00t-26'],
      ["beeline -n etl -p 'Etl!Hive-07'", 'Etl!Hive-07'],
      ['mosquitto_rr -u x -P Rr#Mq-2026 -t req', 'Rr#Mq-2026'],
      ['mosquitto_sub -h mq -u dev -P devPass22 -t a/#', 'devPass22'],
      ['ipmitool -I lanplus -H 10.3.10.9 -U admin -P plainpass chassis status', 'plainpass'],
      ['mysql -h db -P3307 -uroot -pRoot#Db-2026', 'Root#Db-2026'],
    ]);
    // The port of the same line stays.
    expect(redact('mysql -h db -P3307 -uroot -pRoot#Db-2026')).toContain('-P3307');
  });

  it('takes a strong-shaped token anywhere on a line that names a credential', () => {
    taken([
      ['Reset password for li.wei to Tmp#Reset-8841 (expires in 24h)', 'Tmp#Reset-8841'],
      ['新密码已重置为 Xy#Mima-2026，请首次登录后修改', 'Xy#Mima-2026'],
      ['credential stored: svc_backup / Bk#Svc-2026', 'Bk#Svc-2026'],
      ['guest SSID pre-share key is Guest!Wlan-55', 'Guest!Wlan-55'],
      ['The Wi-Fi password is Cafe@Wifi2026 today', 'Cafe@Wifi2026'],
      ['Credentials("Nexus Repository Manager", "nexus.example.cn", "ci_bot", "Nx#Ci-2026")', 'Nx#Ci-2026'],
      ['secret rotated, new value Rot#Sec-7723 pushed to vault', 'Rot#Sec-7723'],
      ['ipmitool -H 10.3.10.9 -U admin -P x user set password 3 Bmc!Op-2026', 'Bmc!Op-2026'],
    ]);
  });

  it('leaves lines that name a credential but hold no password', () => {
    unchanged([
      'snmp community public read-only',
      'rocommunity public default',
      'community: ${SNMP_COMMUNITY}',
      'pre-share ******',
      'pre-shared-key <redacted>',
      'key=value',
      'key=1234567',
      'key=cache:user:1001',
      'key2=2026-12-01T10:00:00Z',
      'SAPWD=${SA_PASSWORD}',
      'AdminPwd=%ADMIN_PWD%',
      '$USER1$=/usr/lib64/nagios/plugins',
      '$USER2$=$USER1$/contrib',
      'GET /search?q=test&p=2 HTTP/1.1',
      'GET /list?page=3&p=20&sort=desc HTTP/1.1',
      'mysql -h db01 -P3306 -u report -p',
      'ssh -p 2222 bastion.example.cn',
      'docker run -p 127.0.0.1:8080:80 nginx:1.25',
      'mkdir -p /var/lib/app/data2',
      'gcc -pthread -O2 -o app main.c',
      'patch -p1 < fix-CVE-2024-1234.patch',
      'git log -p HEAD~3',
      'ps -p 12345 -o pid,cmd',
      'iperf3 -c 10.0.0.5 -P 8 -t 30',
      'xargs -P4 -n1 gzip',
      'password changed at 2026-12-01T10:22:33+08:00',
      'Password expires: Jan 01, 2027',
      'secret key rotated, version v2.3.1-rc1',
      'credential helper: osxkeychain',
      'password prompt timed out after 30s',
      'PSK cipher suite: TLS_PSK_WITH_AES_128_GCM_SHA256',
      'secret engine kv-v2 enabled at path secret/',
      'password for ops@db01 changed',
      'Enter PEM pass phrase:',
      'password=<PASSWORD>',
      'password: ********',
      "mysql -uroot -p'$MYSQL_PWD' -e 'select 1'",
      'password strength: Strong (score 4/4)',
      'PWD=/opt/app/releases/20261201',
      'password reuse: last 5 remembered; lockout after 5 failures in 15m',
      'login failed: wrong password (attempt 3/5)',
      'secret: "{{ .Values.db.password }}"',
      'passwordless sudo for group wheel2',
      '--password-file=/etc/app/pw.txt',
      'Press Ctrl+Alt+F2 to enter the password',
      'password last set: 2026-11-30 09:12:44',
      'psk identity hint: iot-gw-01',
      'secret version 3 (sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08)',
      'password change required at next logon (flag 0x0080)',
      'password algorithm: SHA256withRSA, provider SunRsaSign v17',
      'password digest: MD5-based (see login.defs)',
      'ENCRYPT_METHOD SHA512 # password hash',
      'password policy GMT+0800 window, client g++-12 build',
      'secret scanning found 0 leaks in libstdc++6:amd64',
      'password auth via HikariPool-1 connection 3',
      'password for Windows10 clients: see wiki page K3Cloud-ops',
      'credential type: OAuth2 (client_credentials)',
      'password changed for [ops@jump01 ~]$ session',
      'secret store at hana-bi01.example.cn:30041@BI1 is reachable',
      'New-ADUser -Name "Li Wei" -AccountPassword $secure -Enabled $true',
    ]);
  });
});

describe('values a format hides a secret in', () => {
  it('takes a Spring Boot actuator value object under a secret key, WebSphere {xor}, base64 bcrypt, $7$, ipsec.secrets', () => {
    taken([
      ['"spring.datasource.password":{"value":"Ds#Val-2026"}', 'Ds#Val-2026'],
      ['"mail.smtp.secret" : { "value" : "smtpsecret", "origin": "application.yml - 3:9" }', 'smtpsecret'],
      ['com.ibm.ssl.keyStorePassword={xor}LDo8LTor', 'LDo8LTor'],
      ['    ops JDJ5JDEwJFF3OEVyNFR5NlVpMk9wMEFzM0RmNUdoN0prOUx6MVhjM1ZiNU5tN1F3OUVyMVR5M1VpNU9wNw==', 'JDJ5JDEwJFF3OEVyNFR5NlVpMk9wMEFzM0RmNUdoN0prOUx6MVhjM1ZiNU5tN1F3OUVyMVR5M1VpNU9wNw=='],
      ['ops:$7$101$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo==', 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo'],
      ['carol : EAP "carolpw"', 'carolpw'],
      [': XAUTH "Grp!Xauth-88"', 'Grp!Xauth-88'],
    ]);
  });

  it('leaves the same forms holding no secret', () => {
    unchanged([
      '"spring.datasource.password": { "value": "******" }',
      '"spring.datasource.url": { "value": "jdbc:mysql://db01:3306/app" }',
      '"server.port": { "value": "8080" }',
      '"management.endpoints.web.exposure.include": { "value": "health,info" }',
      'status: JDJ5 ok',
    ]);
    // A reference stays; the id before the type is a login (rest16a's ipsec.secrets grammar).
    expect(redact('carol : EAP "${EAP_PW}"')).toBe('<USER-1> : EAP "${EAP_PW}"');
  });
});

describe('admin CLIs (admin-cli.ts): places held-out-16 showed', () => {
  it('takes alist admin set, pure-pw reading stdin, beeline -p, taos -p glued', () => {
    taken([
      ['./alist admin set Alist#Adm-2026', 'Alist#Adm-2026'],
      ['alist admin set plainalist', 'plainalist'],
      ['printf "Ftp#Up-2026\\nFtp#Up-2026\\n" | pure-pw passwd ftp_up -m', 'Ftp#Up-2026'],
      ['beeline -u "jdbc:hive2://hs2:10000/default" -n etl -p simplepw', 'simplepw'],
      ['taos -h td01 -u iot -ptaospw2 -s "show dnodes"', 'taospw2'],
    ]);
    unchanged(['alist admin', 'alist admin random', 'pure-pw list', 'beeline -u "jdbc:hive2://hs2:10000/default" -n etl', 'taos -h td01 -P 6030']);
    // ipmitool's `-p` is a port; its `-U` a login (rest16a's user-flag table).
    expect(redact('ipmitool -I lanplus -H 10.3.10.21 -p 623 -U bmc chassis status')).toBe('ipmitool -I lanplus -H 10.3.10.21 -p 623 -U <USER-1> chassis status');
  });
});
