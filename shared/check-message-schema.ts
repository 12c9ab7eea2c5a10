/**
 * The zod validation of a check message (checks.json, IPC), built from the one table in
 * check-messages.ts. Kept apart from that table so the checks, which only build messages, do not
 * load zod (`diagcollect check` starts without it; issue 13, item 8).
 */
import { z } from 'zod';
import { CHECK_CODES, CHECK_MESSAGES, type ArgKind, type CheckMessage } from './check-messages.js';

function argMatches(kind: ArgKind, value: unknown): boolean {
  const o = value as Record<string, unknown> | null;
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'num':
      return typeof value === 'number' && Number.isFinite(value);
    case 'dur':
      return typeof o?.ms === 'number';
    case 'size':
      return typeof o?.bytes === 'number';
    case 'time':
      return typeof o?.at === 'string';
    case 'msg':
      return CheckMessageSchema.safeParse(o?.msg).success;
    case 'list':
      return Array.isArray(o?.list) && o.list.every((m) => CheckMessageSchema.safeParse(m).success);
    case 'problem': {
      const p = o?.problem as Record<string, unknown> | undefined;
      return typeof o?.en === 'string' && typeof p?.code === 'string' && typeof p.params === 'object' && p.params !== null && Object.values(p.params).every((v) => typeof v === 'string');
    }
  }
}

/** A message as stored (checks.json, IPC): the code is known and each argument has its kind. */
export const CheckMessageSchema: z.ZodType<CheckMessage> = z.lazy(() =>
  z
    .object({ code: z.enum(CHECK_CODES), args: z.record(z.string(), z.unknown()).optional() })
    .superRefine((m, ctx) => {
      const spec = CHECK_MESSAGES[m.code] as Record<string, ArgKind>;
      for (const [name, kind] of Object.entries(spec)) {
        if (!argMatches(kind, m.args?.[name])) ctx.addIssue({ code: 'custom', message: `${m.code}: argument "${name}" must be ${kind}` });
      }
      for (const name of Object.keys(m.args ?? {})) if (!(name in spec)) ctx.addIssue({ code: 'custom', message: `${m.code}: unknown argument "${name}"` });
    }) as unknown as z.ZodType<CheckMessage>,
);
