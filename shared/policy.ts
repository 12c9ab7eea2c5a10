/**
 * The policy: what IT (or a `--policy FILE`) configures. Strict: an unknown key is an error,
 * so a typo never silently falls back to a default.
 */
import { z } from 'zod';
import { ChecksPolicySchema, ProductVersionFields } from './check-policy.js';
import { ArchiveLanguageSchema } from './types.js';

const PathListSchema = z.array(z.string().min(1).max(4096)).max(500);

/**
 * A ticket server's base URL: https, or plain http only on this machine (tests, a local proxy),
 * because the API key travels with every request. No user:password@ in it: secrets never live
 * in the policy (they come from DIAGCOLLECT_<TARGET>_<SECRET> or the credentials file).
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const ServerUrlSchema = z
  .string()
  .max(2048)
  .refine((u) => URL.canParse(u), 'must be an absolute URL such as https://redmine.example.com')
  .refine((u) => !URL.canParse(u) || ['https:', 'http:'].includes(new URL(u).protocol), 'must start with https://')
  .refine((u) => !URL.canParse(u) || new URL(u).protocol === 'https:' || LOOPBACK_HOSTS.has(new URL(u).hostname), 'must use https:// (plain http:// is allowed only for localhost/127.0.0.1)')
  .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'must not contain a user name or password; credentials come from the environment or the credentials file');

/** `upload.redmine`: where Redmine lives; the API key comes from DIAGCOLLECT_REDMINE_API_KEY. */
export const RedmineUploadSchema = z
  .object({
    url: ServerUrlSchema,
    /** Project identifier; when set, only issues of this project are accepted. */
    project: z.string().min(1).max(100).optional(),
  })
  .strict();

/** `upload.rt`: Request Tracker 5 (REST2); the token comes from DIAGCOLLECT_RT_TOKEN. */
export const RtUploadSchema = z
  .object({
    url: ServerUrlSchema,
    /** `comment` (internal, default) or `correspond` (mailed to the requestor). */
    mode: z.enum(['comment', 'correspond']).default('comment'),
  })
  .strict();

/**
 * Upload targets. `outbox` keeps the archive and e-mail draft locally (the default). A new
 * target adds its id here and its own settings object to UploadPolicySchema, like redmine/rt.
 */
export const UPLOAD_TARGETS = ['outbox', 'redmine', 'rt'] as const;
export type UploadTarget = (typeof UPLOAD_TARGETS)[number];

export const UploadPolicySchema = z
  .object({
    target: z.enum(UPLOAD_TARGETS).default('outbox'),
    redmine: RedmineUploadSchema.optional(),
    rt: RtUploadSchema.optional(),
    /** PEM file with an extra CA (company root) trusted besides the system roots. TLS is always verified. */
    caFile: z.string().min(1).max(4096).optional(),
    /** Host names (or `*.example.com`) uploads may go to; unset: any host of the configured target. */
    allowedHosts: z.array(z.string().min(1).max(253)).max(100).optional(),
  })
  .strict()
  .superRefine((upload, ctx) => {
    const target = upload.target;
    if (target !== 'outbox' && !(target in upload)) {
      ctx.addIssue({ code: 'custom', path: [target], message: `upload.target is "${target}", so upload.${target} (at least its url) must be set` });
    }
  });
export type UploadPolicy = z.infer<typeof UploadPolicySchema>;

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
            ...ProductVersionFields,
          })
          .strict(),
      )
      .default([]),
    /** The basic checklist (基础检查清单): endpoints, supported OS and browsers, thresholds. */
    checks: ChecksPolicySchema,
    /** Where the archive goes after it is written: the local outbox (default) or a ticket system. */
    upload: UploadPolicySchema.default({ target: 'outbox' }),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

export const DEFAULT_POLICY: Policy = PolicySchema.parse({});
