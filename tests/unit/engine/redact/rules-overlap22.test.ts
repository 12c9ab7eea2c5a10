/**
 * overlap22 (session 21): wake words that run together. The words scan resumed after each hit, so a rule whose wake word
 * started inside another rule's never woke there (`wrong password for bob`: secret-assignment's `wrong password` hid
 * user-name's `password for`). It now reports overlapping words (word-scan.ts wordsHit); these lines are each hidden
 * family, written as other tools write them, and the look-alikes of the same phrasing that hold no value.
 */
import { describe, it } from 'vitest';
import { takesLogins, unchanged } from './helpers.js';

describe('overlapping wake words wake every rule they hold', () => {
  it('takes the login where an outcome word runs into another rule\'s phrase (`… password for`, `… to user`)', () => {
    takesLogins('sshd[812]: Failed keyboard-interactive: wrong password for ops_deploy from 10.0.0.8', 'ops_deploy');
    takesLogins('2026-12-07 10:00:01 WARN auth: invalid password for m.herrera (3 attempts)', 'm.herrera');
    takesLogins('[auth] bad password for kowalczyk_t, account locked', 'kowalczyk_t');
    takesLogins('smb: connect to user lindqvist_j failed: NT_STATUS_LOGON_FAILURE', 'lindqvist_j');
  });

  it('takes `net.exe user NAME` as `net user NAME` (user-name\'s pattern reads both; only the wake was missing)', () => {
    takesLogins('C:\\Windows\\system32> net.exe user zhaolei /domain', 'zhaolei');
    takesLogins('PS C:\\> NET.EXE USER a.novak /active:no', 'a.novak');
    takesLogins('cmd.exe /c net.exe user liuyang_ops /delete', 'liuyang_ops');
  });

  it('keeps the same phrasing without a login: counts, placeholders, built-in accounts, options', () => {
    unchanged([
      'WARN wrong password for 3 users in the last hour',
      'invalid password for the account, see audit',
      'C:\\> net.exe user /domain',
      'C:\\> net.exe user',
      'net.exe user Administrator /active:yes',
      'bad password for user-service: 401',
    ]);
  });
});
