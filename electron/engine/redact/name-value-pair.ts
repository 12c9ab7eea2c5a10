/**
 * A name/value PAIR (session 17, login18): a format that splits a setting into an element or object whose name
 * attribute or key names the setting and whose value attribute or key holds it — ZTE ONU `<DM name="UserName"
 * val="x"/>`, BES/Spring `<property name="User" value="x"/>`, `<param name="login" value="x"/>`, `<setting key="DbUser"
 * value="x"/>`, a JSON settings list `{"name": "username", "value": "x"}`. One mechanism for every vocabulary: the caller
 * gives the key vocabulary (a login's, a secret's) and the value's shape; the regex source carries two named groups,
 * `<group>` (XML attributes) and `<group>j` (JSON), and is meant for a case-insensitive regex.
 */

/** Attributes of an element other than its name and value (`No="0"`, `type="string"`). */
const OTHER_ATTRS = String.raw`(?:[ \t]+[\w:-]{1,20}="[^"<>\r\n]{0,80}"){0,4}?`;
/** The attribute or key that names the setting. */
const NAME_ATTR = 'name|key|id|field|param|property|attr|item';
/** The attribute or key that holds its value. */
const VALUE_ATTR = 'value|val|v|data|text';

/** Regex source of a name/value pair whose name is one of `keys` (regex source) and whose value matches `value`. */
export function namedValuePair(keys: string, value: string, group: string): string {
  const xml = String.raw`<[\w:-]{1,40}${OTHER_ATTRS}[ \t]+(?:${NAME_ATTR})="(?:${keys})"${OTHER_ATTRS}[ \t]+(?:${VALUE_ATTR})="(?<${group}>${value})"`;
  const json = String.raw`\{[ \t]*"(?:${NAME_ATTR})"[ \t]*:[ \t]*"(?:${keys})"[ \t]*,[ \t]*"(?:${VALUE_ATTR})"[ \t]*:[ \t]*"(?<${group}j>${value})"`;
  return `${xml}|${json}`;
}

/** Trigger source (case-insensitive) for such pairs of `keys`: the name attribute or key, then a value attribute or key. */
export function namedValuePairTrigger(keys: string): string {
  return String.raw`(?:${NAME_ATTR})"?[ \t]*[=:][ \t]*"(?:${keys})"[^<>{}\r\n]{0,200}?(?:${VALUE_ATTR})"?[ \t]*[=:]`;
}
