/**
 * held-out-13's login and secret families (task ho13logins), each fixed by its grammar, with values
 * that are not the set's own and other tools of the same grammar, and the look-alikes those fixes
 * must keep. A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, it } from 'vitest';
import { check, unchanged } from './helpers.js';

describe('ho13logins: Unix account tools and the logs naming one login', () => {
  it('takes auditd acct="x", LightDM/GDM greeter logins, last/who rows and account-tool arguments', () => {
    check([
      [`type=USER_LOGIN msg=audit(1.2:3): pid=1 uid=0 msg='op=login acct="tanwei" exe="/usr/sbin/sshd" res=failed'`, `type=USER_LOGIN msg=audit(1.2:3): pid=1 uid=0 msg='op=login acct="<USER-1>" exe="/usr/sbin/sshd" res=failed'`],
      ['Dec  1 lightdm[99]: Greeter start authentication for zhoulan', 'Dec  1 lightdm[99]: Greeter start authentication for <USER-1>'],
      [`Session pid=12: Started with service 'lightdm-autologin', username 'mali'`, `Session pid=12: Started with service 'lightdm-autologin', username '<USER-1>'`],
      ['zhangmin pts/4        10.1.2.3         Mon Mar  2 09:00   still logged in', '<USER-1> pts/4        10.1.2.3         Mon Mar  2 09:00   still logged in'],
      ['gu_lei   + pts/2        2026-03-21 09:14   .   4182 (10.0.0.7)', '<USER-1>   + pts/2        2026-03-21 09:14   .   4182 (10.0.0.7)'],
      ['# chage -l wangjia', '# chage -l <USER-1>'],
      ['$ sudo faillock --user liuyang --reset', '$ sudo faillock --user <USER-1> --reset'],
      ['# lastlog -u xiongbo', '# lastlog -u <USER-1>'],
      ['# pam_tally2 --user=x -r', '# pam_tally2 --user=x -r'],
      ['# userdel -r tianyu', '# userdel -r <USER-1>'],
    ]);
  });

  it('keeps built-in accounts and rows without a login', () => {
    unchanged([
      'type=USER_AUTH msg=audit(1.2:3): acct="root" exe="/usr/bin/su" res=success',
      'root     pts/0        10.1.2.3         Mon Mar  2 09:00   still logged in',
      'reboot   system boot  6.8.0-45-generic Mon Mar  2 08:58   still running',
      'Dec  2 kernel: tty=/dev/pts/3 ses=4',
      '# chage -l',
    ]);
  });
});

describe('ho13logins: hypervisors and BMCs', () => {
  it('takes ESXi hostd logins, esxcli accounts and their passwords', () => {
    check([
      ['Hostd: Event 12 : User dengke@192.168.5.7 logged in as pyvmomi', 'Hostd: Event 12 : User <USER-1>@192.168.5.7 logged in as pyvmomi'],
      ['Hostd: Cannot login lvqing@10.1.1.1', 'Hostd: Cannot login <USER-1>@10.1.1.1'],
      ['sshd: Rejected password for user hubin from 10.2.2.2', 'sshd: Rejected password for user <USER-1> from 10.2.2.2'],
      ['esxcli system account add -i nbu_wz -p "Esx#Nbu_1" -c "Esx#Nbu_1" -d "NetBackup"', 'esxcli system account add -i <USER-1> -p "<SECRET-1>" -c "<SECRET-1>" -d "NetBackup"'],
      ['esxcli system account set --id=ops_lm --password=Lm#0302x --password-confirmation=Lm#0302x', 'esxcli system account set --id=<USER-1> --password=<SECRET-1> --password-confirmation=<SECRET-1>'],
    ]);
  });

  it('takes iDRAC Lifecycle-log logins and racadm user settings', () => {
    check([
      ['Message = Successfully logged in using yuanfang, from 10.0.0.9 and GUI.', 'Message = Successfully logged in using <USER-1>, from 10.0.0.9 and GUI.'],
      ['Message = The session for caowei from 10.0.0.9 using SSH is logged off.', 'Message = The session for <USER-1> from 10.0.0.9 using SSH is logged off.'],
      ['racadm set iDRAC.Users.5.UserName "shen_ops"', 'racadm set iDRAC.Users.5.UserName "<USER-1>"'],
      ['racadm set iDRAC.Users.5.Password Qx!72_idrac', 'racadm set iDRAC.Users.5.Password <SECRET-1>'],
      ['racadm config -g cfgUserAdmin -o cfgUserAdminPassword -i 3 Dell#9q1', 'racadm config -g cfgUserAdmin -o cfgUserAdminPassword -i 3 <SECRET-1>'],
    ]);
  });

  it('takes Proxmox realm logins and API token secrets, VirtualBox auto-logons and VRDE users', () => {
    check([
      ['user:fangyu@pve:1:0:::', 'user:<USER-1>@pve:1:0:::'],
      ['Dec 2 pvedaemon[1]: authentication failure; rhost=10.0.0.1 user=luoxi@pam msg=x', 'Dec 2 pvedaemon[1]: authentication failure; rhost=10.0.0.1 user=<USER-1>@pam msg=x'],
      ['ci@pve!gitlab 0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b', 'ci@pve!gitlab <TOKEN-1>'],
      [`00:00:21 VBoxService: Automatic logon as liuqing with password 'Lq!2x' requested`, `00:00:21 VBoxService: Automatic logon as <USER-1> with password '<SECRET-1>' requested`],
      ['VBoxManage setextradata vm "VBoxAuthSimple/users/kong_rdp" 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8', 'VBoxManage setextradata vm "VBoxAuthSimple/users/<USER-1>" <SECRET-1>'],
    ]);
  });

  it('keeps root@pam, realm-like words run on and other esxcli -p flags', () => {
    unchanged([
      'user:root@pam:1:0:::',
      'x user=lee@pamphlet y',
      'esxcli network vswitch standard portgroup add -p "VM Network" -v vSwitch0',
      'Message = Login attempt alert for root from 10.0.20.99 using SSH.',
    ]);
  });
});

describe('ho13logins: database tools and Hadoop configuration', () => {
  it('takes hdbsql/hdbuserstore passwords and HANA ALTER USER … PASSWORD', () => {
    check([
      ['hdbsql -i 00 -u SYSTEM -p "Hn#Sys_2026" "select 1"', 'hdbsql -i 00 -u SYSTEM -p "<SECRET-1>" "select 1"'],
      ['hdbuserstore SET BIKEY hana01:30015 BI_LOAD Bi#Load_88', 'hdbuserstore SET BIKEY hana01:30015 BI_LOAD <SECRET-1>'],
      ['ALTER USER LI_HUA PASSWORD Welcome#2026x NO FORCE_FIRST_PASSWORD_CHANGE', 'ALTER USER <USER-1> PASSWORD <SECRET-1> NO FORCE_FIRST_PASSWORD_CHANGE'],
      ['create user qian_bi password "Qb 2026!x"', 'create user <USER-1> password "<SECRET-1>"'],
      ['type=EXECVE msg=audit(1.2:3): argc=3 a0="mysqldump" a1="-uyw" a2="-pDump#55x"', 'type=EXECVE msg=audit(1.2:3): argc=3 a0="mysqldump" a1="-uyw" a2="-p<SECRET-1>"'],
    ]);
  });

  it('takes Hadoop proxy users, <name>…UserName</name><value> pairs, dotted password names, Hive scratch dirs and LDAP users', () => {
    check([
      ['<property><name>hadoop.proxyuser.oozie_lgh.groups</name><value>*</value></property>', '<property><name>hadoop.proxyuser.<USER-1>.groups</name><value>*</value></property>'],
      ['<property><name>javax.jdo.option.ConnectionUserName</name><value>meta_sun</value></property>', '<property><name>javax.jdo.option.ConnectionUserName</name><value><USER-1></value></property>'],
      ['<property><name>spring.datasource.password</name><value>Sd#55pw_x</value></property>', '<property><name>spring.datasource.password</name><value><SECRET-1></value></property>'],
      ['Created HDFS directory: /tmp/hive/yangtao/abc', 'Created HDFS directory: /tmp/hive/<USER-1>/abc'],
      ['SASL negotiation failure: Error validating LDAP user qiumin', 'SASL negotiation failure: Error validating LDAP user <USER-1>'],
      ['data source=10.0.0.2;user id=rp_hxm;password=x1!;', 'data source=10.0.0.2;user id=<USER-1>;password=<SECRET-1>;'],
    ]);
  });

  it('takes application logins of connection strings with their password (login22) and keeps plain HANA password options', () => {
    check([['Server=s;User ID=crm_app;Password=Crm!App#8842;', 'Server=s;User ID=<USER-1>;Password=<SECRET-1>;']]);
    unchanged(['ALTER USER LI_HUA PASSWORD EXPIRE', '<property><name>hive.server2.enable.doAs</name><value>true</value></property>', 'hdbsql -U BIKEY "select 1"']);
  });
});

describe('ho13logins: network devices', () => {
  it('takes Cisco/Huawei local users, type-7 passwords, SNMP communities and Huawei ciphertexts', () => {
    check([
      ['username qiu_net privilege 15 secret 9 $9$abc', 'username <USER-1> privilege 15 secret 9 $9$abc'],
      ['username ops_ro password 7 070C285F4D06', 'username <USER-1> password 7 <SECRET-1>'],
      [' key 7 0822455D0A16', ' key 7 <SECRET-1>'],
      ['snmp-server community Hz#Ro_2026 RO 10', 'snmp-server community <SECRET-1> RO 10'],
      [' local-user zhao_sw password irreversible-cipher $1c$Ab3$Xy9!qq$', ' local-user <USER-1> password irreversible-cipher <SECRET-1>'],
      ['snmp-agent community write cipher %^%#Aa1!Bb2@Cc3%^%#', 'snmp-agent community write cipher <SECRET-1>'],
      ['snmp-agent community read simple Rd#H3c_77', 'snmp-agent community read simple <SECRET-1>'],
      [' radius-server shared-key cipher %^%#Rd!Nac_99Key%^%#', ' radius-server shared-key cipher <SECRET-1>'],
    ]);
  });

  it('keeps built-in device accounts and configuration words', () => {
    unchanged(['username admin privilege 15 secret 9 $9$abc', 'service password-encryption', 'snmp-server enable traps', ' authentication-mode aaa', 'aaa authentication login default group tacacs+ local']);
  });
});

describe('ho13logins: command lines, session files and macOS records', () => {
  it('takes CIFS mount credentials, STS role sessions, session targets, dscl record names, INI USER keys and prefixed ssh prompts', () => {
    check([
      ['mount -t cifs //nas/x /mnt/x -o vers=3.0,username=luyao%Lu#Nas_9,uid=1000', 'mount -t cifs //nas/x /mnt/x -o vers=3.0,username=<USER-1>%<SECRET-1>,uid=1000'],
      ['aws sts assume-role --role-arn arn:aws:iam::1:role/x --role-session-name chenyue', 'aws sts assume-role --role-arn arn:aws:iam::1:role/x --role-session-name <USER-1>'],
      ['tccli sts AssumeRole --RoleArn qcs::cam::uin/1:roleName/x --RoleSessionName ops-hexin', 'tccli sts AssumeRole --RoleArn qcs::cam::uin/1:roleName/x --RoleSessionName <USER-1>'],
      ['"session.target" : "gongli@10.1.1.1",', '"session.target" : "<USER-1>@10.1.1.1",'],
      ['RecordName: huxin xin.hu', 'RecordName: <USER-1> <USER-2>'],
      ['USER     = forgejo_lz', 'USER     = <USER-1>'],
      [`[10:00:00.1] > dev_wq@10.0.0.5's password:`, `[10:00:00.1] > <USER-1>@10.0.0.5's password:`],
      ['[INFO] 登录成功 账户=he_jing 类型=10', '[INFO] 登录成功 账户=<USER-1> 类型=10'],
    ]);
  });

  it('keeps URL-encoded mount options, empty passwords, built-in INI users and company accounts', () => {
    unchanged(['mount -t cifs //nas/x /mnt/x -o user=guest%', 'USER = root', '[USER]', '企业账户：XX软件股份有限公司', '"session.target" : "10.1.1.1",']);
  });
});
