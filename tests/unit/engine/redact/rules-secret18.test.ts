/**
 * Session 17 (secret18): secrets a format splits from their name or keeps without a key word — name/value pairs (`val`,
 * `current_value`, a value boxed under its key), key vocabulary glued from parts (`rnd`, `…auth`, `js_code`, `_AK`/`_SK`, an
 * access key's ID), admin CLIs' password flags and positions, values printed alone (a heading, `Secret ID =`), account stores
 * (an INI `[users]` section, a modular-crypt hash anywhere, `.pgpass` behind a `[root@host ~]#` prompt, davfs2 `secrets`, a
 * password file), a `user:pw` list, `sk-` + 32 hex keys. Positives come from tools, languages and quoting the held-out-18
 * fixtures do not have; look-alikes (placeholders, templates, settings, versions, prose) must survive. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { file, keepsWords, takesAs } from './helpers.js';

describe('name/value pairs a format splits', () => {
  it('takes the value attribute or field whatever it is called (val, value, current/initial/default value), and a boxed value', () => {
    takesAs('SECRET', '<Row No="0"><DM name="AdminPassword" val="Hw#Ont-2291"/><DM name="Level" val="1"/></Row>', 'Hw#Ont-2291');
    keepsWords('<Row No="0"><DM name="AdminPassword" val="Hw#Ont-2291"/><DM name="Level" val="1"/></Row>', 'name="Level" val="1"');
    takesAs('SECRET', '<Parameter Name="DbPassword" DefaultValue="Ssis!Def-42" Sensitive="1"/>', 'Ssis!Def-42');
    takesAs('SECRET', "<param name='pppoe_pass' val='bb8812kz'/>", 'bb8812kz');
    takesAs('SECRET', '{"key":"client_secret","initialValue":"Hop-Init-77xq","enabled":true}', 'Hop-Init-77xq');
    takesAs('TOKEN', '{"name": "apiToken", "type": "secret", "currentValue": "tok_Q8w2Lm4Zp9"}', 'tok_Q8w2Lm4Zp9');
    takesAs('SECRET', '"values":{"dbPassword":{"initial_value":"Pg!env-503","current_value":"Pg!env-504"}}', 'Pg!env-503');
    takesAs('SECRET', '{"list":{"secretKey":{"current_value":"Sk-env-9f2c7a"}}}', 'Sk-env-9f2c7a');
  });

  it('leaves settings named like a pair, empty values and templates', () => {
    keepsWords('<DM name="PassMode" val="1"/><DM name="Pass" val=""/>', 'val="1"', 'val=""');
    keepsWords('{"name":"appSecret","current_value":"{{APP_SECRET}}"}', '{{APP_SECRET}}');
    keepsWords('<property name="password" val="${db.password}"/>', '${db.password}');
    keepsWords('{"name":"host","current_value":"https://uat.example.com"}', 'https://uat.example.com');
  });
});

describe('key vocabulary glued from parts', () => {
  it('takes random strings, glued …auth keys, map security codes, the value of an _AK pair and access key IDs', () => {
    takesAs('SECRET', "$config['cookie']['rnd'] = 'Zx8Lq2Wm5Tn7Rb4';", 'Zx8Lq2Wm5Tn7Rb4');
    takesAs('TOKEN', 'COOKIE_RND=Vb7Nm3Kq9Lp2Xs5', 'Vb7Nm3Kq9Lp2Xs5');
    takesAs('TOKEN', "'cookieauth' => 'Ck!auth-6612',", 'Ck!auth-6612');
    takesAs('SECRET', 'window._AMapSecurityConfig = { securityJsCode: "3c5e7a9b1d2f4a6c8e0b2d4f6a8c0e1b" };', '3c5e7a9b1d2f4a6c8e0b2d4f6a8c0e1b');
    takesAs('SECRET', 'AWS_ACCESS_KEY_ID=minio_ak_ops26', 'minio_ak_ops26');
    takesAs('SECRET', '<add key="QINIU_AK" value="Qn7Lk2Mz8Xp4Wt6Rb1Yc"/>', 'Qn7Lk2Mz8Xp4Wt6Rb1Yc');
    takesAs('SECRET', '  accessKeyId: lakefs-ak-3321', 'lakefs-ak-3321');
  });

  it('leaves versions, locales, counts, URLs and references under such keys', () => {
    keepsWords('ak_version: 3', 'ak_version: 3');
    keepsWords('  sk: Slovenčina', 'Slovenčina');
    keepsWords('rnd_count = 5', 'rnd_count = 5');
    keepsWords('js_code_url: https://webapi.amap.com/maps?v=2.0', 'https://webapi.amap.com/maps?v=2.0');
    keepsWords('access_key_id = ${AWS_ACCESS_KEY_ID}', '${AWS_ACCESS_KEY_ID}');
    keepsWords('signing.keyId = 0x1A2B3C4D', '0x1A2B3C4D');
  });
});

describe('admin CLIs: password flags, positions, here-strings and pipes', () => {
  it('takes the password of ilorest, Synapse, the OpenSearch hash.sh, schtasks, sp_addlinkedsrvlogin, lftp and stdin readers', () => {
    takesAs('SECRET', 'ilorest login 10.0.8.21 --user ops_ro --password "Ilo Pw 7"', 'Ilo Pw 7');
    takesAs('SECRET', "ilorest iloaccounts changepass ops_ro 'N3w#iloPw'", 'N3w#iloPw');
    keepsWords("ilorest iloaccounts changepass ops_ro 'N3w#iloPw'", 'ilorest iloaccounts changepass');
    takesAs('SECRET', 'register_new_matrix_user -c /etc/synapse/homeserver.yaml -u bob -p "Mx!reg-2026" http://127.0.0.1:8008', 'Mx!reg-2026');
    keepsWords('register_new_matrix_user -c /etc/synapse/homeserver.yaml -u bob -p "Mx!reg-2026" http://127.0.0.1:8008', 'http://127.0.0.1:8008');
    takesAs('SECRET', '/usr/share/opensearch/plugins/opensearch-security/tools/hash.sh -p Os#Hash-77', 'Os#Hash-77');
    takesAs('SECRET', 'SCHTASKS /Create /TN Backup /TR "C:\\bk.cmd" /RU CORP\\svc_bk /RP "Bk pw 2026" /SC DAILY', 'Bk pw 2026');
    keepsWords('SCHTASKS /Create /TN Backup /TR "C:\\bk.cmd" /RU CORP\\svc_bk /RP "Bk pw 2026" /SC DAILY', '/SC DAILY');
    takesAs('SECRET', 'schtasks /query /s fs01 /u CORP\\adm /p Adm#Sch22', 'Adm#Sch22');
    takesAs('SECRET', "EXEC master.dbo.sp_addlinkedsrvlogin N'ERP', 'false', NULL, N'rpt_ro', N'Rpt#Link26';", 'Rpt#Link26');
    takesAs('SECRET', 'lftp -e "set ssl:verify-certificate no; mirror -R /out /in; quit" -u bob,Lf#Pw-81 ftps://ftp.example.net', 'Lf#Pw-81');
    takesAs('SECRET', 'mysql_config_editor set --login-path=bk --host=db1 --user=bk -p <<< "My#Cfg-55"', 'My#Cfg-55');
    takesAs('SECRET', "  cmd: 'echo \"Sudo#Yml-3\" | sudo -S apt-get update'", 'Sudo#Yml-3');
  });

  it('leaves prompts, placeholders and other tools with the same flags', () => {
    keepsWords('schtasks /create /tn X /tr y.exe /ru CORP\\svc /rp * /sc daily', '/rp *');
    keepsWords("EXEC sp_addlinkedsrvlogin 'ERP', 'true';", "'ERP', 'true'");
    keepsWords('ilorest login <ilo-ip> -u <user> -p <password>', '-p <password>');
    keepsWords('tar -czf out.tar.gz -p dir', '-p dir');
    keepsWords('docker run -u 1000 -p 8080:80 nginx', '-p 8080:80');
  });
});

describe('values printed alone', () => {
  it('takes a key under its heading, a HashiCorp Secret ID and the pritunl setup key', async () => {
    const out = await file('console.txt', [
      '$ consul acl bootstrap',
      'AccessorID:       1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      'Secret ID    = 7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d',
      'Recovery key:',
      'Rk7Q-2LmX-9ZpW-4TnB',
      '[root@vpn ~]# sudo pritunl setup-key',
      'b3e1f6a7c9d24e8f90a1b2c3d4e5f607',
      '',
    ].join('\n'));
    for (const s of ['7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d', 'Rk7Q-2LmX-9ZpW-4TnB', 'b3e1f6a7c9d24e8f90a1b2c3d4e5f607']) expect(out).not.toContain(s);
    expect(out).toContain('Recovery key:');
  });

  it('leaves an Accessor ID, a heading in prose and a key named in a sentence', async () => {
    const text = ['Accessor ID  = 5b7e3c1a-9d2f-4e6b-8a0c-3f5d7b9e1c24', 'Store the recovery key: it is printed once.', 'Name         = Bootstrap Token', ''].join('\n');
    expect(await file('console.txt', text)).toBe(text);
  });
});

describe('account stores', () => {
  it('takes the passwords of an INI [users] section (Shiro, svnserve) and not the settings of other sections', async () => {
    const text = ['[main]', 'sessionManager = org.apache.shiro.web.session.mgt.DefaultWebSessionManager', '[users]', 'admin = Sh!ro-Adm1n, admin', 'zhaolei_bi = Zl.bi-2026, analyst, viewer', 'harry = harryssecret', '[roles]', 'analyst = *', ''].join('\n');
    const out = await file('shiro.ini', text);
    for (const s of ['Sh!ro-Adm1n', 'Zl.bi-2026', 'harryssecret']) expect(out).not.toContain(s);
    for (const k of ['[users]', 'analyst = *', 'org.apache.shiro.web.session.mgt.DefaultWebSessionManager']) expect(out).toContain(k);
    const samba = ['[users]', '   path = /srv/users', '   browseable = yes', '   valid users = @staff', '[global]', 'workgroup = CORP, HQ', ''].join('\n');
    expect(await file('smb.conf', samba)).toBe(samba);
    // A device export's numbered fields under `[Users]` (an NVR's config): `User1.Name=admin` names a field; its password key is taken.
    const nvr = await file('nvr-config.ini', ['[Users]', 'User1.Name=admin', 'User1.Password=Nvr!Adm1n#26', 'User2.Remark=front-desk', ''].join('\n'));
    expect(nvr).toContain('User1.Name=admin');
    expect(nvr).toContain('User2.Remark=front-desk');
    expect(nvr).not.toContain('Nvr!Adm1n#26');
  });

  it('takes a modular-crypt hash wherever it stands (bcrypt, SHA-crypt, yescrypt, Argon2), not a scheme named in prose', () => {
    takesAs('SECRET', '  hash: "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"', 'N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy');
    takesAs('SECRET', "useradd -m -p '$6$rounds=5000$Xy7Lk2Mq$Pq9Wz4Lm8Tn3Rb6Yc1Xv5Ks2Hd7Jf0Ga4Ue9Io3Np6Mq8Lw2Zx5Cv7Bn1Mm4Kk9Jj2Hh6Gg3Ff8Dd5Ss1Aa0Qq' ops", 'Pq9Wz4Lm8Tn3Rb6Yc1Xv5Ks2Hd7Jf0Ga4Ue9Io3Np6Mq8Lw2Zx5Cv7Bn1Mm4Kk9Jj2Hh6Gg3Ff8Dd5Ss1Aa0Qq');
    takesAs('SECRET', 'password_hash = $argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$Qm9ndXNIYXNoVmFsdWVGb3JUZXN0czEyMw', 'Qm9ndXNIYXNoVmFsdWVGb3JUZXN0czEyMw');
    keepsWords('crypt(3) schemes: $1$ (MD5), $5$ and $6$ (SHA-2), $2b$ (bcrypt), $y$ (yescrypt)', '$6$ (SHA-2)', '$2b$ (bcrypt)');
    keepsWords('ENCRYPT_METHOD SHA512', 'SHA512');
  });

  it('takes .pgpass rows behind a [user@host ~]# prompt, davfs2 secrets and a password file', async () => {
    const out = await file('transcript.txt', [
      '[postgres@db2 ~]$ cat /var/lib/pgsql/.pgpass; cat ~/.pgpass',
      'db2.corp.local:5432:*:replicator:Repl#Pg-881',
      '[root@nas ~]# cat /home/li/.davfs2/secrets',
      '# personal secrets file',
      'https://dav.example.com/remote.php/webdav/ li.na "Dav pw 26"',
      '/media/box  li.na@example.com  Bx7q2Lm9',
      '$ sudo cat /etc/kafka/secrets/db.password',
      'Kf#Dbpw-2026',
      '$ echo done',
      '',
    ].join('\n'));
    for (const s of ['Repl#Pg-881', 'Dav pw 26', 'Bx7q2Lm9', 'Kf#Dbpw-2026']) expect(out).not.toContain(s);
    expect(out).toContain('# personal secrets file');
  });

  it('takes a user:password list under a credential key and sk- + 32 hex keys', () => {
    takesAs('SECRET', '      basic_auth: ["ops:Ngk!ops-77", "qa:Ngk!qa-88"]', 'Ngk!ops-77');
    takesAs('SECRET', "auth = ['svc_push:Push#Aut-9']", 'Push#Aut-9');
    takesAs('TOKEN', '{"id":5,"name":"DeepSeek","key":"sk-0a1b2c3d4e5f60718293a4b5c6d7e8f9","models":"deepseek-chat"}', 'sk-0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    takesAs('TOKEN', 'export DASHSCOPE_API_KEY=sk-9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'sk-9f8e7d6c5b4a39281706f5e4d3c2b1a0');
    keepsWords('basic_auth: []', 'basic_auth: []');
    keepsWords('api_key: "sk-..."  # your key here', 'sk-...');
    keepsWords('sk-00000000000000000000000000000000 is an example', 'sk-00000000000000000000000000000000');
    keepsWords('sk-abcdefabcdefabcdefabcdefabcdefab', 'sk-abcdefabcdefabcdefabcdefabcdefab');
  });
});

describe('stand-ins a secret-named key holds (false positives of held-out-18)', () => {
  it('leaves values quoted from documentation in a comment, whatever the tool or language', () => {
    keepsWords('# README: helm install db bitnami/mysql --set auth.rootPassword=secretpassword', 'secretpassword');
    keepsWords('// example from the docs: client_secret = "abc123xyz"', 'abc123xyz');
    keepsWords('; sample config (official template): admin_pass=changeme123', 'changeme123');
    keepsWords('# 安装手册: 默认口令 admin/Admin@123', 'Admin@123');
    keepsWords('-- 官方文档示例: IDENTIFIED BY "Passw0rd!"', 'Passw0rd!');
    keepsWords('# 教程原文: token="root:Milvus"', 'root:Milvus');
    // A comment that cites no documentation keeps its secret redacted.
    takesAs('SECRET', '# prod db (rotated 2026-11): password=Pr0d#Db-77', 'Pr0d#Db-77');
  });

  it('leaves prompts, opened blocks, a scheme before a template and a credential id', () => {
    keepsWords('Password (again): ', '(again):');
    keepsWords('Retype password (confirm):', '(confirm):');
    keepsWords('auth:bearer {', 'bearer {');
    keepsWords('{"key":"Authorization","value":"Bearer ${TOKEN}"}', 'Bearer ${TOKEN}');
    keepsWords('      application_credential_id: "21e5a7c90f3d4b6e8a1c2d3e4f5a6b7c"', '21e5a7c90f3d4b6e8a1c2d3e4f5a6b7c');
  });
});
