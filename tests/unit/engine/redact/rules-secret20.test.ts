/**
 * Session 19 (secret20): secrets a tool places by its own grammar (tool-secrets.ts) — printed alone on the next line by
 * the command that shows or makes them, reported in the tool's sentence after it made them, taken by position or after
 * a tool's own flag, a mail relay's token under a login key — with tools, wordings and quoting the fixtures do not have,
 * and look-alikes (ids, settings, prose, masks, other commands' output) that must survive. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords, redact, takesAs } from './helpers.js';

describe('a command that prints a secret alone on the next line', () => {
  it('takes what a PowerShell credential, a config getter or a decoded Secret prints', () => {
    takesAs('SECRET', "PS C:\\> $c = Import-Clixml .\\cred.xml; $c.GetNetworkCredential().Password\nQiuYt#Bkp-2026\nPS C:\\>", 'QiuYt#Bkp-2026');
    takesAs('SECRET', 'PS> [Runtime.InteropServices.Marshal]::PtrToStringAuto([Runtime.InteropServices.Marshal]::SecureStringToBSTR($s))\nPtr!Str-8812\n', 'Ptr!Str-8812');
    takesAs('SECRET', 'www-data@cloud:~$ php occ config:system:get dbpassword\nNc_Db#Yf-3306\n', 'Nc_Db#Yf-3306');
    takesAs('SECRET', '$ sudo -u www-data php occ config:system:get secret\nk9Xq2Lw7Nv4Rb8Tc1Yz6Hd3Fs5Gj0Kp\n', 'k9Xq2Lw7Nv4Rb8Tc1Yz6Hd3Fs5Gj0Kp');
    takesAs('SECRET', '$ occ config:app:get user_ldap ldap_agent_password\nTGRhcEJpbmQjMjAyNg==\n', 'TGRhcEJpbmQjMjAyNg==');
    takesAs('SECRET', '$ git config --global --get credential.password\nGt!cred-7781\n', 'Gt!cred-7781');
    takesAs('SECRET', '$ vault kv get -mount=kv -field=password erp/db\nVlt#Erp-2026\n', 'Vlt#Erp-2026');
    takesAs('SECRET', "$ kubectl get secret -n cattle-system bootstrap-secret -o jsonpath='{.data.bootstrapPassword}' | base64 -d\nf7q2xk9mvltz8w4pn5rbc3hd6jy\n", 'f7q2xk9mvltz8w4pn5rbc3hd6jy');
    takesAs('SECRET', "kubectl get secrets app -o go-template='{{.data.token|base64decode}}'\nr8Tq2Lm5Xw9Zk3Vb\n", 'r8Tq2Lm5Xw9Zk3Vb');
  });

  it('takes the key a tool makes and prints alone', () => {
    takesAs('TOKEN', '$ headscale preauthkeys create --user shao --reusable --expiration 720h\n5a8f1c3e9b7d2046e1f8c3a9b5d7e2f04c6a8b1d3e5f7a9c\n', '5a8f1c3e9b7d2046e1f8c3a9b5d7e2f04c6a8b1d3e5f7a9c');
    takesAs('SECRET', '$ consul keygen\npUqJrVyVRj5jsiYEkM/tFQYfWyJIv4s3XkvDwy7Cu5s=\n', 'pUqJrVyVRj5jsiYEkM/tFQYfWyJIv4s3XkvDwy7Cu5s=');
    takesAs('SECRET', '$ bin/rails secret\n9f3c2a7e1b5d8a4c6e0f2b9d7a1c3e5f9b2d4a6c\n', '9f3c2a7e1b5d8a4c6e0f2b9d7a1c3e5f9b2d4a6c');
    takesAs('SECRET', '$ php artisan key:generate --show\nbase64:Xq2Lw7Nv4Rb8Tc1Yz6Hd3Fs5Gj0KpMeQuWiEoRaSdF=\n', 'base64:Xq2Lw7Nv4Rb8Tc1Yz6Hd3Fs5Gj0KpMeQuWiEoRaSdF=');
  });

  it('takes a one-secret file printed by cat or headed by its path in a pasted bundle', () => {
    takesAs('SECRET', '$ cat /etc/zabbix/erp-db-01.psk\na3f09c1e7b52d4860f2e9b1d3c5a7e9f1b3d5c7e9a0b2c4d6e8f0a1b3c5d7e9f\n', 'a3f09c1e7b52d4860f2e9b1d3c5a7e9f1b3d5c7e9a0b2c4d6e8f0a1b3c5d7e9f');
    takesAs('SECRET', 'C:\\> type C:\\ProgramData\\strongswan\\site-b.psk\nSiteB#Psk-2026\n', 'SiteB#Psk-2026');
    takesAs('SECRET', '$ cat ~/.config/app/db.password\nDb#Local-2026\n', 'Db#Local-2026');
    takesAs('SECRET', '# /var/ossec/etc/authd.pass (Wazuh manager, enrolment password)\nWzEnroll-2026-hyjm\n', 'WzEnroll-2026-hyjm');
  });

  it('leaves what other commands print, and a getter of a setting that is no secret', () => {
    keepsWords('$ php occ config:system:get dbhost\nlocalhost:3306\n', 'localhost:3306');
    keepsWords('$ git config --get remote.origin.url\nhttps://git.example.com/team/repo.git\n', 'https://git.example.com/team/repo.git');
    keepsWords('$ cat /etc/passwd\nroot:x:0:0:root:/root:/bin/bash\n', 'root:x:0:0:root:/root:/bin/bash');
    keepsWords('# /etc/mosquitto/passwd\nsensor_b3:$7$101$Qm9vYmFy$Kf8Ls2Qw\n', '# /etc/mosquitto/passwd');
    keepsWords('$ kubectl get secrets -n prod\nNAME                  TYPE     DATA   AGE\n', 'NAME                  TYPE     DATA   AGE');
    keepsWords('$ consul keygen\n\n$ consul members\n', 'consul members');
    keepsWords('/usr/bin/agent-auth --help', '--help');
    // Only the line the file's content is on: the next commands' output stays (a byte count, an uptime).
    keepsWords('$ cat /etc/zabbix/a.psk\n9c1e7b52d4860f2e9b1d3c5a7e9f1b3d\n$ zabbix_get -s 10.0.0.5 -k system.uptime\n8816204\n', '8816204');
  });
});

describe('a credential a tool reports having made, in its sentence', () => {
  it('takes a token after `created`/`issued`, or after the colon that ends the sentence', () => {
    takesAs('SECRET', 'token tk_8qz2lm5rx9wv3nb7pc1yd4hs6gf0j created for user xujiawei_ntfy, never expires', 'tk_8qz2lm5rx9wv3nb7pc1yd4hs6gf0j');
    takesAs('SECRET', 'I20261203-09:15:40.002(8) Personal access token "ci-bot" created for xiehaoming: Vq8Zk2Lm5Rx9Tw3Nb7Pc1Yd4Hs6Gf0Jj', 'Vq8Zk2Lm5Rx9Tw3Nb7Pc1Yd4Hs6Gf0Jj');
    takesAs('SECRET', 'API key generated for svc-backup: 4d7Kq9Lm2Xw8Tz3Rb6Nc1Yh5', '4d7Kq9Lm2Xw8Tz3Rb6Nc1Yh5');
    takesAs('SECRET', '[INFO] Access token created successfully: "7Kq9Lm2Xw8Tz3Rb6Nc1Yh5Vf" (expires in 30 days)', '7Kq9Lm2Xw8Tz3Rb6Nc1Yh5Vf');
  });

  it('takes a password a tool set, with or without a verb or a colon', () => {
    takesAs('SECRET', 'INFO AdminController - password of user lindqvist.m reset by admin, temporary password Tide-Tmp-58213', 'Tide-Tmp-58213');
    takesAs('SECRET', 'New password: Ab7-kLm-22Qx', 'Ab7-kLm-22Qx');
    takesAs('SECRET', 'Initial password is "Wx7-Ps2-Lq9"', 'Wx7-Ps2-Lq9');
    takesAs('SECRET', 'password for svc_backup reset to Bk2Up-Svc77', 'Bk2Up-Svc77');
  });

  it('leaves the sentences that carry no value', () => {
    keepsWords('2026-01-01 INFO token created for user 42 at 10:02: ok', 'ok');
    keepsWords('2026-01-01 INFO API key created: see console', 'see console');
    keepsWords('password reset link created for user alice: expires in 3 days', 'expires in 3 days');
    keepsWords('reservation R-20261205-00931 created for guest, 2 adults', 'R-20261205-00931');
    keepsWords('temporary password expired for lindqvist.m', 'expired');
    keepsWords('New password: ********', '********');
    keepsWords('password was reset to default by admin', 'default');
    keepsWords('new password required for login', 'required');
    keepsWords('token version 1.2.3 created', '1.2.3');
    keepsWords('API key created for project: my-project-2026-prod', 'my-project-2026-prod');
    keepsWords('token created, id: 7d1e4c9a-2b3f-4a6e-8c0d-5f1a2b3c4d5e', 'id:');
  });
});

describe('a password a command takes by position or after its own flag', () => {
  it('takes doveadm’s, wbinfo’s, radtest’s and Wazuh agent-auth’s passwords', () => {
    takesAs('SECRET', "mail:~# docker compose exec dovecot-mailcow doveadm auth test he.jingyi@yunshan-law.cn 'HJy!Law-2026'", 'HJy!Law-2026');
    takesAs('SECRET', 'doveadm -D auth login -x service=imap li.na@example.com Dv!cot-8812', 'Dv!cot-8812');
    takesAs('SECRET', "wbinfo -a 'CORP\\zhangwei%Wb#2026pw'", 'Wb#2026pw');
    const out = redact('radtest zhangwei Rad!us-2026 127.0.0.1 0 testing123');
    expect(out).not.toContain('Rad!us-2026');
    expect(out).not.toContain('testing123');
    takesAs('SECRET', "/var/ossec/bin/agent-auth -m 10.20.4.30 -P 'WzEnroll-2026-hyjm' -A CZ-FIN-PC031", 'WzEnroll-2026-hyjm');
    takesAs('SECRET', 'C:\\> "C:\\Program Files (x86)\\ossec-agent\\agent-auth.exe" -m 10.0.0.4 -P "Wz#Agent-7781"', 'Wz#Agent-7781');
  });

  it('takes a curl password quoted apart from its login', () => {
    takesAs('SECRET', "$ curl -u log_ingest_gz:'LogIng#gz2026' -k https://os01:9200/_cat/indices", 'LogIng#gz2026');
    takesAs('SECRET', 'curl --user "deploy":"Dpl#2026x" https://nexus.local/service/rest', 'Dpl#2026x');
  });

  it('leaves the commands without a password, and a stand-in for one', () => {
    keepsWords('doveadm auth test user@example.com', 'doveadm auth test');
    keepsWords('doveadm auth test alice $PASSWORD', '$PASSWORD');
    keepsWords('radtest -h', 'radtest -h');
    takesAs('SECRET', 'radtest -t mschap zhangwei Rad!us-2026 10.0.0.5 0 Shared#Sec9', 'Rad!us-2026', 'Shared#Sec9');
    keepsWords('agent-auth -m 10.20.4.30 -A CZ-FIN-PC031', 'CZ-FIN-PC031');
  });
});

describe('a mail relay’s token under a key named like a login', () => {
  it('takes a UUID or a long random run, in any quoting', () => {
    takesAs('SECRET', 'SMTP_USERNAME=b2f4d6a8-0c1e-4a3b-9d5f-7e9a1c3b5d70', 'b2f4d6a8-0c1e-4a3b-9d5f-7e9a1c3b5d70');
    takesAs('SECRET', 'MAIL_USER: "SG7aQ2kLm9Xw4Tz8Rb1Nc6Yh3Vf0Jd5Ks2Pq"', 'SG7aQ2kLm9Xw4Tz8Rb1Nc6Yh3Vf0Jd5Ks2Pq');
    takesAs('SECRET', '{"smtp.username": "7d1e4c9a-2b3f-4a6e-8c0d-5f1a2b3c4d5e"}', '7d1e4c9a-2b3f-4a6e-8c0d-5f1a2b3c4d5e');
  });

  it('leaves a relay’s ordinary login and an id that merely sits under a user key', () => {
    keepsWords('smtp_user=notify@example.com', 'smtp_user=');
    expect(redact('SMTP_USER=noreply')).not.toContain('SECRET');
    keepsWords('api_user_id=3f2a9c1e-7b3d-4e6f-8a0c-1d2e3f4a5b6c', '3f2a9c1e-7b3d-4e6f-8a0c-1d2e3f4a5b6c');
    keepsWords('user_uuid=3f2a9c1e-7b3d-4e6f-8a0c-1d2e3f4a5b6c', '3f2a9c1e-7b3d-4e6f-8a0c-1d2e3f4a5b6c');
    keepsWords('MAIL_USERNAME=notifications_service_account_2026_prod', 'notifications_service_account_2026_prod');
  });
});

describe('a payment merchant’s key by its qualifier', () => {
  it('takes merchantKey, mch_key and merchant.key in any quoting', () => {
    takesAs('SECRET', '2026-12-06 09:02:17.220 [ERROR] 聚合支付回调验签失败 merchantKey=MK7H2Q9W4X8N1L5T amount=58.00', 'MK7H2Q9W4X8N1L5T');
    takesAs('SECRET', 'wxpay.mch_key=8f3a1c6e9b2d4f7a0c5e8b1d3f6a9c2e', '8f3a1c6e9b2d4f7a0c5e8b1d3f6a9c2e');
    takesAs('SECRET', '{"merchant_key": "Zq8Lm2Kx7Wv4Rt9Nb1Pc5Yd"}', 'Zq8Lm2Kx7Wv4Rt9Nb1Pc5Yd');
  });

  it('leaves which merchant and which key: ids, and a key id', () => {
    keepsWords('merchant_id=1900000109', '1900000109');
    keepsWords('merchant_key_id=K-2026-01', 'K-2026-01');
    keepsWords('mch_key_type=HMAC-SHA256', 'HMAC-SHA256');
  });
});
