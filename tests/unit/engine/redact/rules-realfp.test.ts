/**
 * realfp (session 18): false positives on the real text of a Debian machine — Debian changelogs and
 * NEWS, manual pages, READMEs, apt/dpkg logs, /etc comments — where nothing is secret, beside the
 * true positives each resembles, which must still be taken. The lines are public text (Debian's
 * changelogs and manuals); the regression fixture is tests/fixtures/redact/real/real-changelog-prose.txt.
 */
import { describe, expect, it } from 'vitest';
import { isCommonPhrase, isCommonWord } from '../../../../electron/engine/redact/common-words.js';
import { leakCandidates } from '../../../../electron/engine/redact/leak-check.js';
import { isLearnable } from '../../../../electron/engine/redact/learned-values.js';
import { redact, takesAs, takesLogins, unchanged } from './helpers.js';

describe('a key word inside a file name or a path names the file (changelog subjects)', () => {
  it('keeps the sentence after a patch, a signature or a source file', () => {
    unchanged([
      '  * less-long-token-noise.patch: Make less noise when encountering',
      '  * 118_arm_pass_all.dpatch: Regenerated.',
      '  - url-use-same-credentials-on-redirect.patch: Backport upstream patch to',
      '  - d/upstream/signing-key.asc: Upstream public key.',
      '  - fixes/verification-tokens.patch: sync from u-c.',
      '  * debian/secret-store.c: free the buffer twice less',
      '    * src/auth_token.py: Regenerated from the template.',
    ]);
  });
  it('keeps a component before a sentence (`ext/pre_shared_key: use …`, `psk: Allow …`)', () => {
    unchanged([
      'ext/pre_shared_key: use consistent name for regitration entry',
      'pre_shared_key: avoid use-after-free around realloc',
      'psk: Allow non-NULL PSK usernames',
      '  * signing-key: Add key from Eric Engeström.',
      'tests: list-tokens: not only list but also verify whether module is operational',
      'default password: just login to the web interface with it, and Redmine will',
      'psk: mark psk_ke_modes as invalid when ignored',
      'gnutls_cipher_add_auth: propagate error codes',
      '  * GPG-KEY: Update.',
    ]);
  });
  it('still takes the secret of a key file and of a key before a value', () => {
    // A Kubernetes Secret's data key is a file name whose value is the secret itself.
    takesAs('SECRET', 'tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2', 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JSUV2');
    takesAs('SECRET', 'password: Regenerated2024!', 'Regenerated2024!');
    takesAs('SECRET', 'psk: S3cr3tPsk!', 'S3cr3tPsk!');
    takesAs('SECRET', 'secret/db/password: Hx7kq2Lp9', 'Hx7kq2Lp9');
    takesAs('TOKEN', 'api_token: abc123def456 for the build', 'abc123def456');
    // A passphrase of uncommon words is a value, not a sentence.
    takesAs('SECRET', 'password: correct horse battery staple', 'correct horse battery staple');
    takesAs('SECRET', 'passphrase: my dog has fleas', 'my dog has fleas');
    // A value that starts with digits or symbols is a value, whatever words follow.
    takesAs('SECRET', 'password: Summer2024 was set', 'Summer2024');
    takesAs('SECRET', 'password: Welcome1.', 'Welcome1');
    // After `=` a value is a value, even a common word followed by words.
    takesAs('SECRET', 'DB_PASSWORD=Make less noise', 'Make less noise');
  });
});

describe('the verb `pass` with a quoted argument', () => {
  it('keeps the argument a sentence goes on about', () => {
    unchanged([
      "  * r1.163 of bfd/elfxx-mips.c, pass 'info' instead of 'output_bfd' to",
      "special target will follow the new POSIX standard and pass '-e' to the",
      '    * guile/Makefile.am (%.go): Pass "GUILE_AUTO_COMPILE=0" to guild.',
      '    .gitlab-ci.yml: doc-dist.Fedora: Pass "GUILE", "GUILD", and "guile_snarf" to \'configure\'.',
      "then you'd pass '--with-customs=/usr/local' as an option to configure.",
    ]);
  });
  it("still takes a directive's or a statement's password", () => {
    takesAs('SECRET', "alter user x pass 'N3wPass!';", 'N3wPass!');
    takesAs('SECRET', "pass 'Tr0ub4dor&3'", 'Tr0ub4dor&3');
    takesAs('SECRET', "identified by 'Abc#123'", 'Abc#123');
  });
});

describe('a flag a manual talks about', () => {
  it('keeps the words after the flag', () => {
    unchanged([
      'If -c, --cookie-jar is provided  several  times,  the  last  set',
      'certtool: honor --ask-pass when loading a private key',
      '--tlspassword are specified but --tlsauthtype is not, then  this',
      'to use the -b, --cookie option.',
      'See also -x, --proxy and --proxy-tlspassword. Added in 7.52.0.',
      'PASS request.',
      '       --augment-creds=BOOL',
      '       -p, --password PASSWORD',
      '       --passphrase STRING',
    ]);
  });
  it('still takes the value of a flag on a command line', () => {
    takesAs('SECRET', '--password hunter2 --host db1', 'hunter2');
    takesAs('SECRET', 'mysql -u root --password=Xyz123 db', 'Xyz123');
    takesAs('SECRET', 'requirepass foobared1', 'foobared1');
    takesAs('SECRET', 'PASS Xk9#mq', 'Xk9#mq');
    takesAs('SECRET', '--password ABCD1234', 'ABCD1234');
    takesAs('SECRET', 'login --creds=Abc123x', 'Abc123x');
  });
});

describe('a word of prose after a login word or `by` is no login', () => {
  it('keeps upstream, a team and a word', () => {
    unchanged([
      '    (modified by upstream, targeted for 3.22 release)',
      '  * Change requested by debian-release (Andreas Barth).',
      'This can be changed by setting the apt configuration option',
      '# Default settings for user directories',
      'specified twice the halt operation is executed by systemctl itself,',
      'were  not  created by bzip2 will be detected and ignored, and a warning',
      'For filesystems created by SunOS or Solaris on Sparc.',
    ]);
  });
  it('still takes a login after `by` and after `user`', () => {
    takesLogins('modified by zhangwei', 'zhangwei');
    takesLogins('changed by jsmith on 2026-01-02', 'jsmith');
    takesLogins('settings for user jdoe', 'jdoe');
    takesLogins("login failed for user 'wangfang'", 'wangfang');
  });
});

describe('common words are never learned nor looked for archive-wide', () => {
  it('knows the words of changelogs, manuals and package logs, in their punctuation', () => {
    for (const w of ['info', 'upstream', 'Upstream', 'avoid', 'filename', 'option.', 'Update.', 'again.', '<user', 'directories', 'bzip2', 'systemctl', 'Wget', 'SunOS']) expect(isCommonWord(w), w).toBe(true);
    for (const w of ['zhangwei', 'jsmith', 'grace', 'hunter2', 'Tr0ub4dor']) expect(isCommonWord(w), w).toBe(false);
  });
  it('knows a phrase of common words', () => {
    for (const p of ['Backport upstream patch to', 'debian-release', 'avoid use after free', 'Make less output']) expect(isCommonPhrase(p), p).toBe(true);
    for (const p of ['correct horse battery staple', 'zhang-wei', 'Grace Walker', 'P@ss word', 'release-2024', 'avoid use-after-free around realloc']) expect(isCommonPhrase(p), p).toBe(false);
  });
  it('does not learn them as logins or names', () => {
    for (const v of ['upstream', 'debian-release', 'Debian', 'directories', 'psql']) expect(isLearnable('USER', v, 'user-name'), v).toBe(false);
    expect(isLearnable('USER', 'zhangwei', 'user-name')).toBe(true);
  });
  it('does not look for them in the archive', () => {
    expect(leakCandidates(['info', 'Upstream', 'option.', '<user', 'Backport upstream patch to', 'Regenerated.', 'hunter2-secret', 'zhangwei88'], '')).toEqual(['hunter2-secret', 'zhangwei88']);
  });
  it('keeps a package log whole after a changelog redacted in the same stream', () => {
    const text = ["  * r1.163 of bfd/elfxx-mips.c, pass 'info' instead of 'output_bfd' to", '    (modified by upstream, targeted for 3.22 release)', 'Setting up shared-mime-info (2.2-1) ...', '  * New upstream release'].join('\n');
    expect(redact(text)).toBe(text);
  });
});
