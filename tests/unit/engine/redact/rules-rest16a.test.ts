/**
 * held-out-16's missed logins (task rest16a), each fixed by its family's grammar: other tools of the same grammar,
 * other quoting and separators, values that are not the set's own, and the look-alikes each fix must keep (the same
 * grammar holding a non-account: settings, stock and service accounts, placeholders, other tools' flags). A fresh
 * Redactor per case. The password beside a login is another rule's: these tests look at the login only.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords as keeps, redact, takesLogins as takes } from './helpers.js';


describe('rest16a: clients and account tools that take a login after their own flag (admin-cli.ts, one table)', () => {
  it('takes the login of each tool of the table', () => {
    takes('mosquitto_sub -h broker.local -p 8883 -u wanglei_iot -P "$PW" -t sensors/#', 'wanglei_iot');
    takes('mosquitto_pub --username=zhou.min -P x -t a/b -m 1', 'zhou.min');
    takes('mosquitto_rr -u chenhao_ops -t req -e resp -m ping', 'chenhao_ops');
    takes('mqttx sub -h 10.0.0.8 -u li_xiaofeng -P pw -t "#"', 'li_xiaofeng');
    takes('taos -h tdengine01 -u huangwei_ro -p', 'huangwei_ro');
    takes('taosdump -u sunjie_bak -o /backup -D power', 'sunjie_bak');
    takes('ipmitool -I lanplus -H 10.3.10.22 -U bmc_ops_liuyi -E chassis status', 'bmc_ops_liuyi');
    takes('ipmi-sensors -h 10.3.10.23 -u yangfan_bmc -p x', 'yangfan_bmc');
    takes('hydra -l zhangtao_test -P rockyou.txt ftp://10.1.1.5', 'zhangtao_test');
    takes('medusa -h 10.1.1.9 -u qianli_dev -P pass.txt -M ssh', 'qianli_dev');
    takes('beeline -u "jdbc:hive2://hs2:10000/default" -n hexiaodong_etl -p x', 'hexiaodong_etl');
    takes('trino --server https://trino.local:8443 --user zhaoqian_bi --catalog hive', 'zhaoqian_bi');
    takes('obclient -h 10.0.1.2 -P 2881 -u wangyu_app -p', 'wangyu_app');
  });

  it('takes the positional login of password-file and FTP account tools', () => {
    takes('pure-pw usermod liming_ftp -u ftpuser -d /srv/ftp/liming -m', 'liming_ftp');
    takes('pure-pw passwd zhaoyun_upload', 'zhaoyun_upload');
    takes('sudo htpasswd -B /etc/nginx/.htpasswd xu_dashboard', 'xu_dashboard');
    takes('mosquitto_passwd -c /etc/mosquitto/passwd caiwei_edge', 'caiwei_edge');
    takes('htpasswd -b /etc/httpd/users wei.xiang S3cret-x', 'wei.xiang');
  });

  it('keeps the same flags of other tools, stock and role logins, variables', () => {
    keeps('python -u manage.py runserver', 'manage.py');
    keeps('ls -l /srv/ftp', '-l /srv/ftp');
    keeps('head -n 20 access.log', 'head -n 20');
    keeps('ping -n 4 10.0.0.1', 'ping -n 4');
    keeps('sort -u names.txt', 'sort -u names.txt');
    keeps('mosquitto_sub -u admin -P x -t "#"', '-u admin');
    keeps('ipmitool -I lanplus -H 10.3.10.21 -U ADMIN -P x power status', '-U ADMIN');
    keeps('ipmitool -U root -P calvin sel list', '-U root');
    keeps('hydra -L users.txt -P pass.txt ssh://10.0.0.1', '-L users.txt');
    keeps('pure-pw mkdb', 'pure-pw mkdb');
    keeps('mosquitto_passwd -U /etc/mosquitto/passwd', '-U /etc/mosquitto/passwd');
  });
});

describe('rest16a: SQL account statements across dialects', () => {
  it('takes CREATE/ALTER USER x PASS (TDengine) beside the other password clauses', () => {
    takes("CREATE USER liu_yang_rw PASS 'Tq#2026x' SYSINFO 1;", 'liu_yang_rw');
    takes("alter user wangfang_ro pass 'N3wPass!';", 'wangfang_ro');
  });
  it('keeps prose and a PASS clause-less statement', () => {
    keeps('create user accounts for the new hires', 'create user accounts');
    keeps('ALTER USER root PASS \'x\';', 'ALTER USER root');
  });
});

describe('rest16a: password-file lines `login:<crypt hash>` of any tool', () => {
  it('takes the login before an htpasswd, mosquitto, shadow, Traefik or docker-label hash', () => {
    takes('zhouyan_ro:$apr1$Ab3dEf6h$Qw9Er2Ty5Ui8Op1As4Df7.', 'zhouyan_ro');
    takes('gateway_lina:$7$101$YWJjZGVm$Zx8Cv2Bn5Mm7Nq1Wr4Ty6Ui9Op3As0Df2Gh5Jk8==', 'gateway_lina');
    takes('wuqiang:$2y$10$Kf8Ls2Qw9Ez1Rt4Yu7Io3PaSd6Fg0Hj5Kl8Zx2Cv4Bn7Mm1Nq3Wr9', 'wuqiang');
    takes('tangmin:$6$rounds=5000$saltsalt$Qw9Er2Ty5Ui8Op1As4Df7Gh0Jk3Lz6Xc9Vb2Nm5:19700:0:99999:7:::', 'tangmin');
    takes('      - "liuchang_ops:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/"', 'liuchang_ops');
    expect(redact('  - "traefik.http.middlewares.auth.basicauth.users=yanglei:$$apr1$$H6uskkkW$$IgXLP6ewTrSuBkTrqE8wj/"')).not.toContain('yanglei');
  });
  it('keeps built-in and service logins, and a colon before a dollar that is no hash', () => {
    keeps('root:$6$saltsalt$Qw9Er2Ty5Ui8Op1As4Df7Gh0Jk3Lz6Xc9Vb2Nm5:19700:0:99999:7:::', 'root:');
    keeps('nagiosadmin ro_dashboard contact list: price:$100', 'nagiosadmin');
    keeps('price:$100 and more', 'price:$100');
    keeps('echo total:$count', 'total:$count');
  });
});

describe('rest16a: section- and block-scoped credential stores (one items-block state, closed by its end line)', () => {
  it('takes every key of an INI [users] section up to the next section', () => {
    const out = takes(['[general]', 'realm = Repo', '', '[users]', '# harry = harryssecret', 'liu.qing = Pw#1', 'zhang_wei: Other$2', '', '[groups]', 'dev = liu.qing, zhang_wei'].join('\n'), 'liu.qing', 'zhang_wei');
    expect(out).toContain('realm = Repo');
    expect(out).toContain('# harry = harryssecret');
  });
  it('keeps the settings of a Samba share named [users] and the keys of a [Credentials] section', () => {
    keeps(['[users]', '   path = /srv/share', '   browseable = yes', '   comment = Home folders', '   read only = no'].join('\n'), 'path = /srv/share', 'browseable = yes', 'comment = Home');
    keeps(['[Credentials]', 'accessKeyID=LTAI-placeholder', 'endpoint=oss-cn-hangzhou.aliyuncs.com'].join('\n'), 'accessKeyID=', 'endpoint=');
    keeps(['[users]', 'default_shell = /bin/bash', 'home_base = /home'].join('\n'), 'default_shell', 'home_base');
  });
  it('takes the logins of a Caddyfile basicauth / basic_auth block, not its neighbours', () => {
    const out = takes(['example.com {', '\tbasic_auth /private/* {', '\t\tfeng_jing $2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG', '\t}', '\treverse_proxy localhost:9000', '}'].join('\n'), 'feng_jing');
    expect(out).toContain('reverse_proxy localhost:9000');
    keeps(['log {', '\toutput file /var/log/caddy/access.log', '}'].join('\n'), 'output file /var/log/caddy/access.log');
  });
  it("takes the client column of pppd's chap-secrets / pap-secrets under its header, up to a blank line", () => {
    takes(['# Secrets for authentication using PAP', '# client\tserver\tsecret\t\t\tIP addresses', 'pptp_zhaolei\tpptpd\t"Zl!2026"\t*', '"vpn.sunhui"  *  "Sh#pw"  192.168.9.20'].join('\n'), 'pptp_zhaolei', 'vpn.sunhui');
    keeps(['# client\tserver\tsecret\t\t\tIP addresses', '', 'Dec  1 vpn01 pppd[1]: peer authorized'].join('\n'), 'pppd[1]: peer authorized');
  });
});

describe('rest16a: key vocabularies and line grammars of servers and clients', () => {
  it('takes strongSwan/libreswan EAP, XAUTH and NTLM ids, not a PSK host or %any', () => {
    takes('hezhiyuan : EAP "Hz!eap-2026"', 'hezhiyuan');
    takes('"roadw.lijie" : XAUTH "Lj#x"', 'roadw.lijie');
    keeps('%any : XAUTH "group-secret"', '%any : XAUTH');
    keeps('vpn.example.com : PSK "psk"', 'vpn.example.com');
  });
  it('takes Nagios contact_name and a login-shaped $USERn$ macro, not a plugin path or nagiosadmin', () => {
    takes('define contact {\n    contact_name    duty_liwen\n}', 'duty_liwen');
    takes('$USER7$=icinga_db_mon', 'icinga_db_mon');
    keeps('$USER1$=/usr/lib64/nagios/plugins', '$USER1$=/usr/lib64/nagios/plugins');
    keeps('    contact_name    nagiosadmin', 'nagiosadmin');
  });
  it('takes a weak-password scanner finding, not the login-less ones', () => {
    takes('[+] mssql 10.2.3.4:1433:zhangbo_erp Erp@2024', 'zhangbo_erp');
    takes('[+] Tomcat 10.2.3.9:8080 mgr_liuyi:Tomcat!123', 'mgr_liuyi');
    keeps('[+] Redis 10.2.3.5:6379 redis@123', '[+] Redis 10.2.3.5:6379');
    keeps('[+] InfoScan http://10.2.3.6:8080 [Tomcat]', 'InfoScan');
  });
  it('takes the login half of a login:password value (Bundler, .curlrc, proxy-user, userpwd)', () => {
    takes('BUNDLE_RUBYGEMS__EXAMPLE__COM: "songyu:s3cr3t-token"', 'songyu');
    takes('export BUNDLE_GEMS__CONTRIBSYS__COM="ma_lin:abcd1234"', 'ma_lin');
    takes('user = "qiuhao:Pw#curl"', 'qiuhao');
    takes('--proxy-user "dengjie:Px!9" ', 'dengjie');
    keeps('user: "1000:1000"', '1000:1000');
    keeps('user = "nginx:nginx"', 'nginx:nginx');
  });
  it("takes sbt's Credentials(realm, host, login, password) and PowerShell's Sam / -SamAccountName", () => {
    takes('credentials += Credentials("Sonatype Nexus Repository Manager", "nexus.local", "pengfei_ci", sys.env("PW"))', 'pengfei_ci');
    takes('$u = @{ Given="Li"; Sam="li.na"; Ou="Staff" }', 'li.na');
    takes('New-ADUser -Name "Wang Hao" -SamAccountName wanghao -AccountPassword $pw', 'wanghao');
    keeps('New-ADUser -Name $u.Name -SamAccountName $u.Sam -Enabled $true', '$u.Sam');
    keeps('$sam = "placeholder"', '$sam');
  });
});

describe('rest16a: account records, boxed values, role keys and account-list tables', () => {
  it('takes a record element per account (FileZilla, Azkaban/Tomcat-style, ActiveMQ, <account name=>), not stock ones', () => {
    takes('        <User Name="huyan_share">', 'huyan_share');
    takes('  <user username="zhaoli_ops" password="x" roles="admin" groups="ops"/>', 'zhaoli_ops');
    takes('<authenticationUser username="mq_hanwei" password="x" groups="users"/>', 'mq_hanwei');
    takes('<account name="fangyu.bi" enabled="true">', 'fangyu.bi');
    keeps('<User Name="anonymous">', 'Name="anonymous"');
  });
  it('takes a login boxed with its origin (Spring Boot actuator env), not another property', () => {
    takes('"spring.rabbitmq.username": { "value": "mq_orders_lx", "origin": "application.yml - 3:15" },', 'mq_orders_lx');
    keeps('"spring.application.name": { "value": "order-service" },', 'order-service');
  });
  it("takes a OneDrive personal site's owner, not a team site", () => {
    takes('https://contoso-my.sharepoint.com/personal/chen_jing_contoso_com/Documents/a.xlsx', 'chen_jing_contoso_com');
    keeps('https://contoso.sharepoint.com/sites/Finance/Shared Documents/', 'sites/Finance');
  });
  it('takes clerks named by role (经办/复核/审批 with a colon, 发起人/提交人 with a blank), not prose', () => {
    takes('经办：fin_zhoujie  审批：fin_gaoyi', 'fin_zhoujie', 'fin_gaoyi');
    takes('流程 20261201 发起人 hr_liuyan 状态 待签署', 'hr_liuyan');
    keeps('审核: passed', '审核: passed');
  });
  it('takes admin-name and local-admin keys, and broadband (PPPoE) accounts of digits', () => {
    takes('admin_name=netadm_sunqi', 'netadm_sunqi');
    takes('LOCAL_ADMIN="it_local_wy"', 'it_local_wy');
    takes("option pppoe_username '075588231234'", '075588231234');
    takes('宽带账号：02066881234  密码：******', '02066881234');
    keeps('admin_name=admin', 'admin_name=admin');
    keeps('pppoe_username=${PPPOE_USER}', '${PPPOE_USER}');
  });
  it('takes the login column of account-list tables (ipmitool user list, a SQL result), not stock rows or other tables', () => {
    const out = takes(
      ['ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit', '2   ADMIN            true    false      false      ADMINISTRATOR', '3   ops_kangjie      true    true       true       OPERATOR', ''].join('\n'),
      'ops_kangjie',
    );
    expect(out).toContain('2   ADMIN ');
    const sql = takes(['+--------------+------+', '| user         | host |', '+--------------+------+', '| zhao_rpt     | %    |', '| root         | ::1  |', '+--------------+------+', '2 rows in set (0.00 sec)', '| after | x |'].join('\n'), 'zhao_rpt');
    expect(sql).toContain('| root ');
    expect(sql).toContain('| after | x |');
    keeps(['| name | value |', '| timeout | 30 |'].join('\n'), '| timeout | 30 |');
  });
  it('takes the id of a swanctl EAP/XAUTH secret, not an IKE id or a connection', () => {
    const out = takes(['secrets {', '    eap-carol {', '        id = carol_wu', '        secret = "x"', '    }', '    ike-1 {', '        id-1 = vpn.example.com', '    }', '}'].join('\n'), 'carol_wu');
    expect(out).toContain('id-1 = vpn.example.com');
    keeps(['connections {', '    rw {', '        local { id = gw.example.com }', '    }', '}'].join('\n'), 'gw.example.com');
  });
  it("takes tshark's credentials rows whatever the protocol, not its header", () => {
    takes('311        HTTP basic auth  cam_view_lq     Password in packet: 311', 'cam_view_lq');
    takes('5120       POP              mail_zhangrui    Username in packet: 5117', 'mail_zhangrui');
    keeps('Packet     Protocol         Username         Info', 'Username         Info');
  });
  it('takes a dotted operator key (properties), keeps a word', () => {
    takes('cdn.operator=cdn_ops_lw', 'cdn_ops_lw');
    keeps('a.operator = foo', 'a.operator = foo');
  });
});
