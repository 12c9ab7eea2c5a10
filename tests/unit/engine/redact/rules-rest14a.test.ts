/**
 * held-out-14's server-side credential stores and stored secret forms (task rest14a), each fixed by
 * its family's grammar: other vendors and tools of the same grammar, other quoting and separators,
 * values that are not the set's own, and the look-alikes each fix must keep. A fresh Redactor per
 * case, so placeholders start at 1.
 */
import { describe, it } from 'vitest';
import { check, unchanged } from './helpers.js';

describe('rest14a: network devices keep one login and one stored password per user', () => {
  it('takes Comware/VRP local users and their simple, hashed and cipher passwords', () => {
    check([
      ['local-user zhangl_net class network', 'local-user <USER-1> class network'],
      ['local-user ops_wangl', 'local-user <USER-1>'],
      [' password simple Sw!tch-2026a', ' password simple <SECRET-1>'],
      [' super password role network-admin simple Sup3r#Pw', ' super password role network-admin simple <SECRET-1>'],
      [' local-user ops_wangl password irreversible-cipher Hw#Ops-2026', ' local-user <USER-1> password irreversible-cipher <SECRET-1>'],
      ['  key accounting cipher $c$3$AbCdEf123456Zz==', '  key accounting cipher <SECRET-1>'],
      [' password hash $h$6$Ab12Cd34Ef56$Gh78Ij90Kl12==', ' password hash <SECRET-1>'],
    ]);
  });

  it('keeps built-in accounts, switches and the commands that only name a local user', () => {
    unchanged(['local-user admin class manage', ' password-recovery enable', ' password-control length 10', 'display local-user', ' local-user-management enable']);
    check([['local-user admin class manage\n password simple Adm1n#h3c', 'local-user admin class manage\n password simple <SECRET-1>']]);
  });
});

describe('rest14a: proxy and web-server user lists', () => {
  it('takes HAProxy userlist users, stats auth and htpasswd items in YAML, labels and JSON', () => {
    check([
      ['    user ops_chen insecure-password Ch3n!hap groups admins', '    user <USER-1> insecure-password <SECRET-1> groups admins'],
      ['    user zhaoyu password $5$abcdefgh$ijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN', '    user <USER-1> password <SECRET-1>'],
      ['  stats auth ops_li:L1#stats', '  stats auth <USER-1>:<SECRET-1>'],
      ['          - "ops_sun:$$apr1$$Xy12Ab34$$QwErTyUiOpAsDfGhJkL123"', '          - "<USER-1>:<SECRET-1>"'],
      ['  "users": ["dev_li:$2y$10$abcdefghijklmnopqrstuv.wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01"]', '  "users": ["<USER-1>:<SECRET-1>"]'],
      ["          - 'kf_gao:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g='", "          - '<USER-1>:<SECRET-1>'"],
    ]);
  });

  it('keeps usage placeholders, plain pairs and the userlist heading', () => {
    unchanged(['    # stats auth <user>:<passwd>', '    stats enable', 'userlist ops_users', '      - "name:value"', '    image: nginx:1.25']);
  });
});

