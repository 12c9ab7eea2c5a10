/**
 * Session 21 (secret22): secret-assignment's misses and false positives, by family. Each family is written by other tools,
 * wordings and quoting than the corpus has; look-alikes must survive and the true positives beside them must still be taken.
 * A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords, redact, takesAs } from './helpers.js';

describe('a value that describes a secret holds none', () => {
  it('keeps a type name under a secret-named key', () => {
    keepsWords('        "password": "string",', '"string"');
    keepsWords('  "client_secret": { "type": "string", "format": "password" },', 'string');
    keepsWords('variable "db_password" { type = string }', 'string');
    keepsWords('  token: list(string)', 'list(string)');
    keepsWords('    "adminPassword": "securestring",', 'securestring');
    keepsWords('api_token: str', 'str');
  });

  it('keeps a terminal colour style under a token-like key', () => {
    keepsWords("Token.Menu.Completions.Completion.Current = 'bg:#ffffff #000000'", 'bg:#ffffff #000000');
    keepsWords("Token.Toolbar.Search = 'noinherit bold'", 'noinherit bold');
    keepsWords("secret_style = 'fg:ansired bold'", 'fg:ansired bold');
    keepsWords('token.keyword = "#ff0066 italic"', '#ff0066 italic');
  });

  it('keeps where the secret is kept (flags) and who signs in from where (a client identity)', () => {
    keepsWords('802-11-wireless-security.psk-flags:     0 (none)', '0 (none)');
    keepsWords('802-1x.password-flags:                  1 (agent-owned)', '1 (agent-owned)');
    keepsWords('vpn.secret-flags: 2 (not saved)', '2 (not saved)');
    keepsWords('kpzgkvl: AUTH_TERMINAL=FIN-LT-0417 AUTH_PROGRAM_NM=plsqldev.exe AUTH_MACHINE=CORP\\FIN-LT-0417 AUTH_PID=7340:6612',
      'FIN-LT-0417', 'plsqldev.exe', 'CORP\\FIN-LT-0417', '7340:6612');
    keepsWords('auth_pid=31822 auth_machine=ws-ops-07', '31822', 'ws-ops-07');
  });

  it('still takes the secrets of the same lines', () => {
    takesAs('SECRET', 'kpzgkvl: AUTH_SESSKEY=8B1F3C77A0D94E26B5C1F0E3A7D29B64C80E2F51 AUTH_PBKDF2_SPEEDY_KEY=A4E09C12D7B3F5806E1C2B9D4F7A3E61',
      '8B1F3C77A0D94E26B5C1F0E3A7D29B64C80E2F51', 'A4E09C12D7B3F5806E1C2B9D4F7A3E61');
    takesAs('SECRET', '802-11-wireless-security.psk:           Wlan#Home-2026', 'Wlan#Home-2026');
    takesAs('SECRET', '    "password": "Str1ng!Pw-77",', 'Str1ng!Pw-77');
    takesAs('SECRET', 'auth_password=Orcl#Fin2026', 'Orcl#Fin2026');
  });
});

describe('a variable, a key name or a certificate pin in a value\'s place', () => {
  it('keeps a reference to the password as the argument', () => {
    keepsWords('$ redis-cli -h 10.40.2.8 -a "$REDIS_PW" --no-auth-warning MONITOR', '$REDIS_PW');
    keepsWords('redis-cli -a ${REDIS_PASSWORD} ping', '${REDIS_PASSWORD}');
    keepsWords('redis-cli.exe -h cache -a %REDIS_PASS% info', '%REDIS_PASS%');
    takesAs('SECRET', 'redis-cli -h 10.0.0.5 -a Rd!s-2026q ping', 'Rd!s-2026q');
    takesAs('SECRET', "redis-cli --pass 'Cache#Pw88' info", 'Cache#Pw88');
  });

  it('takes the value after a key that names it, not the key', () => {
    const out = redact('vpn.secrets:                            form:main:password = Vpn%Labo-2026, gwcert = pin-sha256:Qm7vT2xK9pL4wR1zN8cB3yH6dF0sJ5aE2gU8iO4=');
    expect(out).toContain('form:main:password = ');
    expect(out).not.toContain('Vpn%Labo-2026');
    expect(out).toContain('pin-sha256:Qm7vT2xK9pL4wR1zN8cB3yH6dF0sJ5aE2gU8iO4=');
    expect(redact('vpn.secrets: form:main:password = Lab0!Vpn-77, form:main:username = li.wei')).not.toContain('Lab0!Vpn-77');
    expect(redact('secrets: ipsec-psk = Psk#Site-2026, gateway = 203.0.113.7')).toContain('ipsec-psk = ');
  });

  it('keeps a certificate pin (a public key digest)', () => {
    keepsWords('openconnect --servercert pin-sha256:Xk2v9Qm4LpT7vZ2kR8sW5eUgH3dF0sJ5aE2gU8iO4qA= vpn.corp.example', 'pin-sha256:Xk2v9Qm4LpT7vZ2kR8sW5eUgH3dF0sJ5aE2gU8iO4qA=');
    keepsWords('Public-Key-Pins: pin-sha256="d6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM="; max-age=5184000', 'd6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM=');
  });
});

describe('a list of field names is not a value', () => {
  it('keeps prose that names the fields', () => {
    keepsWords('auth: user,login,password fields', 'user,login,password fields');
    keepsWords('secrets: token/password', 'token/password');
    keepsWords('credentials: username and password', 'username and password');
    keepsWords('auth = user, password, otp', 'user, password, otp');
  });

  it('still takes a value that merely starts like a field name', () => {
    takesAs('SECRET', 'auth: user2026!x', 'user2026!x');
    takesAs('SECRET', 'password=token,Rt9#kq', 'token');
  });
});
