/**
 * Session 18 (secret19): one name/value-pair mechanism for secrets and logins (name-value-pair.ts: the same value names —
 * `val`, `data`, API tools' current/initial/default value — the same quoting and the same boxed form under either key
 * vocabulary), and the secret families held-out-19 missed. Positives come from tools, languages and quoting the fixtures do
 * not have; look-alikes (settings, counts, templates, prose, ids) must survive. A fresh Redactor per case.
 */
import { describe, it } from 'vitest';
import { keepsWords, takesAs } from './helpers.js';

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
