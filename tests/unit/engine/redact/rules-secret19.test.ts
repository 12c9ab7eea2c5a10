/**
 * Session 18 (secret19): one name/value-pair mechanism for secrets and logins (name-value-pair.ts: the same value names —
 * `val`, `data`, API tools' current/initial/default value — the same quoting and the same boxed form under either key
 * vocabulary), and the secret families held-out-19 missed. Positives come from tools, languages and quoting the fixtures do
 * not have; look-alikes (settings, counts, templates, prose, ids) must survive. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords, redact, takesAs } from './helpers.js';

describe('one name/value-pair mechanism for secrets and logins', () => {
  it('takes a login under any value name a secret has (current_value, DefaultValue, a boxed current value)', () => {
    takesAs('USER', '{"key": "db_user", "type": "default", "current_value": "zhangwei"}', 'zhangwei');
    takesAs('USER', '<Parameter Name="DbUser" DefaultValue="svc_etl" Sensitive="0"/>', 'svc_etl');
    takesAs('USER', '"db.username": {"current_value": "svc_report"}', 'svc_report');
  });

  it('takes a secret under any name or value attribute a login has, in either quoting, with fields before the name', () => {
    takesAs('SECRET', '<item id="wifi_psk" data="Hz88!guest"/>', 'Hz88!guest');
    takesAs('SECRET', "<setting name = 'smtp_password' value = 'Mx!9-smtp'/>", 'Mx!9-smtp');
    takesAs('TOKEN', '{"enabled": true, "key": "api_token", "value": "tk_8Hq2Lm5Zx7"}', 'tk_8Hq2Lm5Zx7');
    takesAs('SECRET', '{"id": 3, "field": "smtp.password", "type": "secret", "initialValue": "Smtp#9931x"}', 'Smtp#9931x');
  });

  it('leaves settings, empty values and templates under either vocabulary', () => {
    keepsWords('{"key": "timeout", "current_value": "30"}', '"30"');
    keepsWords('{"key":"username","current_value":"{{user}}"}', '{{user}}');
    keepsWords('<Parameter Name="RetryCount" DefaultValue="3"/>', 'DefaultValue="3"');
    keepsWords('{"id": 7, "name": "password", "value": ""}', '"value": ""');
    keepsWords('<item id="wifi_mode" data="wpa2"/>', 'data="wpa2"');
  });
});

describe('one boxed-value form for secrets', () => {
  it('takes a value boxed under a secret key whatever the value field is called, and keeps one its tool masked', () => {
    takesAs('SECRET', '"spring.datasource.password": { "value": "Spr!ng-db77", "origin": "class path resource [application.yml]"}', 'Spr!ng-db77');
    takesAs('SECRET', '"smtpPassword": {"default_value": "Mail#box-2231", "type": "secret"}', 'Mail#box-2231');
    keepsWords('"spring.datasource.password": { "value": "******", "origin": "x"}', '******');
    keepsWords('"server.port": {"value": "8080"}', '8080');
  });
});

describe('passwords and keys a command takes by its own grammar', () => {
  it('takes the positional password of rasdial, xo-cli, upx login, htpasswd -n…b… and nuget setapikey', () => {
    takesAs('SECRET', 'C:\\> rasdial "公司VPN-L2TP" xuqianwen.vpn Xqw@Vpn#1122', 'Xqw@Vpn#1122');
    takesAs('SECRET', 'rasdial Office zhangsan Pa55!w0rd /phonebook:C:\\vpn.pbk', 'Pa55!w0rd');
    takesAs('SECRET', 'xo-cli register --allowUnauthorized https://xo.local admin@admin.net Adm!n-xo77', 'Adm!n-xo77');
    takesAs('SECRET', '$ upx login static-assets op_li Upx-Li#0912', 'Upx-Li#0912');
    takesAs('SECRET', 'htpasswd -nbBC 10 deploy Dpl0y#x9', 'Dpl0y#x9');
    takesAs('SECRET', "docker run --rm httpd:2.4 htpasswd -nb admin 'Reg!stry-88'", 'Reg!stry-88');
    takesAs('SECRET', 'nuget setapikey oy2a8b9c7d6e5f4g3h2j1k0m9n8p7q6r5s4t -Source https://www.nuget.org', 'oy2a8b9c7d6e5f4g3h2j1k0m9n8p7q6r5s4t');
  });

  it('takes package feeds’ passwords and API keys after the tool’s flag (Chocolatey, NuGet push, Conan)', () => {
    takesAs('SECRET', 'choco source add -n=corp -s "https://nexus.example.com/repository/choco/" -u=reader -p="Ch0co-Rd#2026" --priority=1', 'Ch0co-Rd#2026');
    takesAs('SECRET', 'choco apikey add -s "https://nexus.example.com/repository/choco-hosted/" -k="5e8c2a4f-9b1d-3e7a-6c0f-2d4b8e1a7c93"', '5e8c2a4f-9b1d-3e7a-6c0f-2d4b8e1a7c93');
    takesAs('SECRET', 'choco push app.1.0.0.nupkg --source https://push.example.com --api-key Kq7Lm2Xw9Tz4Rb8N', 'Kq7Lm2Xw9Tz4Rb8N');
    takesAs('SECRET', 'dotnet nuget push pkg.1.2.0.nupkg -k oy2k7vq9zt3m5xb8n4wd6cp1rf2hs0jl -s https://api.nuget.org/v3/index.json', 'oy2k7vq9zt3m5xb8n4wd6cp1rf2hs0jl');
    takesAs('SECRET', 'conan remote login corp-conan liqingshan -p Lqs!Conan#26', 'Lqs!Conan#26');
    takesAs('SECRET', 'conan user -p Cn!pw-2211 -r artifactory zhaolei', 'Cn!pw-2211');
  });

  it('leaves prompts, options, help and the same words in other tools', () => {
    keepsWords('rasdial Office zhangsan * /domain:CORP', '*', '/domain:CORP');
    keepsWords('rasdial "VPN" /disconnect', '/disconnect');
    // No password after the login: nothing secret (the login itself is a login, login19's admin-cli entry).
    expect(redact('rasdial Office zhangsan')).toBe('rasdial Office <USER-1>');
    keepsWords('htpasswd -nB admin', 'admin');
    keepsWords('upx login --help', '--help');
    keepsWords('upx -9 --best app.exe', '--best', 'app.exe');
    keepsWords('choco install git -y --params "/GitOnlyOnPath"', '/GitOnlyOnPath');
    keepsWords('choco upgrade all -y -p', '-p');
    keepsWords('conan remote list', 'list');
    keepsWords('nuget push pkg.nupkg -Source https://api.nuget.org/v3/index.json', 'https://api.nuget.org/v3/index.json');
  });
});

describe('secrets a format or a tool prints in a form of its own', () => {
  it('takes PBKDF2 and scrypt hashes as Jellyfin, passlib, Django and Werkzeug store them', () => {
    takesAs('SECRET', 'tanghaoyu|$PBKDF2-SHA512$iterations=120000$A7C9E1F3B5D7092E$5B8D0F2A4C6E8A1C3E5B7D9F1A3C5E7B9D1F3A5C7E9B1D3F5A7C9E1B3D5F7A9C', '5B8D0F2A4C6E8A1C3E5B7D9F1A3C5E7B9D1F3A5C7E9B1D3F5A7C9E1B3D5F7A9C');
    takesAs('SECRET', '$pbkdf2-sha256$29000$N2bs/W9v7X7zB$pMmmlNr7ZLvbqQd1cE2wD4yCoUn5K7nYd8OfnH.kBmA', 'pMmmlNr7ZLvbqQd1cE2wD4yCoUn5K7nYd8OfnH.kBmA');
    takesAs('SECRET', '{"model": "auth.user", "fields": {"password": "pbkdf2_sha256$600000$q8Lm2Xw7TpV4nRb9cYh3Dk$Vb8Nm3Qx7Lp2Tz9Wk4Rs6Hd1Fj5Ya0UeGcXw7TpV4nR="}}', 'Vb8Nm3Qx7Lp2Tz9Wk4Rs6Hd1Fj5Ya0UeGcXw7TpV4nR=');
    takesAs('SECRET', 'admin:pbkdf2:sha256:600000$Kq2Lm8Wx4Rv7Tz1N$5b8d0f2a4c6e8a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c', '5b8d0f2a4c6e8a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c');
    takesAs('SECRET', 'ops|scrypt:32768:8:1$Xk4PqM9wL2zT7vRn$7c2e9a4f1b6d4e8a93f50d2c7b1e6a487c2e9a4f1b6d4e8a93f50d2c7b1e6a48', '7c2e9a4f1b6d4e8a93f50d2c7b1e6a487c2e9a4f1b6d4e8a93f50d2c7b1e6a48');
  });

  it('leaves a hash format described in prose or a setting', () => {
    keepsWords('Django PASSWORD_HASHERS uses pbkdf2_sha256$<iterations>$<salt>$<hash> by default', 'pbkdf2_sha256$<iterations>$<salt>$<hash>');
    keepsWords('algorithm: PBKDF2-SHA512, iterations=120000', 'iterations=120000');
    keepsWords('hash_format = "$PBKDF2-SHA512$iterations=..."', '$PBKDF2-SHA512$iterations=...');
  });

  it('takes a Docker secret printed by cat, not a certificate', () => {
    takesAs('SECRET', '$ cat /run/secrets/portainer_pw\nP0rtainer#Adm1n!26\n', 'P0rtainer#Adm1n!26');
    takesAs('SECRET', '# docker exec db cat /var/run/secrets/db_root_password\nMy5ql-R00t!x\n', 'My5ql-R00t!x');
    keepsWords('$ cat /run/secrets/tls.crt\n-----BEGIN CERTIFICATE-----\n', '-----BEGIN CERTIFICATE-----');
    keepsWords('$ cat /run/secrets/app.yaml\nlog_level: debug\n', 'log_level: debug');
    keepsWords('$ ls /run/secrets/\nREADME\n', 'README');
  });
});

describe('account stores by their file', () => {
  it('takes the passwords and hashes of a realm file from its heading comment to a blank line (Jetty, Rundeck, ActiveMQ, Karaf)', () => {
    const out = takesAs('SECRET', [
      '# /opt/activemq/conf/users.properties',
      'ops_qin=Aq!mq-3381, admins',
      'svc_etl: MD5:0cc175b9c0f1b6a831c399e269772661, etl',
      '',
      '# tokens.properties',
      'deploy_bot: Qx7Lm2Wz9Rt4Vn8Kb3Pc, deploy',
      '',
    ].join('\n'), 'Aq!mq-3381', '0cc175b9c0f1b6a831c399e269772661', 'Qx7Lm2Wz9Rt4Vn8Kb3Pc');
    expect(out).toContain(', admins');
  });

  it('leaves key/value lines with roles outside a realm file, and after its blank line', () => {
    keepsWords(['# app.properties', 'cache_mode: lru, strict', ''].join('\n'), 'lru, strict');
    keepsWords(['# /etc/rundeck/realm.properties', 'admin:OBF:1x8g1vn61z7e1ym71uo71z7e1vn41x8e,user,admin', '', 'log_level: debug, trace', ''].join('\n'), 'debug, trace');
  });

  it('takes the password half of a login:password string under Bundler’s host keys', () => {
    takesAs('SECRET', 'BUNDLE_GEMS__CORP__LOCAL: "gem_ci:GemRd#ci-8842"', 'GemRd#ci-8842');
    takesAs('SECRET', 'export BUNDLE_RUBYGEMS__PKG__GITHUB__COM="octo-ci:Tk9Lm2Qx7Wz4Rv8N"', 'Tk9Lm2Qx7Wz4Rv8N');
  });

  it('leaves paths, counts, owners and references under those keys', () => {
    keepsWords('BUNDLE_PATH: "vendor/bundle"', 'vendor/bundle');
    keepsWords('BUNDLE_JOBS: "4"', '"4"');
    keepsWords('BUNDLE_GEMS__CORP__LOCAL: "www-data:www-data"', 'www-data:www-data');
    keepsWords("BUNDLE_GEMS__CORP__LOCAL: 'app:staff'", 'app:staff');
    keepsWords('BUNDLE_GEMS__CORP__LOCAL: "1000:1000"', '1000:1000');
    keepsWords('BUNDLE_GEMS__CORP__LOCAL: "ci:${GEM_PW}"', '${GEM_PW}');
    keepsWords('BUNDLE_MIRROR__HTTPS://RUBYGEMS__ORG/: "https://gems.example.com"', 'https://gems.example.com');
  });
});
