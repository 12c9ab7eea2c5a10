/**
 * The shape of the policy, read from its zod schema through JSON Schema (`z.toJSONSchema`):
 * which keys are sections (objects), which are leaves, and what type each leaf has. The
 * registry reader uses it to turn REG_DWORD 1 into `true` where a boolean is expected; the
 * template generator uses it to write one ADMX policy per leaf. One source of truth: a key added
 * to `shared/policy.ts` appears in both without a second list to keep in step.
 */
import { z } from 'zod';
import { PolicySchema } from '../../../shared/policy.js';

/** The part of JSON Schema that z.toJSONSchema produces for the policy. */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
}

/**
 * How a leaf is written outside JSON: `string-list` is REG_MULTI_SZ / a plist array of strings;
 * `json` (a list of objects) is JSON text in a REG_SZ value, like Chrome's dictionary policies.
 */
export type LeafKind = 'string' | 'enum' | 'integer' | 'number' | 'boolean' | 'string-list' | 'json';

export interface PolicyLeaf {
  /** `upload.redmine.url` */
  key: string;
  path: string[];
  kind: LeafKind;
  node: SchemaNode;
}

let cached: SchemaNode | undefined;

/** The policy as JSON Schema (input side: what a source may write; defaults shown, not required). */
export function policyJsonSchema(): SchemaNode {
  cached ??= z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
  return cached;
}

/** Unwraps `anyOf` (optional/nullable unions) to the first alternative with a type. */
export function unwrap(node: SchemaNode): SchemaNode {
  if (node.anyOf) return unwrap(node.anyOf.find((n) => n.type !== 'null') ?? node.anyOf[0] ?? {});
  return node;
}

export function isSection(node: SchemaNode): boolean {
  const n = unwrap(node);
  return n.type === 'object' && n.properties !== undefined;
}

export function leafKind(node: SchemaNode): LeafKind {
  const n = unwrap(node);
  if (n.type === 'boolean') return 'boolean';
  if (n.type === 'integer') return 'integer';
  if (n.type === 'number') return 'number';
  if (n.type === 'string') return n.enum ? 'enum' : 'string';
  if (n.type === 'array' && n.items && unwrap(n.items).type === 'string') return 'string-list';
  return 'json';
}

/** The schema node at a path of property names, or undefined when the key does not exist. */
export function nodeAt(path: readonly string[], root: SchemaNode = policyJsonSchema()): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const name of path) {
    const n: SchemaNode = unwrap(node);
    node = n.properties && Object.hasOwn(n.properties, name) ? n.properties[name] : undefined;
    if (!node) return undefined;
  }
  return node;
}

/** The property of a section whose name matches case-insensitively (registry names are case-insensitive). */
export function propertyNamed(section: SchemaNode, name: string): string | undefined {
  const props = unwrap(section).properties ?? {};
  if (Object.hasOwn(props, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(props).find((k) => k.toLowerCase() === lower);
}

/** Every leaf of the policy in schema order. */
export function policyLeaves(root: SchemaNode = policyJsonSchema()): PolicyLeaf[] {
  const out: PolicyLeaf[] = [];
  const walk = (node: SchemaNode, path: string[]) => {
    for (const [name, child] of Object.entries(unwrap(node).properties ?? {})) {
      const p = [...path, name];
      if (isSection(child)) walk(child, p);
      else out.push({ key: p.join('.'), path: p, kind: leafKind(child), node: unwrap(child) });
    }
  };
  walk(root, []);
  return out;
}

/** Top-level and nested sections (objects with properties), e.g. `upload`, `upload.redmine`. */
export function policySections(root: SchemaNode = policyJsonSchema()): string[][] {
  const out: string[][] = [];
  const walk = (node: SchemaNode, path: string[]) => {
    for (const [name, child] of Object.entries(unwrap(node).properties ?? {})) {
      if (!isSection(child)) continue;
      out.push([...path, name]);
      walk(child, [...path, name]);
    }
  };
  walk(root, []);
  return out;
}