describe('rest14a: connection poolers and RADIUS servers', () => {
  it("takes pgbouncer's md5 and SCRAM entries (the pooler's own login stays)", () => {
    check([
      ['"ops_wu" "md50123456789abcdef0123456789abcdef"', '"<USER-1>" "<SECRET-1>"'],
      ['"app_bill" "SCRAM-SHA-256$4096:c2FsdHNhbHQ=$AbCdEfGhIjKlMnOp=:QrStUvWxYz012345="', '"<USER-1>" "<SECRET-1>"'],
      ['"pgbouncer" "md5fedcba9876543210fedcba9876543210"', '"pgbouncer" "<SECRET-1>"'],
    ]);
    unchanged(['"name" "value"', '"md5" "sha256"']);
  });

  it('takes FreeRADIUS users-file logins and radius.log passwords', () => {
    check([
      ['"li.na"  Cleartext-Password := "Wifi#Li-88"', '"<USER-1>"  Cleartext-Password := "<SECRET-1>"'],
      ['guest_lobby NT-Password := "0123456789ABCDEF0123456789ABCDEF"', '<USER-1> NT-Password := "<SECRET-1>"'],
      ['Mon Mar 23 10:01:02 2026 : Auth: (77) Login OK: [chen.yu/Ch3n@wifi] (from client ap-2f port 1)', 'Mon Mar 23 10:01:02 2026 : Auth: (77) Login OK: [<USER-1>/<SECRET-1>] (from client ap-2f port 1)'],
      ['Mon Mar 23 10:02:00 2026 : Auth: (78) Login incorrect (mschap: MS-CHAP2-Response is incorrect): [wu_hao/wuhao2024] (from client sw-3 port 12)', 'Mon Mar 23 10:02:00 2026 : Auth: (78) Login incorrect (mschap: MS-CHAP2-Response is incorrect): [<USER-1>/<SECRET-1>] (from client sw-3 port 12)'],
    ]);
  });

  it('keeps DEFAULT entries and log lines without a password', () => {
    unchanged(['DEFAULT Auth-Type := Reject', 'Auth: (79) Login incorrect: [<no User-Name attribute>] (from client x port 0)', 'Auth: (80) Login incorrect: [bob/<no User-Password attribute>] (from client x port 0)']);
  });
});

describe('rest14a: account commands in scripts', () => {
  it('takes chpasswd and passwd --stdin input and the login useradd/usermod create', () => {
    check([
      ['echo "dev_zhou:Zh0u#2026" | sudo chpasswd', 'echo "<USER-1>:<SECRET-1>" | sudo chpasswd'],
      ["chpasswd <<< 'ops_xu:Xu!pass99'", "chpasswd <<< '<USER-1>:<SECRET-1>'"],
      ["echo 'Tmp#Pass1' | passwd --stdin qa_lin", "echo '<SECRET-1>' | passwd --stdin <USER-1>"],
      ['sudo useradd -m -G wheel,docker zhoujie', 'sudo useradd -m -G wheel,docker <USER-1>'],
      ['adduser --disabled-password --gecos "" lixiang', 'adduser --disabled-password --gecos "" <USER-1>'],
      ['usermod -L wangfang && echo done', 'usermod -L <USER-1> && echo done'],
    ]);
  });

  it('keeps variables, built-in accounts, help and prose', () => {
    unchanged(['echo "$USER:$PASS" | chpasswd', 'useradd --help', 'run useradd to add accounts', 'useradd -m root', 'useradd -r -s /sbin/nologin nginx']);
  });
});

describe('rest14a: SQL as the MySQL client history writes it', () => {
  it('takes CREATE/ALTER USER … IDENTIFIED [WITH plugin] BY with \\040 for blanks', () => {
    check([
      ["CREATE\\040USER\\040'tang_ro'@'%'\\040IDENTIFIED\\040BY\\040'T@ng2026';", "CREATE\\040USER\\040'<USER-1>'@'%'\\040IDENTIFIED\\040BY\\040'<SECRET-1>';"],
      ["alter\\040user\\040'app_x'@'localhost'\\040identified\\040with\\040caching_sha2_password\\040by\\040'App\\040x#1';", "alter\\040user\\040'<USER-1>'@'localhost'\\040identified\\040with\\040caching_sha2_password\\040by\\040'<SECRET-1>';"],
    ]);
    unchanged(["show\\040grants\\040for\\040current_user();", 'select\\040user,host\\040from\\040mysql.user;']);
  });
});

