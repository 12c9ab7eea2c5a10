/**
 * The policy: what IT (or a `--policy FILE`) configures. Strict: an unknown key is an error,
 * so a typo never silently falls back to a default.
 */
import { z } from 'zod';
import { ArchiveLanguageSchema } from './types.js';

const PathListSchema = z.array(z.string().min(1).max(4096)).max(500);

export const PolicySchema = z
  .object({
    /** Names and entry names of the archive; zh-CN by the support team's standard. */
    archiveLanguage: ArchiveLanguageSchema.default('zh-CN'),
    /** `{ticket}_{label}_{timestamp}_{host}.zip` fields. */
    archiveNameTemplate: z
      .string()
      .max(200)
      .refine((t) => t.includes('{ticket}'), 'the archive-name template must contain {ticket}')
      .refine((t) => !/[\\/]/.test(t), 'the archive-name template must not contain a path separator')
      .optional(),
    /** Whole-session deadline in seconds; unfinished collectors are recorded as timed out. */
    deadlineSeconds: z.number().int().min(5).max(3600).default(60),
    /** How many collectors run at once. */
    concurrency: z.number().int().min(1).max(16).default(4),
    /** Default time window for logs, e.g. "24h", "90m", "7d". */
    since: z.string().regex(/^\d+[mhd]$/, 'since must look like 90m, 24h or 7d').default('24h'),
    disabledCollectors: z.array(z.string()).default([]),
    /** Screenshot is opt-in; policy may forbid it entirely. */
    screenshotAllowed: z.boolean().default(true),
    appLogPaths: PathListSchema.default([]),
    configPaths: PathListSchema.default([]),
    caps: z
      .object({
        /** Per file: the newest bytes are kept (logs) or the file is skipped (structured). */
        fileBytes: z.number().int().min(1024).max(2 ** 31).default(20 * 1024 * 1024),
        /** Per collector, over all its files. */
        collectorBytes: z.number().int().min(1024).max(2 ** 34).default(200 * 1024 * 1024),
        /** Files considered per glob/folder, newest first. */
        filesPerPath: z.number().int().min(1).max(100_000).default(200),
        /** System journal output. */
        systemLogBytes: z.number().int().min(1024).max(2 ** 31).default(50 * 1024 * 1024),
      })
      .strict()
      .default({ fileBytes: 20 * 1024 * 1024, collectorBytes: 200 * 1024 * 1024, filesPerPath: 200, systemLogBytes: 50 * 1024 * 1024 }),
    /** The support target's own software whose versions are reported. */
    products: z
      .array(
        z
          .object({
            name: z.string().min(1).max(200),
            /** A command whose first line of output is the version, e.g. ["myapp", "--version"]. */
            versionCommand: z.array(z.string()).min(1).optional(),
            /** Debian/RPM package name to ask the package manager for. */
            package: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

export const DEFAULT_POLICY: Policy = PolicySchema.parse({});
