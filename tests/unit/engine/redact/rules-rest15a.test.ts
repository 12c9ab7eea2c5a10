/**
 * held-out-15's missed logins (task rest15a), each fixed by its family's grammar: other vendors and tools of the
 * same grammar, other quoting and separators, values that are not the set's own, and the look-alikes each fix
 * must keep (the same grammar holding a non-account: interfaces, policy ids, stock and service accounts,
 * placeholders, prose). A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { check, redact, unchanged } from './helpers.js';

describe('rest15a: block-scoped account stores of network devices (one section state)', () => {
  it('takes FortiOS edit names inside config system admin and config user local only', () => {
    const conf = [
      'config system admin',
      '    edit "noc_chenliang"',
      '        set accprofile "super_admin"',
      '        config gui-dashboard',
      '            edit 1',
      '            next',
      '        end',
      '    next',
      '    edit "ops.wuhan"',
      '    next',
      'end',
      'config user local',
      '    edit "vpn_zhaomin"',
      '        set type password',
      '    next',
      'end',
      'config system interface',
      '    edit "port1"',
      '        set alias "WAN-Telecom"',
      '    next',
      '    edit "internal_lan"',
      '    next',
      'end',
      'config firewall policy',
      '    edit 12',
      '        set name "allow_web"',
      '    next',
      'end',
    ].join('\n');
    const out = redact(conf);
    expect(out).toContain('edit "<USER-1>"');
    expect(out).toContain('edit "<USER-2>"');
    expect(out).toContain('edit "<USER-3>"');
    expect(out).toContain('edit "port1"');
    expect(out).toContain('edit "internal_lan"');
    expect(out).toContain('edit 12');
    expect(out).toContain('edit 1\n');
    // The same line with no store above it stays.
    unchanged(['    edit "fw_gongyan"', 'config system admin\n    edit "admin"\n    next\nend']);
  });

  it('takes RouterOS names under /ppp secret, /user and /ip hotspot user, inline or as a section', () => {
    check([
      ['/ppp secret add name=pppoe_lijun password=Pp!2026x service=pppoe', '/ppp secret add name=<USER-1> password=<SECRET-1> service=pppoe'],
      ['/user add name=netops_huang group=full', '/user add name=<USER-1> group=full'],
      ['/ip hotspot user\nadd name=guest_wang password=x1 profile=default', '/ip hotspot user\nadd name=<USER-1> password=<SECRET-1> profile=default'],
      ['/user\nadd comment="IT" group=read name="audit_sunli"', '/user\nadd comment="IT" group=read name="<USER-1>"'],
    ]);
    unchanged([
      '/interface ethernet\nset [ find default-name=ether1 ] name=ether1-wan',
      '/interface bridge\nadd name=bridge-lan',
      '/user group\nadd name=helpdesk_ro policy=read,test',
      '/ppp profile\nadd name=vpn-profile local-address=10.8.0.1',
      '/ppp secret add name=admin comment=stock',
    ]);
  });

  it('takes one-line CLI stores (天融信, sslvpn, l2tp users) and Juniper login users', () => {
    check([
      ['system admin add name sec_liuyang password X!9 role sysadmin', 'system admin add name <USER-1> password <SECRET-1> role sysadmin'],
      ['vpn sslvpn user add name ssl_hemin passwd Zz@1 group 研发', 'vpn sslvpn user add name <USER-1> passwd <SECRET-1> group 研发'],
      ['l2tp user add name "l2tp_qiang" password x', 'l2tp user add name "<USER-1>" password <SECRET-1>'],
      ['set system login user tan_wei class super-user', 'set system login user <USER-1> class super-user'],
    ]);
    unchanged(['user add name <name> passwd <password>', 'address add name srv_web ip 10.0.0.5']);
    // A stock login stays; the password beside it is rest15b's.
    check([['system admin add name admin password x', 'system admin add name admin password <SECRET-1>']]);
  });

  it('takes the administrator a console log names, not a word or a stock account', () => {
    check([
      ['2026-01-02 10:00:00 管理员 net_zhouyi 从 10.0.0.5 登录成功', '2026-01-02 10:00:00 管理员 <USER-1> 从 10.0.0.5 登录成功'],
      ['管理员 audit_he(审计) 退出', '管理员 <USER-1>(审计) 退出'],
      ['[INFO] Console user weblogic_ops2 login success from 10.1.1.1', '[INFO] Console user <USER-1> login success from 10.1.1.1'],
      ['Admin user tan.hao logged out', 'Admin user <USER-1> logged out'],
    ]);
    unchanged(['管理员 admin 从 10.0.0.5 登录成功', 'Console user admin login failed', '管理员 权限 从 系统 登录']);
  });
});

describe('rest15a: identity tools', () => {
  it('takes FreeIPA logins and commands', () => {
    check([
      ['  User login: zhaoxue', '  User login: <USER-1>'],
      ['$ ipa user-mod songjia --shell=/bin/zsh', '$ ipa user-mod <USER-1> --shell=/bin/zsh'],
      ['# ipa stageuser-add hanmei --first=梅 --last=韩', '# ipa stageuser-add <USER-1> --first=梅 --last=韩'],
      ["echo 'x' | ipa passwd liqiong", "echo '<SECRET-1>' | ipa passwd <USER-1>"],
    ]);
    unchanged(['$ ipa user-find --all', '  User login: admin', '$ ipa user-show <login>']);
  });

  it('takes kadmin principals and kadm5.acl admin instances, not service principals', () => {
    check([
      ['kadmin:  addprinc -randkey wuqian', 'kadmin:  addprinc -randkey <USER-1>'],
      ['kadmin.local: delprinc -force jiangtao', 'kadmin.local: delprinc -force <USER-1>'],
      ['kadmin.local:  ktadd -k /etc/security/keytabs/x.keytab -norandkey etl_songli', 'kadmin.local:  ktadd -k /etc/security/keytabs/x.keytab -norandkey <USER-1>'],
      ['ank -pw S3cr3t! tianmu', 'ank -pw <SECRET-1> <USER-1>'],
      ['liuyan/admin@EXAMPLE.COM  *', '<USER-1>/admin@EXAMPLE.COM  *'],
    ]);
    unchanged(['kadmin.local:  addprinc -randkey HTTP/web01.example.com', 'kadmin.local:  getprinc admin/admin', 'kadmin.local:  listprincs']);
  });

  it('takes AD -samid logins and Ceph client names and radosgw uids', () => {
    check([
      ['dsquery user -samid wangfang | dsget user -email', 'dsquery user -samid <USER-1> | dsget user -email'],
      ['dsadd user "CN=x,DC=a" -samid "zhangqi" -pwd *', 'dsadd user "CN=x,DC=a" -samid "<USER-1>" -pwd *'],
      ['[client.backup_liwei]', '[client.<USER-1>]'],
      ['# ceph auth get-or-create client.cinder_lhy mon "allow r"', '# ceph auth get-or-create client.<USER-1> mon "allow r"'],
      ['radosgw-admin user modify --uid=jiangmin --max-buckets=10', 'radosgw-admin user modify --uid=<USER-1> --max-buckets=10'],
    ]);
    unchanged(['[client.admin]', '[client.bootstrap-osd]', 'ceph auth get client.admin', 'kafka client.id = producer-1', '[client.rgw.gw1]', 'radosgw-admin user info --uid=<uid>']);
  });
});

describe('rest15a: provisioning and database shells', () => {
  it('takes kickstart and preseed users', () => {
    check([
      ['user --groups=wheel --name=dev_lina --password=x --iscrypted', 'user --groups=wheel --name=<USER-1> --password=<SECRET-1> --iscrypted'],
      ['d-i passwd/username string xiaoqian', 'd-i passwd/username string <USER-1>'],
    ]);
    unchanged(['user --name=root', 'd-i passwd/username string ubuntu', '# user --name=<name> --password=<pw>']);
  });

  it("takes SQL 'x'@'host' accounts, FTP users, obclient tenants and pg_hba rows", () => {
    check([
      ["SET PASSWORD FOR 'rpt_zhou'@'localhost' = PASSWORD('x');", "SET PASSWORD FOR '<USER-1>'@'localhost' = PASSWORD('<SECRET-1>');"],
      ["ERROR 1045 (28000): Access denied for user `yang_etl`@`10.0.0.1`", 'ERROR 1045 (28000): Access denied for user `<USER-1>`@`10.0.0.1`'],
      ["GRANT SELECT ON db.* TO 'bi_xuming'@'%';", "GRANT SELECT ON db.* TO '<USER-1>'@'%';"],
      ['loader --ftp-user=ftp_zhao --ftp-pass=x', 'loader --ftp-user=<USER-1> --ftp-pass=<SECRET-1>'],
      ['obclient -h127.0.0.1 -P2881 -u wms_rw@wms_tenant -p', 'obclient -h127.0.0.1 -P2881 -u <USER-1>@wms_tenant -p'],
      ['hostssl  hrdb  zhang_hr  10.1.0.0/16  scram-sha-256', 'hostssl  hrdb  <USER-1>  10.1.0.0/16  scram-sha-256'],
    ]);
    unchanged(["Access denied for user 'root'@'localhost'", "SET PASSWORD FOR 'mysql.sys'@'localhost'", 'host all all 0.0.0.0/0 md5', 'host replication replicator 10.0.0.0/8 md5']);
  });

  it('takes redis, mongosh and x509 users, tiup and emqx operators', () => {
    check([
      ['auth queue_ro Qq!2026', 'auth <USER-1> Qq!2026'],
      ['acl setuser report_lin on >pw ~report:* +get', 'acl setuser <USER-1> on >pw ~report:* +get'],
      ["db.updateUser('ana_wu', {roles: []})", "db.updateUser('<USER-1>', {roles: []})"],
      ['{createUser: "CN=svc-bi-yan,OU=BI,O=X", roles: []}', '{createUser: "CN=<USER-1>,OU=BI,O=X", roles: []}'],
      ['tiup cluster check ./topology.yaml --user deploy_lu -i ~/.ssh/id_rsa', 'tiup cluster check ./topology.yaml --user <USER-1> -i ~/.ssh/id_rsa'],
      ['emqx_ctl admins del mqtt_ops_ye', 'emqx_ctl admins del <USER-1>'],
    ]);
    unchanged(['auth required pam_unix.so', 'auth sufficient pam_rootok.so', 'AUTH default mypass', 'emqx_ctl admins passwd admin <SECRET-1>', 'tiup cluster deploy x v7 ./t.yaml --user tidb']);
  });
});

describe('rest15a: applications', () => {
  it('takes Elastic, Spark, console-log, TongWeb, iscsid and bind-DN logins', () => {
    check([
      ['bin/elasticsearch-reset-password --username ops_kong -i', 'bin/elasticsearch-reset-password --username <USER-1> -i'],
      ['bin/elasticsearch-users useradd ana_li -p x -r viewer', 'bin/elasticsearch-users useradd <USER-1> -p x -r viewer'],
      ['spark-submit --proxy-user etl_sunyu --master yarn', 'spark-submit --proxy-user <USER-1> --master yarn'],
      ['[INFO] created user lvping successfully', '[INFO] created user <USER-1> successfully'],
      ['<console-user name="tw_ops_li" role="admin"/>', '<console-user name="<USER-1>" role="admin"/>'],
      ['discovery.sendtargets.auth.username_in = chap_in_zj', 'discovery.sendtargets.auth.username_in = <USER-1>'],
      ["bind_dn: 'CN=wang.li,OU=IT,DC=x,DC=local'", "bind_dn: 'CN=<USER-1>,OU=IT,DC=x,DC=local'"],
    ]);
    unchanged(['bin/elasticsearch-reset-password -u elastic', '<admin-user name="thanos" role="secadmin"/>']);
  });

  it('takes a person-like login from shell prompts, never root or an image default', () => {
    check([
      ['[hanxue@web01 ~]$ sudo -i', '[<USER-1>@web01 ~]$ sudo -i'],
      ['dev_zhao@build-02:~$ make', '<USER-1>@build-02:~$ make'],
    ]);
    unchanged(['[root@web01 ~]# ls', 'ubuntu@ip-10-0-0-1:~$ ls', 'ec2-user@host:~$ df -h', '[omm@og-node1 ~]$ gs_ctl status']);
  });

  it("takes a login in brackets beside a person's name", () => {
    check([['      Full Name: Mei Lin (meilin)', '      Full Name: <NAME-1> (<USER-1>)']]);
    unchanged(['[Users] 用户登录成功 (SMB)']);
  });
});

describe('rest15a: provisioning user lists (one items-block state after users:/accounts:)', () => {
  it('takes every key of a users map and every name of a users list, at the items indentation only', () => {
    const salt = ['mysql:', '  users:', '    crm_lvjun:', "      password: 'x'", "      host: '%'", '    zhao.min:', '      host: localhost', '  server:', '    port: 3306'].join('\n');
    expect(redact(salt)).toBe(['mysql:', '  users:', '    <USER-1>:', "      password: '<SECRET-1>'", "      host: '%'", '    <USER-2>:', '      host: localhost', '  server:', '    port: 3306'].join('\n'));
    const hiera = ['role::bastion::admin_users:', '  kwang:', '    shell: /bin/zsh', '  hlu_ops:', '    uid: 3001', 'role::bastion::motd: hi'].join('\n');
    expect(redact(hiera)).toBe(['role::bastion::admin_users:', '  <USER-1>:', '    shell: /bin/zsh', '  <USER-2>:', '    uid: 3001', 'role::bastion::motd: hi'].join('\n'));
    const ci = ['users:', '  - default', '  - name: ma_lei', '    groups: sudo', '  - name: "qiu.lan"', 'runcmd:', '  - name: not_a_user'].join('\n');
    expect(redact(ci)).toBe(['users:', '  - default', '  - name: <USER-1>', '    groups: sudo', '  - name: "<USER-2>"', 'runcmd:', '  - name: not_a_user'].join('\n'));
    const ansible = ['accounts:', '- name: song_yi', '  state: present', '- name: root', 'other: 1'].join('\n');
    expect(redact(ansible)).toBe(['accounts:', '- name: <USER-1>', '  state: present', '- name: root', 'other: 1'].join('\n'));
  });

  it('keeps settings under users:, kubeconfig credentials and stock accounts', () => {
    unchanged([
      ['users:', '  enabled: true', '  default: guest', '  groups:', '    - wheel'].join('\n'),
      ['apiVersion: v1', 'kind: Config', 'current-context: prod', 'users:', '- name: dev_cluster_user', '  user:', '    username: x'].join('\n'),
      ['users:', '- name: ci-bot', '- name: ubuntu', '- name: rancher-test'].join('\n'),
    ]);
  });
});

describe('rest15a: a Kerberos principal teaches its login; records of one account', () => {
  it('learns the login of an upper-case realm principal, not an address, a stock or a service account', () => {
    expect(redact('Principal: lvxiaomei@HADOOP.CORP.CN\nkeytab /etc/krb5/lvxiaomei.keytab renewed')).toBe('Principal: <EMAIL-1>\nkeytab /etc/krb5/<USER-1>.keytab renewed');
    expect(redact('wang.qi@example.com\nwang.qi is away')).toBe('<EMAIL-1>\nwang.qi is away');
    expect(redact('admin@CORP.LOCAL\nadmin')).toBe('<EMAIL-1>\nadmin');
    expect(redact('hive_svc@CORP.LOCAL\nhive_svc')).toBe('<EMAIL-1>\nhive_svc');
  });

  it('takes XML <user> records by the line before', () => {
    check([
      ['<user>\n  <name>op_fangli</name>\n  <uid>2003</uid>', '<user>\n  <name><USER-1></name>\n  <uid>2003</uid>'],
    ]);
    unchanged(['<package>\n  <name>openvpn_client</name>', '<user>\n  <name>admin</name>']);
  });

  it("reads a CSV column of who added or created a record as a login column (企业微信 添加人账号)", async () => {
    const { file } = await import('./helpers.js');
    const out = await file('contacts.csv', '客户名称,添加人,添加人账号,添加时间\n某公司,张三,ZhangSanFeng,2026-01-01\n');
    expect(out).toContain(',<USER-1>,');
  });
});

describe('rest15a: a search query naming the searcher', () => {
  it('keeps owner:self (Gerrit, GitHub queries) and still takes owner:x', () => {
    unchanged(['GET /a/changes/?q=owner:self HTTP/1.1', 'is:open owner:self']);
    check([['owner: zhanghua', 'owner: <USER-1>']]);
  });
});