describe('rest14a: stored secret shapes in configuration', () => {
  it('takes ${VAR:default} defaults under a secret key or variable', () => {
    check([
      ['spring.datasource.password=${DB_PASSWORD:Spr1ng#Db}', 'spring.datasource.password=${DB_PASSWORD:<SECRET-1>}'],
      ['    password: ${REDIS_PASS:-R3dis!x}', '    password: ${REDIS_PASS:-<SECRET-1>}'],
      ['  secret_key: "${APP_SECRET:k8Jd2LmQ9x}"', '  secret_key: "${APP_SECRET:<SECRET-1>}"'],
      ['agent.authentication=${SW_AGENT_AUTHENTICATION:sw-auth-Xy73kQ}', 'agent.authentication=${SW_AGENT_AUTHENTICATION:<SECRET-1>}'],
    ]);
    unchanged(['password: ${DB_PASSWORD:}', 'password: ${DB_PASSWORD}', 'timeout: ${HTTP_TIMEOUT:30}', 'auth.method=${AUTH_METHOD:ldap}', 'agent.authentication=${SW_AUTH:token}']);
  });

  it("takes Pulumi's secure values, uci Wi-Fi keys, Baidu AI Cloud keys and newpwd", () => {
    check([
      ['    secure: v1:AbCd1234:ZmFrZWNpcGhlcnRleHQxMjM=', '    secure: <SECRET-1>'],
      ["\toption key \"Home#Wifi2026\"", "\toption key \"<SECRET-1>\""],
      ['ak = ALTAKabcdEFGH12345678ijkl', 'ak = <TOKEN-1>'],
      ['sk = 0123456789abcdef0123456789abcdef', 'sk = <SECRET-1>'],
      ['op=reset newpwd=N3w#Pass', 'op=reset newpwd=<SECRET-1>'],
      ['init_password: Init#2026x', 'init_password: <SECRET-1>'],
    ]);
    unchanged(['secure: true', '  secure: false', "\toption key '1'", "\toption key '/etc/uhttpd.key'", 'sk = 1', 'disk = 0123456789abcdef0123456789abcdef']);
  });

  it("takes a panel's security entrance, a subscription link's token and the password a failed sign-in tried", () => {
    check([
      ['Panel address: http://10.0.0.8:12345/a8k2m9x1', 'Panel address: http://10.0.0.8:12345/<SECRET-1>'],
      ['安全入口: /xk82md0q', '安全入口: /<SECRET-1>'],
      ['url: https://sub.example/link/Ab3dE5gH7jK9mN1p?clash=1', 'url: https://sub.example/link/<TOKEN-1>?clash=1'],
      ['WARN login failed: password incorrect for user, tried: Summer2024!', 'WARN login failed: password incorrect for user, tried: <SECRET-1>'],
      ['登录失败 原因=密码错误 尝试=Ab#12345', '登录失败 原因=密码错误 尝试=<SECRET-1>'],
    ]);
    unchanged(['面板地址: https://10.1.2.3:8888/login', 'https://example.com/link/about-us-page', 'https://example.com/link/1234567890123456', '密码错误 (输入: reset)']);
  });
});

describe('rest14a: secrets printed bare', () => {
  it('takes the line after `cat` of a file that holds one secret', () => {
    check([
      ['$ cat /var/jenkins_home/secrets/initialAdminPassword\n3f2a1b4c5d6e7f8091a2b3c4d5e6f708', '$ cat /var/jenkins_home/secrets/initialAdminPassword\n<SECRET-1>'],
      ['# cat /var/lib/rancher/k3s/server/node-token\nK10abcdef0123456789::server:0123456789abcdef', '# cat /var/lib/rancher/k3s/server/node-token\n<TOKEN-1>'],
    ]);
    unchanged(['$ cat /etc/hostname\nweb01', '$ cat admin.password.md\n# how to reset']);
  });

  it('takes BitLocker recovery passwords: 8 groups of 6 digits under their heading or name', () => {
    check([
      ['    数字密码:\n      ID: {A47C19E2-6F3B-4D85-B0E9-12C8F5A3D7B6}\n      密码:\n        123453-234564-345675-456786-567897-678908-123453-234564', '    数字密码:\n      ID: {A47C19E2-6F3B-4D85-B0E9-12C8F5A3D7B6}\n      密码:\n        <SECRET-1>'],
      ['BitLocker recovery key: 111111-222222-333333-444444-555555-666666-777777-888888', 'BitLocker recovery key: <SECRET-1>'],
    ]);
    unchanged(['      密码:\n        123456789012345678901234567890123456789012345678', '      密码:\n        (无)', 'Recovery key ID: 5B2E7A1C']);
  });
});

