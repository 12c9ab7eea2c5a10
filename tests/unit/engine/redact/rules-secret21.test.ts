/**
 * Session 20 (secret21): a network device's secrets (network-device.ts, one family: directives, SNMP communities a tool is
 * given) and a VM's guest password given to the host's tool (tool-secrets.ts) — with vendors, tools, quoting and
 * separators the fixtures do not have, and the look-alikes that must survive (command words, hash names, `no password`,
 * `key chain`, `public`, counts after `-c`). A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords, redact, takesAs } from './helpers.js';
import { notAValue } from '../../../../electron/engine/redact/key-names.js';

describe('a network device user with its password and then its options (Cisco ASA, IOS)', () => {
  it('takes the password before `encrypted`, `pbkdf2` or `privilege n`', () => {
    takesAs('SECRET', 'username netops password Kx9-Pass7 encrypted privilege 15', 'Kx9-Pass7');
    takesAs('SECRET', 'username ops password Asa!pw2026 privilege 15', 'Asa!pw2026');
    takesAs('SECRET', 'username vpnuser password Zq8Lm2Kx7Wv4Rt9N pbkdf2 privilege 0', 'Zq8Lm2Kx7Wv4Rt9N');
    takesAs('SECRET', 'username helpdesk password 7bB2mQ9xLp4Rz nt-encrypted', '7bB2mQ9xLp4Rz');
  });

  it('takes a type 8/9 hash and an ASA enable hash, which start with their scheme between dollars', () => {
    takesAs('SECRET', 'username admin privilege 15 secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM', '$9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM');
    takesAs('SECRET', 'enable secret 8 $8$dsYGNam3K1SIJO$7nv/35M/qr6t.dVc7UY9zrJDWRVqncHub1PE9UlMQFs', '$8$dsYGNam3K1SIJO$7nv/35M/qr6t.dVc7UY9zrJDWRVqncHub1PE9UlMQFs');
    takesAs('SECRET', 'enable password $sha512$5000$Zm9vYmFyYmF6cXV4$Qk1Xp9Lw2Rv8Tn3Bc6Ad0Hs5 pbkdf2', '$sha512$5000$Zm9vYmFyYmF6cXV4$Qk1Xp9Lw2Rv8Tn3Bc6Ad0Hs5');
  });

  it('keeps the directives that set no password', () => {
    keepsWords('username nobody nopassword privilege 15', 'nobody', 'nopassword');
    keepsWords('service password-encryption\npassword encryption aes\nno password\n', 'password-encryption', 'aes');
    keepsWords('username admin password is encrypted', 'is', 'encrypted');
    keepsWords('enable password $ENABLE_PW', '$ENABLE_PW');
    keepsWords('key chain OSPF-KEYS\n key 1\n  key-string 7 0822455D0A16\n', 'OSPF-KEYS');
    keepsWords('aaa new-model\nusername and password below are examples', 'below');
    keepsWords('SHA256:Qk1Xp9Lw2Rv8Tn3Bc6Ad0Hs5Jf2Ge8Ud4Ia7Ko1Pq host key fingerprint', 'SHA256:Qk1Xp9Lw2Rv8Tn3Bc6Ad0Hs5Jf2Ge8Ud4Ia7Ko1Pq');
  });
});

describe('an SNMP community or SNMPv3 passphrase a device or a tool is given', () => {
  it('takes an ASA trap host community after `community` (typed 0/8 or not), and no address as one', () => {
    takesAs('SECRET', 'snmp-server host inside 10.60.0.15 community Lg-Ro-2026 version 2c', 'Lg-Ro-2026');
    takesAs('SECRET', 'snmp-server host mgmt 10.1.1.5 poll community 0 Ro-Mon!7', 'Ro-Mon!7');
    takesAs('SECRET', 'snmp-server host outside nms.example.net trap community trapComm55 udp-port 162', 'trapComm55');
    expect(redact('snmp-server host inside 10.60.0.16')).toBe('snmp-server host inside 10.60.0.16');
  });

  it('takes net-snmp, Nagios and LibreNMS flags: `-c` spaced, glued or quoted, `-A`/`-X` passphrases, `-C`', () => {
    takesAs('SECRET', 'snmpwalk -v2c -c Hq7-ro-comm 10.0.0.1 sysDescr', 'Hq7-ro-comm');
    takesAs('SECRET', 'snmpget -v 2c -c "nw-RO-9q4Tx" 10.0.0.1 .1.3.6.1.2.1.1.3.0', 'nw-RO-9q4Tx');
    takesAs('SECRET', 'snmpwalk -v1 -cGlu3d-comm 192.0.2.1', 'Glu3d-comm');
    takesAs('SECRET', "snmpbulkwalk -v3 -l authPriv -u mon -a SHA -A 'Auth#Pass77' -x AES -X Priv!Pass88 10.1.1.1", 'Auth#Pass77', 'Priv!Pass88');
    takesAs('SECRET', '/usr/lib/nagios/plugins/check_snmp -H 10.0.0.1 -C Nag-ro-2026 -o sysUpTime.0', 'Nag-ro-2026');
    takesAs('SECRET', './lnms device:add --v2c -c lnms_RO_c0mm 10.60.0.1', 'lnms_RO_c0mm');
    takesAs('SECRET', 'snmptable -Cf , -c Tbl-comm-9 -v2c host ifTable', 'Tbl-comm-9');
  });

  it('takes a MikroTik community set or added on one line', () => {
    takesAs('SECRET', '/snmp community add name=mt-ro-snmp addresses=10.0.0.0/8', 'mt-ro-snmp');
    takesAs('SECRET', '/snmp community set [ find default=yes ] name="Mk Ro 2026"', 'Mk Ro 2026');
  });

  it('keeps the factory communities, variables, usage text and other tools’ `-c`', () => {
    keepsWords('snmpwalk -v2c -c public 10.0.0.1', 'public');
    keepsWords('snmpset -v2c -c private 10.0.0.1 sysContact.0 s ops', 'private');
    keepsWords('snmpwalk -v2c -c $COMMUNITY 10.0.0.1', '$COMMUNITY');
    keepsWords('snmpwalk -v2c -c <community> host', '<community>');
    keepsWords('ping -c 4 10.0.0.1 && tar -c -f backup.tar /etc', '4', 'backup.tar');
    keepsWords('/snmp community set [ find default=yes ] name=public', 'public');
  });
});

describe('a virtual machine guest password given to the host tool', () => {
  it('takes vmrun `-gp` and `-vp` (quoted or not) and govc `-l user:password`', () => {
    takesAs('SECRET', 'C:\\VMware>vmrun -T ws -gu testadmin -gp Tst!Win10-Lab runProgramInGuest "D:\\VMs\\a.vmx" cmd', 'Tst!Win10-Lab');
    takesAs('SECRET', "vmrun -T fusion -vp 'Enc!Vm2026' -gu root -gp \"Gp#2026x\" start x.vmx", 'Enc!Vm2026', 'Gp#2026x');
    takesAs('SECRET', 'govc guest.run -vm web01 -l root:Gv0c!pw9 /bin/ls', 'Gv0c!pw9');
    takesAs('SECRET', 'govc guest.ls -l=admin:Ls#pw-77 -vm w /tmp', 'Ls#pw-77');
  });

  it('takes a one-password file named pw/pass/passwd.txt printed by type or cat', () => {
    takesAs('SECRET', 'C:\\>type D:\\VMs\\pw.txt\nUbu-Dev-Alt!9911\n', 'Ubu-Dev-Alt!9911');
    takesAs('SECRET', '$ cat ~/secrets/pass.txt\nCat!pw-2026\n', 'Cat!pw-2026');
  });

  it('keeps variables, usage text and other files', () => {
    keepsWords('vmrun -T ws -gu admin -gp $GUEST_PW list', '$GUEST_PW');
    keepsWords('vmrun -gu x -gp <password> runProgramInGuest a.vmx', '<password>');
    keepsWords('$ cat notes/pw.txt.bak\nhello world\n', 'hello', 'world');
  });
});

describe('notAValue (key-names.ts)', () => {
  it('refuses placeholders, variables, usage text and masks, not a hash that starts with its scheme', () => {
    for (const v of ['<SECRET-1>', '$PW', '${PW}', '$(cat /run/pw)', '%PW%', '<password>', '****', 'true']) expect(notAValue(v), v).toBe(true);
    for (const v of ['$9$nhEmQVczB7dqsO$X.Hs', '$sha512$5000$Zm9v$Qk1X', 'Kx9-Pass7']) expect(notAValue(v), v).toBe(false);
  });
});

describe('a value piped into a secret store that reads it from stdin (admin-cli.ts STDIN_PASSWORD_READERS)', () => {
  it('takes what echo or printf pipes into docker/podman `secret create`, `gh secret set`, `wrangler secret put`, `vercel env add`', () => {
    takesAs('SECRET', 'root@mgr:~# echo "dpl0-Key-Swarm-5582" | docker secret create deploy_key -', 'dpl0-Key-Swarm-5582');
    takesAs('SECRET', "echo -n 'Wr4ng-K3y' | npx wrangler secret put API_KEY", 'Wr4ng-K3y');
    takesAs('SECRET', 'echo Vc3l-env-9 | vercel env add DB_PASSWORD production', 'Vc3l-env-9');
    takesAs('SECRET', 'echo "Gh-Sec-2026" | gh secret set DEPLOY_TOKEN --repo x/y', 'Gh-Sec-2026');
  });

  it('keeps a variable piped in and a secret made from a file', () => {
    keepsWords('echo $DB_PW | docker secret create db_pw -', '$DB_PW');
    keepsWords('docker secret create site.key ./site.key\ndocker secret ls', 'site.key', './site.key');
  });
});
