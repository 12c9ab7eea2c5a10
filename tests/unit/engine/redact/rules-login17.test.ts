/**
 * held-out-17's missed logins (task login17), each fixed by its family's grammar — where a login stands, whatever tool
 * wrote it: other tools of the same grammar, other quoting and separators, values that are not the set's own, and the
 * look-alikes each fix must keep (stock and service accounts, placeholders, words, other tools' flags, documentation).
 * A fresh Redactor per case. The password beside a login is another rule's: these tests look at the login only.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords as keeps, redact, takesLogins as takes } from './helpers.js';


describe('login17: clients that take a login after a flag of their own (admin-cli.ts USER_FLAG_CLIENTS)', () => {
  it('takes the login of graph, document and time-series shells, registries, headscale and dscacheutil', () => {
    takes(`cypher-shell -a bolt://10.0.0.5:7687 -u graph_ro_wjq -p "$NEO4J_PW" "RETURN 1"`, 'graph_ro_wjq');
    takes('cbq -e couchbase://10.1.2.3 --username=orders_app_lt -p x -s "SELECT 1"', 'orders_app_lt');
    takes('couchbase-cli bucket-list -c localhost -u cb_ops_zhq -p x', 'cb_ops_zhq');
    takes('couchbase-cli cluster-init -c 10.0.0.1 --cluster-username cbadm_yk --cluster-password x', 'cbadm_yk');
    takes('cqlsh 10.3.0.7 9042 -u iot_writer_xm -p x', 'iot_writer_xm');
    takes('nodetool -h 10.3.0.7 -u jmx_ops_lc -pw x status', 'jmx_ops_lc');
    takes('influx -host 10.2.0.9 -username metrics_zy -password x', 'metrics_zy');
    takes('redis-cli -h 10.0.0.2 --user cache_ro_pf --pass x ping', 'cache_ro_pf');
    takes('podman login registry.corp.local -u build_bot_qx --password-stdin', 'build_bot_qx');
    takes('nerdctl login --username=ci_push_lwj harbor.local', 'ci_push_lwj');
    takes('helm registry login oci.corp.local --username chart_ops_hm --password x', 'chart_ops_hm');
    takes('headscale nodes list -u dengxiaolu', 'dengxiaolu');
    takes('dscacheutil -q user -a name jmorrison', 'jmorrison');
  });
  it('takes a qualified login flag (`--rbac-username`, `--admin-user`, `--ssh-user`) of any tool', () => {
    takes('couchbase-cli user-manage -c h -u x -p y --set --rbac-username report_reader_ws --rbac-password z', 'report_reader_ws');
    takes('mytool deploy --ssh-user deploy_gyh --host 10.0.0.1', 'deploy_gyh');
    takes('setup.sh --admin-username=portal_admin_cq', 'portal_admin_cq');
  });
  it('keeps stock accounts, URIs and other tools’ -u', () => {
    keeps('cypher-shell -a neo4j://10.0.0.5:7687 -u neo4j -p x', 'neo4j://', '-u neo4j');
    keeps('cqlsh -u cassandra -p cassandra', '-u cassandra');
    keeps('redis-cli -u redis://10.0.0.2:6379/0 ping', 'redis://10.0.0.2:6379/0');
    keeps('sort -u names.txt', 'names.txt');
    keeps('docker login -u <user> registry.local', '<user>');
    keeps('docker login -u "$REGISTRY_USER" --password-stdin', '$REGISTRY_USER');
  });
});

describe('login17: account commands whose login is the last argument (LAST_ARG_LOGIN_COMMANDS)', () => {
  it('takes it after flags and their values, also in shell histories and after prompts', () => {
    takes('  990  2026-11-24 09:45:30 usermod -c "Li Na (ops)" lina_ops', 'lina_ops');
    takes(': 1764122519:0;sudo userdel -r zhangxiaoyu', 'zhangxiaoyu');
    takes('[root@nas01 ~]# smbpasswd -a -s finance_scan', 'finance_scan');
    takes('$ pdbedit -a -u wangqiang', 'wangqiang');
    takes('ocpasswd -c /etc/ocserv/ocpasswd -g engineering zhoujiahui', 'zhoujiahui');
    takes('saslpasswd2 -c -u mail.corp.local postfix_relay_hz', 'postfix_relay_hz');
    takes('  1203  su - tangyiming', 'tangyiming');
    takes('passwd -l gaoyuan_old', 'gaoyuan_old');
    takes('chage -M 90 -W 7 liuchang', 'liuchang');
    takes('headscale users create wu_lab_gpu', 'wu_lab_gpu');
    takes('sentinel auth-user cache-master sentinel_peer_qd', 'sentinel_peer_qd');
  });
  it('keeps service accounts, words and commands named in prose', () => {
    keeps('su - postgres', 'su - postgres');
    keeps('su - oracle', 'su - oracle');
    keeps('usermod -aG docker deploy', 'deploy');
    keeps('passwd test', 'passwd test');
    keeps('Use smbpasswd -a to add a user to the database', 'smbpasswd -a to add');
    keeps('su - ${USER}', '${USER}');
  });
});

describe('login17: account stores by their line grammar', () => {
  it('takes the login of a hash line with a group between or a locked hash (ocpasswd, shadow)', () => {
    takes('maxiaotian:vpn-users:$5$Qm7vLp2x$W9kT4rZ1sN8eU3bC6dF0gH5jY2aX7vM1pQ4tR8nL0k6', 'maxiaotian');
    takes('hanxue:!$6$Zx1cVb2n$L7pQ4sU8wY1bD5fH9jL2nP6rT0vX4zB8dF1gH5jK9m2:19700:0:99999:7:::', 'hanxue');
  });
  it('takes every login of a 3proxy users line', () => {
    takes('users ext_audit_kd:CL:Aud!t2026 zhangbo:CR:$1$Kx8mQ2vT$9pLr4sW1eUzN7bC3dF6gH.', 'ext_audit_kd', 'zhangbo');
  });
  it('keeps a group field holding a secret word and lines that are no users line', () => {
    keeps('url: http://example.com:CL:', 'example.com');
  });
  it('takes Icinga 2 API users and notification users', () => {
    takes('object ApiUser "dashboard_ro_qin" {\n  password = "x"\n}', 'dashboard_ro_qin');
    takes('object User "wangfei_oncall" {\n  email = "a@b.c"\n}', 'wangfei_oncall');
    keeps('object ApiUser "root" {', '"root"');
  });
  it('takes SoftEther users one level under UserList, not the sections or a user’s nested blocks', () => {
    const conf = ['declare root', '{', '\tdeclare ListenerList', '\t{', '\t\tdeclare Listener0', '\t\t{', '\t\t}', '\t}', '\tdeclare UserList', '\t{', '\t\tdeclare chenyuxuan', '\t\t{', '\t\t\tdeclare Policy', '\t\t\t{', '\t\t\t}', '\t\t}', '\t}', '}'].join('\n');
    const out = takes(conf, 'chenyuxuan');
    expect(out).toContain('declare Listener0');
    expect(out).toContain('declare Policy');
    expect(out).toContain('declare UserList');
  });
  it('takes every item of a realm file (Jetty, Rundeck tokens, Karaf) under its heading', () => {
    takes('# Jetty HashUserRealm\nops_wenjie: MD5:5f4dcc3b5aa765d61d8327deb882cf99, ops, deploy', 'ops_wenjie');
    takes('# /etc/rundeck/tokens.properties\nci_nightly_zx: Qz7Xy2Cv4Bn7Mq2Wk9Lp5Rs8Hd3Fj0Ga, deploy', 'ci_nightly_zx');
    takes('# users.properties: user=password,role1,role2\nsupport_lmh = Karaf#2026,_g_:admingroup', 'support_lmh');
    keeps('# users.properties\nlogging.level: debug, console', 'logging.level');
    keeps('# realm.properties\nadmin: OBF:1x8g1vn61z7e1ym71uo71z7e1vn41x8e, admin', 'admin:');
  });
  it('takes each account row of a `pdbedit -L` listing (plain and -w) up to the next prompt', () => {
    takes('# pdbedit -L\nzhaolei:1001:赵磊\nprinter_3f:1002:\n# ls', 'zhaolei', 'printer_3f');
    takes('$ pdbedit -Lw\nsunyue:1005:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:8846F7EAEE8FB117AD06BDD830B7586C:[U          ]:LCT-6936B2A1:', 'sunyue');
    keeps('$ pdbedit -L\nnobody:65534:nobody\n$ grep -n x main.c\nmain:12:x', 'main:12:x', 'nobody:65534');
  });
  it('takes the login column of `net session` and `net file` (en-US and zh-CN)', () => {
    const en = ['C:\\>net session', '', 'Computer               User name            Client Type       Opens Idle time', '', '-------------------------------------------------------------------------------', '\\\\10.1.8.31          liyuqing                                   2 00:01:10', 'The command completed successfully.'].join('\n');
    takes(en, 'liyuqing');
    const files = ['C:\\>net file', '', 'ID         Path                                    User name            # Locks', '', '----------', '1006632991 D:\\Share\\Plan\\budget 2027.xlsx          xu.wenhao            0', 'The command completed successfully.'].join('\n');
    takes(files, 'xu.wenhao');
    keeps('C:\\>net session\nThere are no entries in the list.\n\\\\10.1.8.31  Administrator  2 00:01:10', 'Administrator');
  });
});

describe('login17: prompts answered on their line', () => {
  it('takes the answer of username prompts', () => {
    takes('? Please type your primary username ops_liqiang', 'ops_liqiang');
    takes("Username (leave blank to use 'ubuntu'): netops_hzw", 'netops_hzw');
    takes('login as: tanglei', 'tanglei');
    takes("Username for 'https://gitea.corp.local': caimengyao", 'caimengyao');
    takes('Please enter the admin username: cms_admin_qf', 'cms_admin_qf');
  });
  it('keeps stock answers, placeholders and prompts without an answer', () => {
    keeps('login as: root', 'login as: root');
    keeps("Username (leave blank to use 'root'):", "Username (leave blank to use 'root'):");
    keeps('? Please type your primary username admin', 'username admin');
  });
});

describe('login17: config vocabularies', () => {
  it('takes PHP array logins indexed by a variable or a number, under qualified login keys', () => {
    takes("$cfg['Servers'][$i]['user'] = 'pma_web_lz';", 'pma_web_lz');
    takes("$cfg['Servers'][$i]['controluser'] = 'pma_ctl_gq';", 'pma_ctl_gq');
    takes("$config['snmp']['v3'][0]['authname'] = 'snmp_mon_xy';", 'snmp_mon_xy');
    takes('$conf->smtp_user = "notice_hy";', 'notice_hy');
    keeps("$cfg['Servers'][$i]['user'] = 'root';", "'root'");
  });
  it('takes R/pyodbc `UID = "x"` and Oracle connect strings', () => {
    takes('con <- DBI::dbConnect(odbc::odbc(), Driver = "ODBC Driver 18", UID = "qc_reader_ln", PWD = pw)', 'qc_reader_ln');
    takes('userid=rpt_fin_cw/Fin#2026@//db01:1521/ORCL', 'rpt_fin_cw');
    takes('sqlplus batch_etl_zq/"Etl#2026"@PROD', 'batch_etl_zq');
    takes('rman target bkp_ops_lj/Rman!2026@CDB1', 'bkp_ops_lj');
    keeps('impdp system/manager@ORCL directory=DP', 'system/');
    keeps('UUID=A1B2-C3D4 /data ext4 defaults 0 2', 'UUID=A1B2-C3D4');
  });
  it('takes a login key inside a JSON string and a short login key beside a password key', () => {
    takes('{"body":{"text":"{\\"username\\":\\"qa_login_ym\\",\\"password\\":\\"x\\"}"}}', 'qa_login_ym');
    takes('{"Cnf":{"U":"tunnel_cz_mes","P":"x","Compress":true}}', 'tunnel_cz_mes');
    takes('{"user": "dev_guojing", "pass": "x"}', 'dev_guojing');
    keeps('{"u": "https://example.com", "p": 1}', 'https://example.com');
  });
  it('takes XML settings whose key attribute names the login', () => {
    takes('<value type="string" key="userName">wb_liyang</value>', 'wb_liyang');
    takes('<value type="string" key="sshUserName">jump.zhou</value>', 'jump.zhou');
    takes('<entry key="jdbc.user">report_fs</entry>', 'report_fs');
    takes('<property name="hibernate.connection.username">erp_rw_tc</property>', 'erp_rw_tc');
    takes('<add key="DbUser" value="crm_sync_yb" />', 'crm_sync_yb');
    keeps('<value type="string" key="userName">root</value>', '>root<');
    keeps('<entry key="userCount">42</entry>', '>42<');
  });
});

describe('login17: sessions, chats and logs', () => {
  it('takes the user@host of ssh-family clients after their flags', () => {
    takes('ssh -p 2222 -i ~/.ssh/id_ed25519 jiangwen@10.20.0.5', 'jiangwen');
    takes('"C:\\Program Files\\PuTTY\\plink.exe" -ssh -batch backup_ops_lx@10.0.3.14 -pw x', 'backup_ops_lx');
    takes('mosh dengqian@10.0.9.1', 'dengqian');
    keeps('git clone git@github.com:org/repo.git', 'git@github.com');
    keeps('ssh root@10.0.0.1 uptime', 'root@10.0.0.1');
    keeps('ssh -o StrictHostKeyChecking=no ec2-user@10.0.0.9', 'ec2-user@');
  });
  it('takes an FTP/POP3 `USER x` in a session, not a Dockerfile USER', () => {
    takes('220 ProFTPD Server ready.\nUSER ftp_upload_hx\n331 Password required', 'ftp_upload_hx');
    takes('+OK POP3 ready\nUSER liuyifei\n+OK', 'liuyifei');
    keeps('FROM node:20-alpine\nWORKDIR /app\nUSER appuser\nCMD ["node", "server.js"]', 'USER appuser');
  });
  it('takes WeCom archive senders and recipients, not external contact ids', () => {
    const out = takes('{"msgid":"1","action":"send","from":"ZhouXinYi","tolist":["wmAbCdE0FgHiJkLmNoPqRsTuVwXyZ01","ChenHao"],"roomid":""}', 'ZhouXinYi', 'ChenHao');
    expect(out).toContain('wmAbCdE0FgHiJkLmNoPqRsTuVwXyZ01');
  });
  it('takes the login after a role word before a name in brackets, and keeps the role word', () => {
    const out = takes('remote-assist: session 1 started by helpdesk zhangmin_it (张敏) to PC-01', 'zhangmin_it');
    expect(out).toContain('started by helpdesk');
    keeps('job started by operator request', 'operator request');
  });
});

describe('login17: tables and notes that hold a login', () => {
  it('reads each row of a pipe table under a login header, up to the table’s end', () => {
    const md = ['| Host | Username | Note |', '|---|---|---|', '| 10.0.0.5 | svc_backup_hq | nightly |', '| nas01 | printer_4f | shared |', '', 'printer_5f is not in a table'].join('\n');
    const out = takes(md, 'svc_backup_hq', 'printer_4f');
    expect(out).toContain('printer_5f is not in a table');
    takes('| 系统 | 账号 | 备注 |\n| --- | --- | --- |\n| 会议室 | mtg_room_5f | 5F |', 'mtg_room_5f');
    keeps('| Host | Username |\n|---|---|\n| 10.0.0.5 | root |', '| root |');
  });
  it('takes a `login / password` pair after an account word, not a path or an HTTP version', () => {
    takes('测试号 qa_demo_lin / Demo#2026 下周停用', 'qa_demo_lin');
    takes('共享账号：meeting_pad_2f / Pad!2f-01', 'meeting_pad_2f');
    takes('account: trial_user_hk / Trial#88', 'trial_user_hk');
    keeps('"POST /api/v2/login HTTP/1.1" 401', 'HTTP/1.1');
    keeps('{"accountcapabilities":{"accountcapabilities/g42tslayu":1}}', 'accountcapabilities/g42tslayu');
    keeps('账号 / 密码 见群公告', '账号 / 密码');
  });
});

describe('login17: other personal data', () => {
  it('reads the key of a JSON key/value object (Apifox/Postman environments) for the value slot', () => {
    const out = redact('{ "name": "operatorPhone", "currentValue": "18762093514" },\n{ "key": "idCard", "value": "320411199306072549", "enabled": true }');
    expect(out).not.toContain('18762093514');
    expect(out).not.toContain('320411199306072549');
    keeps('{ "name": "pageSize", "currentValue": "13812345678" }', '13812345678');
    keeps('{ "key": "timeoutMs", "value": "13812345678" }', '13812345678');
  });
});