describe('rest14a: logins in DSNs, JVM flags, field tables, PHP configs and admin logs', () => {
  it('takes them by their grammar', () => {
    check([
      ['dsn: "grafana_rw:Gr@f#2026@tcp(10.0.0.3:3306)/grafana"', 'dsn: "<USER-1>:<SECRET-1>@tcp(10.0.0.3:3306)/grafana"'],
      ['java -Dspring.datasource.username=erp_app_li -jar erp.jar', 'java -Dspring.datasource.username=<USER-1> -jar erp.jar'],
      ['username    ops_gao', 'username    <USER-1>'],
      ['    dbAdminUser     rds_ops_x', '    dbAdminUser     <USER-1>'],
      ["$config->db->user = 'erp_chen';", "$config->db->user = '<USER-1>';"],
      ["$db['default']['username'] = 'ci_app_wu';", "$db['default']['username'] = '<USER-1>';"],
      ['[ADMIN] op=delete_user admin=postmaster_li target=x', '[ADMIN] op=delete_user admin=<USER-1> target=x'],
      ['action=lock operator=sec_zhao', 'action=lock operator=<USER-1>'],
    ]);
  });

  it('keeps built-in accounts, empty values, switches and non-login keys', () => {
    unchanged(['username    root', '  Users      12', "$config->db->user = '';", "$this->user = 'admin';", 'op=login admin=true', '-Dfile.encoding=UTF-8 -Duser.timezone=GMT+8', 'USERNAME   STATUS   LAST']);
  });
});

describe('rest14a: proxy user ids are passwords', () => {
  it('takes vmess/vless/tuic uuids and v2rayN/Xray ids where the entry names such a proxy', () => {
    check([
      ['  - name: "hk"\n    type: vless\n    server: hk.example\n    uuid: 0e4f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b', '  - name: "hk"\n    type: vless\n    server: hk.example\n    uuid: <SECRET-1>'],
      ['{"type": "tuic", "server": "x.example", "uuid": "1e4f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", "password": "p"}', '{"type": "tuic", "server": "x.example", "uuid": "<SECRET-1>", "password": "<SECRET-2>"}'],
      ['{\n  "configType": 3,\n  "address": "sg.example",\n  "id": "Ss-pw_9mKq2Lw7x",', '{\n  "configType": 3,\n  "address": "sg.example",\n  "id": "<SECRET-1>",'],
      ['"protocol": "vmess",\n"settings": { "vnext": [ { "address": "a.example", "users": [\n  { "id": "2e4f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", "alterId": 0 }', '"protocol": "vmess",\n"settings": { "vnext": [ { "address": "a.example", "users": [\n  { "id": "<SECRET-1>", "alterId": 0 }'],
    ]);
  });

  it('keeps request, device and trace ids and numeric entry ids', () => {
    unchanged([
      '{"request_id": "x", "id": "5f9a1c2e-7b4d-4e8a-9c61-0d5b2f8e7a34"}',
      'devices:\n  - type: sensor\n    uuid: 4f9a1c2e-7b4d-4e8a-9c61-0d5b2f8e7a34',
      '"protocol": "socks",\n{ "id": "6f9a1c2e-7b4d-4e8a-9c61-0d5b2f8e7a34", "trace": 1 }',
      '{\n  "configType": 1,\n  "indexId": "4693912855386512413",\n  "id": "4693912855386512413",',
    ]);
  });
});

