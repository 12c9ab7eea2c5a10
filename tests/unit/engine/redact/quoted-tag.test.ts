/**
 * A "tag" inside quotes is a docs placeholder (`password: '<password>'`), not an XML element whose
 * text runs to the line's end: held-out-15's first run took the closing quote as the value and broke
 * the YAML file. Real elements, also inside a JSON string, are still taken.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { check, unchanged } from './helpers.js';

describe('a quoted <placeholder> is not an XML element', () => {
  it('keeps quoted placeholders whole, in YAML, INI, shell and JS, with or without a comment after', () => {
    unchanged([
      "profile::docs::example_password: '<password>'",
      'api_token: "<TOKEN>"  # fill in',
      'DB_PASSWORD="<password>"',
      "const secret = `<secret>`;",
      "  passwd: '<passwd>',",
    ]);
  });

  it('still takes element text, also when the element sits inside a JSON string', () => {
    check([
      ['"config": "<password>Qx7!rTz9</password>"', '"config": "<password><SECRET-1></password>"'],
      ['<password>Wm3#kLp0</password>', '<password><SECRET-1></password>'],
    ]);
  });

  it('leaves the YAML parseable and equal to the input', () => {
    const text = "profile::docs::example_password: '<password>'\nprofile::db::port: 5432\n";
    const out = new Redactor().redactText(text).text;
    expect(parseYaml(out)).toEqual(parseYaml(text));
  });
});
