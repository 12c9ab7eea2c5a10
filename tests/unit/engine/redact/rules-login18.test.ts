/**
 * held-out-18's missed logins (task login18), each fixed by its family's grammar: other tools of the same grammar, other
 * quoting, separators and vocabularies than the set's own, and the look-alikes each fix must keep (stock and service
 * accounts, placeholders, words, other tools' flags). A fresh Redactor per case; the password beside a login is another
 * rule's: these tests look at the login only.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords as keeps, redact, takesLogins as takes } from './helpers.js';

describe('login18: a name/value pair under a login name (name-value-pair.ts)', () => {
  it('takes the value of an element or object whose name attribute or key names a login', () => {
    takes('<DM name="PPPoEUserName" val="0288k55120317"/>', '0288k55120317');
    takes('  <property name="User" value="HR_APP_WQ"/>', 'HR_APP_WQ');
    takes('<param name="login" value="zhao_yl"/>', 'zhao_yl');
    takes('<setting id="DbUserName" type="string" value="fin_etl_zq"/>', 'fin_etl_zq');
    takes('  {"name": "db_username", "value": "report_ljh"},', 'report_ljh');
    takes('{ "key" : "LoginName", "val" : "xiaoqiang.ma" }', 'xiaoqiang.ma');
  });
  it('keeps stock accounts, other names and placeholders', () => {
    keeps('<DM name="UserName" val="telecomadmin"/>', 'telecomadmin');
    keeps('  <property name="User" value="admin"/>', 'value="admin"');
    keeps('<property name="UserAgent" value="Mozilla5"/>', 'Mozilla5');
    keeps('<DM name="WANCName" val="2_INTERNET_R_VID_41"/>', '2_INTERNET_R_VID_41');
    keeps('<param name="login" value="${LOGIN_USER}"/>', '${LOGIN_USER}');
    keeps('{"name": "username", "value": "<user>"}', '<user>');
  });
});

describe('login18: account tools by their grammar (admin-cli.ts tables)', () => {
  it('takes a login after a flag of the tool', () => {
    takes("register_new_matrix_user -u qiuyan_m -p 'x' -c homeserver.yaml http://localhost:8008", 'qiuyan_m');
    takes('/usr/local/openvpn_as/scripts/sacli --user liqiang_vpn --key prop_autologin --value true UserPropPut', 'liqiang_vpn');
    takes('drush -r /var/www/site user:login --name=hanmeimei', 'hanmeimei');
    takes('mysql_config_editor set --login-path=bi --host=10.0.0.5 --user=bi_reader_zh --password', 'bi_reader_zh');
    takes('mysqlsh --uri 10.0.0.5 -u shell_wyq', 'shell_wyq');
    takes("lftp -e 'mirror -R out in; quit' -u edi_zxf,x sftp://10.0.0.9", 'edi_zxf');
  });
  it('takes a login as an account subcommand’s argument, both of `ilorest iloaccounts add`', () => {
    takes("ilorest iloaccounts add ops_gaoy gaoy_ops 'x' --role Operator", 'ops_gaoy', 'gaoy_ops');
    takes('ilorest iloaccounts changepassword zhanghl_ilo x', 'zhanghl_ilo');
    takes("samba-tool user create chenxiaoli 'x' --given-name=Xiaoli", 'chenxiaoli');
    takes("rabbitmqctl add_user mq_orders_lq 'x'", 'mq_orders_lq');
    takes('drush ucrt wangmeiling --mail="w@example.cn" --password="x"', 'wangmeiling');
    takes("$ openstack user create --domain default --password 'x' tanglei", 'tanglei');
    takes('openstack user set --password-prompt zhou_bo', 'zhou_bo');
  });
  it('takes a login flag qualified by what it signs in to', () => {
    takes('kubectl create secret docker-registry pull --docker-server=r.local --docker-username=robot_ci_yx --docker-password=x', 'robot_ci_yx');
    takes('tool sync --registry-user deploy_hmm --registry-pass x', 'deploy_hmm');
    takes('govc-wrapper --vcenter-username=vc_ops_lj', 'vc_ops_lj');
  });
  it('keeps stock accounts, words and other tools’ flags', () => {
    keeps('ilorest iloaccounts add admin admin x', 'add admin admin');
    keeps('sacli --user openvpn --new_pass x SetLocalPassword', '--user openvpn');
    keeps('openstack user create --domain default admin', 'default admin');
    keeps('rabbitmqctl add_user guest guest', 'add_user guest');
    keeps('kubectl create secret docker-registry p --docker-username=$REG_USER', '$REG_USER');
    keeps('sort -u names.txt | lftp -e "ls; bye" ftp.local', 'names.txt');
  });
});

describe('login18: logins in store and protocol grammars', () => {
  it('takes JAAS options inside a string, ssh to a variable host, a bracketed SQL Server login', () => {
    takes('"sasl.jaas.config": "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\"etl_kafka_wz\\" password=\\"x\\";"', 'etl_kafka_wz');
    takes("sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username='sync_wangp' password='x';", 'sync_wangp');
    takes('spawn ssh netadm_lyq@$host', 'netadm_lyq');
    takes('ssh -p 2222 deploy_cjh@${TARGET_HOST} uptime', 'deploy_cjh');
    takes("CREATE LOGIN [etl_sunxy] WITH PASSWORD = N'x';", 'etl_sunxy');
    takes("EXEC sp_addlinkedsrvlogin @rmtsrvname = N'ORA', @useself = N'False', @rmtuser = N'ORA_RPT_LW', @rmtpassword = 'x';", 'ORA_RPT_LW');
    takes("EXEC sp_addlinkedsrvlogin 'DW', 'false', NULL, 'dw_pull_hx', 'x';", 'dw_pull_hx');
    takes("EXEC sp_addlogin 'fin_ro_cy', 'x';", 'fin_ro_cy');
    takes('    basic_auth: ["guest_demo_lz:x1!"]', 'guest_demo_lz');
    takes('    <Userid>RPT_ZHOUY</Userid>', 'RPT_ZHOUY');
  });
  it('takes a JSON account record’s login-shaped name beside its e-mail or password hash, a digit login under a certain key', () => {
    takes('{ "_id" : ObjectId("64f1a2b3c4d5e6f708192a3b"), "name" : "ops_liuyan", "email" : "l@example.cn" }', 'ops_liuyan');
    takes('{"name":"wang.qiang2","x_shadow":"$6$abc$def"}', 'wang.qiang2');
    takes('UserName=20230917', '20230917');
    takes('login_id = 118302417', '118302417');
  });
  it('keeps stock accounts, labels, placeholders and numbers under other keys', () => {
    keeps('spawn ssh root@$host', 'root@$host');
    keeps("EXEC sp_addlinkedsrvlogin 'DW', 'false', NULL, 'sa', 'x';", "'sa'");
    keeps('CREATE LOGIN [BUILTIN\\Users] FROM WINDOWS;', 'BUILTIN');
    keeps('{"name":"Office","email":"office@example.cn"}', 'Office');
    keeps('Port=2023118', '2023118');
    keeps('UserId=100234', '100234');
    keeps('LastLogin=1764122519', '1764122519');
    keeps('UserName        Pwd', 'Pwd');
    keeps('  ssh_username = "ubuntu"', 'ubuntu');
    keeps('ls /home/ec2-user/app', 'ec2-user');
    expect(redact('username=\\"${KAFKA_USER}\\"')).toContain('${KAFKA_USER}');
  });
});

describe('login18: account listings and sign-in lines', () => {
  it('takes the login column of a psql catalog result up to its row count', () => {
    const out = redact(['db=> select rolname, rolvaliduntil from pg_roles;', '   rolname    | rolvaliduntil', '--------------+---------------', ' fin_app_cq   | infinity', ' audit_lmy    |', ' postgres     |', '(3 rows)', '', ' zhoujie | x'].join('\n'));
    expect(out).not.toContain('fin_app_cq');
    expect(out).not.toContain('audit_lmy');
    expect(out).toContain(' postgres ');
    expect(out).toContain(' zhoujie | x');
  });
  it('reads psql\'s expanded display (`\\x`) as records, not as a login column (session 21: its keys were taken)', () => {
    const record = ['-[ RECORD 1 ]----+------------------', 'pid              | 2841177', 'usename          | crm_app', 'application_name | psql', 'client_addr      | 10.14.2.31', 'state            | active', '-[ RECORD 2 ]----+------------------', 'rolname          | fin_ro', 'rolcanlogin      | t', 'rolconnlimit     | -1'];
    const out = redact(record.join('\n'));
    for (const key of ['application_name', 'client_addr', 'state', 'rolcanlogin', 'rolconnlimit', 'pid']) expect(out).toMatch(new RegExp(`^${key} +\\| `, 'm'));
    // The aligned listing still opens on its header, indented by psql's padding.
    expect(redact([' usename  | valuntil', '----------+----------', ' fin_app_cq | infinity', '(1 row)'].join('\n'))).not.toContain('fin_app_cq');
  });
  it('takes a numbered account signing in, and keeps a staff number', () => {
    takes('2026-11-27 08:40:11 用户 20219981 (王小明) 认证成功', '20219981');
    takes('[INFO] 账号: 2021301234 登录失败', '2021301234');
    keeps('2026-11-27 08:40:11 工号 20231184 登录成功', '20231184');
    keeps('用户 20231184 条记录已导出', '20231184');
  });
});
