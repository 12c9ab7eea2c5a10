/**
 * A name/value PAIR (session 17, login18): a format that splits a setting into an element or object whose name
 * attribute or key names the setting and whose value attribute or key holds it — ZTE ONU `<DM name="UserName"
 * val="x"/>`, BES/Spring `<property name="User" value="x"/>`, `<param name="login" value="x"/>`, `<setting key="DbUser"
 * value="x"/>`, a JSON settings list `{"name": "username", "value": "x"}`, API tools' environments (Postman/Apipost/
 * Hoppscotch `{"key": "token", "type": "secret", "current_value": "x"}`, SSIS `<Parameter Name="DbPassword"
 * DefaultValue="x"/>`). One mechanism and one vocabulary of value names for every key vocabulary (session 18, secret19:
 * secret-assignment's pairs joined login18's): the caller gives the key vocabulary (a login's, a secret's) and the value's
 * shape; the regex source carries two named groups, `<group>` (XML attributes) and `<group>j` (JSON) — and, when the caller
 * names one, the key in `<keyGroup>` and `<keyGroup>j` — and is meant for a case-insensitive regex.
 */

/** Attributes of an element other than its name and value (`No="0"`, `type='string'`). */
const OTHER_ATTRS = String.raw`(?:[ \t]+[\w:-]{1,20}[ \t]*=[ \t]*(?:"[^"<>\r\n]{0,80}"|'[^'<>\r\n]{0,80}')){0,4}?`;
/** Fields of a JSON object other than its name and value (`"type": "secret"`, `"enabled": true`). */
const OTHER_FIELDS = String.raw`(?:[ \t]*"[\w-]{1,30}"[ \t]*:[ \t]*(?:"[^"\\\r\n]{0,80}"|[\w.-]{1,20})[ \t]*,){0,3}`;
/** The attribute or key that names the setting. */
const NAME_ATTR = 'name|key|id|field|param|property|attr|item';
/**
 * The attribute or key that holds its value: `value`, a device model's `val`/`v`, `data`, `text`, and the current, initial
 * and default value API tools and package parameters keep (`current_value`, `initialValue`, `DefaultValue`).
 */
export const VALUE_ATTR = 'value|val|v|data|text|(?:current|initial|default)_?value';

/** A value's shape, one for both forms or one for each (an XML attribute's value cannot hold its quote; a JSON one escapes it). */
export type PairValue = string | { xml: string; json: string };

/** Regex source of a name/value pair whose name is one of `keys` (regex source) and whose value matches `value`. */
export function namedValuePair(keys: string, value: PairValue, group: string, keyGroup?: string): string {
  const key = (suffix: string) => (keyGroup === undefined ? `(?:${keys})` : `(?<${keyGroup}${suffix}>${keys})`);
  const xmlValue = typeof value === 'string' ? value : value.xml;
  const jsonValue = typeof value === 'string' ? value : value.json;
  const xml = String.raw`<[\w:-]{1,40}${OTHER_ATTRS}[ \t]+(?:${NAME_ATTR})[ \t]*=[ \t]*["']${key('')}["']${OTHER_ATTRS}[ \t]+(?:${VALUE_ATTR})[ \t]*=[ \t]*["'](?<${group}>${xmlValue})["']`;
  const json = String.raw`\{${OTHER_FIELDS}[ \t]*"(?:${NAME_ATTR})"[ \t]*:[ \t]*"${key('j')}"[ \t]*,${OTHER_FIELDS}[ \t]*"(?:${VALUE_ATTR})"[ \t]*:[ \t]*"(?<${group}j>${jsonValue})"`;
  return `${xml}|${json}`;
}

/**
 * Regex source of a value BOXED under its key with its variants or origin (Spring Boot `/actuator/env`
 * `"spring.datasource.password": {"value": "x", "origin": …}`, Postman/Apipost `"appSecret": {"current_value": "x"}`):
 * the key is one of `keys`, in `<keyGroup>` when named.
 */
export function boxedValue(keys: string, value: string, group: string, keyGroup?: string): string {
  const key = keyGroup === undefined ? `(?:${keys})` : `(?<${keyGroup}>${keys})`;
  return String.raw`"${key}"[ \t]*:[ \t]*\{[ \t]*"(?:${VALUE_ATTR})"[ \t]*:[ \t]*"(?<${group}>${value})"`;
}

/** Trigger source (case-insensitive) for such pairs of `keys`: the name attribute or key, then a value attribute or key. */
export function namedValuePairTrigger(keys: string): string {
  return String.raw`(?:${NAME_ATTR})"?[ \t]*[=:][ \t]*["'](?:${keys})["'][^<>{}\r\n]{0,500}?(?:${VALUE_ATTR})["']?[ \t]*[=:]`;
}
