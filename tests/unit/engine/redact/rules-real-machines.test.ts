/**
 * Formats of real machines (a sos report, Chromium's profile, Xvfb, sysctl, systemd units, PAM,
 * java.security) that the rules took for secrets or addresses, beside the real secrets of the same
 * shape that must still go. The whole files are in tests/fixtures/redact/real/.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';

function redact(text: string): string {
  return new Redactor().redactText(text).text;
}

describe('systemd credentials', () => {
  it('keeps the names of credentials a unit loads or imports', () => {
    for (const line of [
      'LoadCredential=passwd.hashed-password.root',
      'LoadCredential=tmpfiles.extra',
      'LoadCredentialEncrypted=mysql.password:/etc/credstore.encrypted/mysql.password',
      'ImportCredential=login.motd',
      'ConditionCredential=|sysusers.extra',
      "# data from nspawn's --set-credential= switch.",
    ]) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts what SetCredential= and a --flag=value carry', () => {
    expect(redact('SetCredential=db.password:Hx7#kq2Lp')).not.toContain('Hx7#kq2Lp');
    expect(redact('mysqldump --password=Hx7kq2Lp9 db')).not.toContain('Hx7kq2Lp9');
  });
});

describe('PAM control brackets', () => {
  it("keeps a return code's action", () => {
    for (const line of ['account\t[success=1 new_authtok_reqd=done default=ignore]\tpam_unix.so ', 'password [success=ok authtok_err=die cred_err=bad default=1] pam_x.so']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts an authtok outside PAM control', () => {
    expect(redact('login failed authtok=done9x user=bob')).not.toContain('done9x');
  });
});

describe('sysctl', () => {
  it('keeps the seconds of a timeout whose name has cookie in it', () => {
    for (const line of ['net.netfilter.nf_conntrack_sctp_timeout_cookie_echoed = 3', 'net.netfilter.nf_conntrack_sctp_timeout_cookie_wait = 3', 'session_token_ttl_secs = 3600']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts a numeric secret under a secret key', () => {
    expect(redact('cookie_secret = 83920174')).not.toContain('83920174');
    expect(redact('pin = 8426')).not.toContain('8426');
  });
});

describe('usage text', () => {
  it("keeps an option's metavariable in a program's help", () => {
    for (const line of ['-auth file             select authorization file', '-cookie xdm-auth-bits  specify the magic cookie for XDMCP']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts a password given on a command line', () => {
    expect(redact('-auth hunter2x  # given on the command line')).not.toContain('hunter2x');
    expect(redact('  sshpass -p Wq7xLm2p ssh deploy@10.0.0.5')).not.toContain('Wq7xLm2p');
  });
});

describe('locale modifiers', () => {
  it('keeps a gettext catalogue or locale named with @latin, @cyrillic, @euro', () => {
    for (const line of ['-rw-r--r-- 1 root root  9804 May 29  2025 systemd.be@latin.catalog', 'sr@latin.po uz@cyrillic.mo de_DE@euro.UTF-8']) {
      expect(redact(line), line).toBe(line);
    }
  });
  it('still redacts an address at a domain starting with such a word', () => {
    expect(redact('mail jan@latin.example.com now')).not.toContain('jan@latin');
  });
});
