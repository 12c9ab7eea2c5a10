/**
 * Plain application logs (applog1, session 17; the app-logs corpus set): the logins that log prose names in other
 * grammars than `user x logged in` — an outcome `for` an account, `by user x`, `signed in as x`, `login x ok`,
 * `user x changed their password`, audit `actor=` fields — in other loggers, languages' libraries and separators than
 * the fixture's, and the prose of the same grammar that holds no login.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords, redact, takesLogins, unchanged } from './helpers.js';

describe('log prose: an outcome for an account', () => {
  it('takes the login after a failure, a lock-out, an attempt or a request, quoted, bracketed or after uid=', () => {
    takesLogins("2026-12-01 WARN  o.s.s.a.DaoAuthenticationProvider - Authentication failed for user 'lu.xiaofeng': Bad credentials", 'lu.xiaofeng');
    takesLogins('[warn] sign-in failure for account "m_herrera" (captcha)', 'm_herrera');
    takesLogins('level=warn msg="password attempt for [peng.yixuan] rejected"', 'peng.yixuan');
    takesLogins('E1207 12:00:01 ldap.go:88] simple bind denied for uid=wu_tianyu: invalidCredentials', 'wu_tianyu');
    takesLogins('2026-12-01 11:00:00 lockout for username tkowalczyk until 11:15', 'tkowalczyk');
    takesLogins('NOTICE: Login succeeded for user: aditya.rao', 'aditya.rao');
    takesLogins('INFO password reset link requested for j.lindqvist', 'j.lindqvist');
  });

  it('keeps prose where the login would stand, and numbers', () => {
    unchanged([
      'WARN login failed for user requests over quota',
      'INFO sync failed for all 12 devices',
      'retry attempt for 3 users scheduled',
      'Authentication failed for user: unknown',
      'login failed for the user account, see audit',
      'request failed for user-service: 503',
      'attempt for order-worker timed out',
      'WARN auth: OpenAI call failed for key sk-test, retry in 2s',
      "SqlException: Login failed for user 'erp_app'.",
      'denied for admin',
    ]);
  });
});

describe('log prose: for/by/to user x', () => {
  it('takes the login', () => {
    takesLogins('2026-12-01 INFO quota raised for user qiao.anran by ops', 'qiao.anran');
    takesLogins('[notify] message delivered to user "f.morel"', 'f.morel');
    takesLogins('I, [2026-12-01] INFO -- : MFA reset by user hkwon_admin2', 'hkwon_admin2');
  });

  it('keeps the interface, the agent and services', () => {
    unchanged(['rendered by user interface thread', 'for user requests over 2s see slow.log', 'sent to user agent parser', 'by user service v2', 'for user sessions older than 7d', 'forwarded to user-service pod']);
  });
});

describe('log prose: who the session runs as', () => {
  it('takes signed in as, switched account to, Signed in user', () => {
    takesLogins('[2026-12-01 08:00:00] [info]  (auth) signed in as rui.matsuda (team pro)', 'rui.matsuda');
    takesLogins('INFO Logged on as "ngozi_e" from 10.0.0.3', 'ngozi_e');
    takesLogins('(auth) user switched account to chen_wanting', 'chen_wanting');
    takesLogins('Signed in user o.adeyemi via OmniAuth google_oauth2', 'o.adeyemi');
    takesLogins('INFO  login k.yamada ok, tenant=acme', 'k.yamada');
    takesLogins('WARN logon "beatriz.s" denied: outside hours', 'beatriz.s');
  });

  it('keeps the login page and counts', () => {
    unchanged(['login page requested', 'logged in users: 42', 'login ok', 'login success rate 99.2%', 'signed in as guest', 'logged in as admin', 'login form failed validation']);
  });
});

describe("a mailer's log of a sent message", () => {
  it('keeps the Message-ID, takes the recipient', () => {
    keepsWords('I, [2026-12-01T10:00:00 #1]  INFO -- : Delivered mail 5f1c2d3e4b5a6_7c8d9e0f@app-2.mail (12.0ms)', '5f1c2d3e4b5a6_7c8d9e0f@app-2.mail');
    keepsWords('info: Message sent: <b658f8ca-6296-ccf4-8306-87d57a0b4321@shop.example>', 'b658f8ca-6296-ccf4-8306-87d57a0b4321@shop.example');
    expect(redact('Sent mail to amelie.roux@orange.fr (3.1ms)')).toBe('Sent mail to <EMAIL-1> (3.1ms)');
  });
});

describe('learned values: a site-named database account', () => {
  it('does not learn `shop` from a MySQL denial, so the site keeps its host name', () => {
    keepsWords("PDOException: Access denied for user 'shop'@'10.0.0.5' (using password: YES)\nupstream timed out, server: shop.example.cn, host: \"shop.example.cn\"", 'shop.example.cn');
  });
});

describe('log prose: user x changed their password, audit actor', () => {
  it('takes the login', () => {
    takesLogins('NOTICE: User danielsson_k changed their password {"user_id":12}', 'danielsson_k');
    takesLogins('INFO user "yuan.zhe" updated profile fields=avatar', 'yuan.zhe');
    takesLogins('[AUDIT] actor=ferreira.l action=role.grant target=group:ops', 'ferreira.l');
    takesLogins('{"ts":"2026-12-01","actor":"m.castillo","action":"user.create"}', 'm.castillo');
    takesLogins('[AUDIT] actor=ops_bot action=user.disable target=s.kovacs result=ok', 's.kovacs');
  });

  it('keeps the prose and non-user targets', () => {
    unchanged(['user has changed their password', 'User interface updated profile cache', 'action=role.grant target=group:finance-approvers', 'actor=system action=job.run']);
    keepsWords('[AUDIT] actor=j.doe_2 action=snapshot.create target=vol-0a1b2c3d', 'vol-0a1b2c3d', 'snapshot.create');
  });
});
