/**
 * What held-out-17's first run and session 15's merge showed (lead): keys glued to `pw` (`dbpw`, `UC_DBPW`,
 * `ldappw`) were redacted only with the prefilter off — no scan woke them, so the shipped engine kept them;
 * a call's head (`oss2.Auth(`, `require(`, `Sys.getenv(`) after `auth =` or `secret =` was taken as the
 * secret. A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, it } from 'vitest';
import { check, unchanged } from './helpers.js';

describe('a key glued to `pw` wakes the rule (PHP arrays and constants, configs)', () => {
  it('takes the value in PHP, define(), INI and env forms', () => {
    check([
      ["$_config['db']['1']['dbpw'] = 'Dz!bbs#2026hy';", "$_config['db']['1']['dbpw'] = '<SECRET-1>';"],
      ["define('UC_DBPW', 'UcBbs!9920');", "define('UC_DBPW', '<SECRET-1>');"],
      ['LDAPPW=Ld4p-bind-77', 'LDAPPW=<SECRET-1>'],
      ['"smtppw": "Mail#relay-31"', '"smtppw": "<SECRET-1>"'],
    ]);
  });

  it('keeps words that only end in those letters', () => {
    unchanged(['$cfg["dbpwd_policy"] = "strict";', 'dbpw_min_length=12']);
  });
});

describe("a call's head is no secret", () => {
  it('keeps `auth = oss2.Auth(` and `require(`, and still takes the call arguments that are keys', () => {
    unchanged(["const secret = require('./secret.json')", 'token <- Sys.getenv("GITHUB_PAT")']);
    check([["auth = oss2.Auth('LTAI5tQx9mKp2wRz7vNb', 'x')", "auth = oss2.Auth('<TOKEN-1>', 'x')"]]);
  });
});
