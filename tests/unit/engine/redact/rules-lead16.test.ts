/**
 * What the lead's look at a real collection showed (session 16): the plain English of an application's log — `user x
 * logged in` — took no login, though every grammar of a tool did. Variants of that English, and the prose that must stay.
 */
import { describe, it } from 'vitest';
import { check, keepsWords, takesLogins, unchanged } from './helpers.js';

describe('user x logged in (any application)', () => {
  it('takes the login of a sign-in, a sign-out, a failure and an authentication, quoted or not', () => {
    takesLogins('2026-12-06 10:00 user huang.shiqi logged in from 10.2.3.4', 'huang.shiqi');
    takesLogins("INFO User 'zhangsan' has signed out", 'zhangsan');
    takesLogins('WARN user ops_lily login failed: bad password', 'ops_lily');
    takesLogins('user wangwei failed to log in (3 attempts)', 'wangwei');
    takesLogins('User chen.jie authenticated via LDAP', 'chen.jie');
    takesLogins('[auth] user "m.rossi" successfully logged on', 'm.rossi');
    takesLogins('user dev01_lx logon rejected: account locked', 'dev01_lx');
  });

  it('replaces the login where it stands again on later lines', () => {
    check([['user liqiang logged in\nliqiang opened report 7', 'user <USER-1> logged in\n<USER-1> opened report 7']]);
  });

  it('keeps the prose, built-in accounts and words where the login would stand', () => {
    unchanged(['user has logged in', 'user successfully logged in', 'the user then logged in', 'user root logged in', 'user admin authenticated', 'User session authenticated', 'user guest logged on', 'user account login failed']);
    keepsWords('INFO user logged out after 30 minutes idle', 'logged out');
  });
});
