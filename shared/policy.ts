/**
 * The policy: what IT (or a `--policy FILE`) configures. Strict: an unknown key is an error,
 * so a typo never silently falls back to a default.
 */
import { z } from 'zod';
import { ChecksPolicySchema, ProductVersionFields } from './check-policy.js';
import { POLICY_PATH_RULE, isPolicyPath, rootWidePathReason } from './policy-paths.js';
import { must, mustIssue } from './policy-must.js';
import { ArchiveLanguageSchema } from './types.js';

export { POLICY_PATH_RULE, isPolicyPath, rootWidePathReason } from './policy-paths.js';

const PolicyPathSchema = z.string().min(1).max(4096).refine(isPolicyPath, must('pathAbsolute', POLICY_PATH_RULE));

/** An app-log or config path: a policy path that is not root-wide. */
const CollectPathSchema = PolicyPathSchema.superRefine((value, ctx) => {
  const why = isPolicyPath(value) ? rootWidePathReason(value) : undefined;
  if (why) ctx.addIssue(mustIssue([], 'pathNotRootWide', why));
});
const PathListSchema = z.array(CollectPathSchema).max(500);

/**
 * An upload host in `upload.allowedHosts`: a DNS name, `*.example.com` (any name below it), an
 * IPv4 address or `[IPv6]`; no scheme, port, path, user or spaces.
 */
export const HOST_PATTERN_RULE = 'must be a host name such as redmine.example.com or *.example.com, an IPv4 address or [IPv6] (no scheme, port, path or spaces)';
export function isHostPattern(value: string): boolean {
  if (/^\[[0-9A-Fa-f:.]+\]$/.test(value)) return value.includes(':');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value.split('.').every((n) => Number(n) <= 255);
  const name = value.startsWith('*.') ? value.slice(2) : value;
  const labels = name.split('.');
  return name.length <= 253 && labels.length >= 1 && labels.every((l) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l)) && !/^\d+$/.test(labels[labels.length - 1]!);
}
export const HostPatternSchema = z.string().min(1).max(253).refine(isHostPattern, must('hostPattern', HOST_PATTERN_RULE));

/**
 * A ticket server's base URL: https, or plain http only on this machine (tests, a local proxy),
 * because the API key travels with every request. No user:password@ in it: secrets never live
 * in the policy (they come from DIAGCOLLECT_<TARGET>_<SECRET> or the credentials file).
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const ServerUrlSchema = z
  .string()
  .max(2048)
  .refine((u) => URL.canParse(u), must('urlAbsolute', 'must be an absolute URL such as https://redmine.example.com'))
  .refine((u) => !URL.canParse(u) || ['https:', 'http:'].includes(new URL(u).protocol), must('urlHttps', 'must start with https://'))
  .refine((u) => !URL.canParse(u) || new URL(u).protocol === 'https:' || LOOPBACK_HOSTS.has(new URL(u).hostname), must('urlHttps', 'must use https:// (plain http:// is allowed only for localhost/127.0.0.1)'))
  .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), must('urlNoCredentials', 'must not contain a user name or password; credentials come from the environment or the credentials file'));

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

/** A host name or IP address for a mail server (no scheme, port, user or spaces). */
const MailHostSchema = z
  .string()
  .min(1)
  .max(253)
  .refine((h) => isHostPattern(h) && !h.startsWith('*.'), must('mailHost', 'must be a host name such as smtp.example.com or an IP address (no scheme, port or spaces)'));
const MailAddressSchema = z.email().max(254);
const LOOPBACK_MAIL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * `upload.smtp`: e-mail the archive to support. The password (when `user` is set) comes from
 * DIAGCOLLECT_SMTP_PASSWORD. `secure`: TLS from the first byte (port 465); otherwise STARTTLS,
 * `required` (default: refuse a server that does not offer it) or `opportunistic`.
 */
export const SmtpUploadSchema = z
  .object({
    host: MailHostSchema,
    port: z.number().int().min(1).max(65535),
    secure: z.boolean().default(false),
    startTls: z.enum(['required', 'opportunistic']).default('required'),
    from: MailAddressSchema,
    to: z.array(MailAddressSchema).min(1).max(20),
    cc: z.array(MailAddressSchema).max(20).optional(),
    /** Login name; unset: no AUTH. */
    user: z.string().min(1).max(256).optional(),
    /** Largest message the server takes (the archive grows by a third in base64); default 20 MB. */
    maxMessageBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(2 * 1024 * 1024 * 1024)
      .default(20 * 1024 * 1024),
  })
  .strict()
  .superRefine((smtp, ctx) => {
    // A password is never sent over a connection that may stay plain text (except to this machine).
    if (smtp.user && !smtp.secure && smtp.startTls !== 'required' && !LOOPBACK_MAIL_HOSTS.has(smtp.host.toLowerCase())) {
      ctx.addIssue(mustIssue(['startTls'], 'smtpPlainPassword', 'with a user (AUTH), startTls must be "required" or secure true: the password must not travel in plain text'));
    }
  });

const MiB = 1024 * 1024;
/** Headers the policy may add to an HTTP PUT (never credentials: those come from the environment). */
const PutHeaderNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/, 'must be an HTTP header name')
  .refine((h) => !['authorization', 'cookie', 'host', 'content-length', 'transfer-encoding', 'proxy-authorization'].includes(h.toLowerCase()), must('headerNotCredential', 'this header is set by diagcollect or is a credential (credentials come from the environment)'));

/**
 * `upload.httpPut`: PUT the archive to object storage. `url` is the object URL with `{ticket}`
 * and `{name}` placeholders (e.g. https://bucket.s3.eu-central-1.amazonaws.com/diag/{ticket}/{name}).
 * A pre-signed URL is a secret and comes from DIAGCOLLECT_HTTP_PUT_URL instead. With `s3`, requests
 * are signed (SigV4, keys from DIAGCOLLECT_HTTP_PUT_ACCESS_KEY_ID / _SECRET_ACCESS_KEY) and
 * `multipart` switches big archives to S3 multipart upload.
 */
export const HttpPutUploadSchema = z
  .object({
    url: ServerUrlSchema.refine((u) => !/[?&](X-Amz-Signature|X-Amz-Credential|Signature|sig)=/i.test(u), must('urlNotPresigned', 'a pre-signed URL is a secret: put it into DIAGCOLLECT_HTTP_PUT_URL, not into the policy')),
    headers: z.record(PutHeaderNameSchema, z.string().max(1024)).optional(),
    /** S3 request signing (SigV4). */
    s3: z.object({ region: z.string().regex(/^[a-z0-9-]{2,32}$/, 'must be an AWS region such as eu-central-1') }).strict().optional(),
    /** S3 multipart upload for archives of `thresholdBytes` or more, in parts of `partBytes` (S3: at least 5 MiB). */
    multipart: z
      .object({
        thresholdBytes: z.number().int().min(5 * MiB),
        partBytes: z
          .number()
          .int()
          .min(5 * MiB)
          .max(5 * 1024 * MiB),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((put, ctx) => {
    if (put.multipart && !put.s3) ctx.addIssue(mustIssue(['multipart'], 'multipartNeedsS3', 'multipart needs s3 (SigV4 signing): each part and the completion are signed requests'));
  });

/** `upload.jira`: Jira Service Management; token from DIAGCOLLECT_JIRA_TOKEN (Cloud: with `user`, the account e-mail; Data Center: a PAT, no user). */
export const JiraUploadSchema = z
  .object({
    url: ServerUrlSchema,
    user: z.string().min(1).max(256).optional(),
    /** Attachment visible to the customer (default: internal). */
    public: z.boolean().default(false),
  })
  .strict();

/** `upload.zendesk`: Zendesk Support; API token from DIAGCOLLECT_ZENDESK_TOKEN for the agent `user` (e-mail). */
export const ZendeskUploadSchema = z
  .object({
    url: ServerUrlSchema,
    user: z.string().min(1).max(256),
    /** Public comment (default: internal note). */
    public: z.boolean().default(false),
  })
  .strict();

/** `upload.servicenow`: ServiceNow; password from DIAGCOLLECT_SERVICENOW_PASSWORD; the ticket is the record number (INC0010001). */
export const ServiceNowUploadSchema = z
  .object({
    url: ServerUrlSchema,
    user: z.string().min(1).max(256),
    table: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,79}$/, 'must be a ServiceNow table name such as incident')
      .default('incident'),
  })
  .strict();

/** `upload.freshdesk`: Freshdesk; API key from DIAGCOLLECT_FRESHDESK_API_KEY. */
export const FreshdeskUploadSchema = z
  .object({
    url: ServerUrlSchema,
    /** Private note (default) or public. */
    private: z.boolean().default(true),
  })
  .strict();

/**
 * Upload targets. `outbox` keeps the archive and e-mail draft locally (the default). A new
 * target adds its id here and its own settings object to UploadPolicySchema, like redmine/rt.
 */
export const UPLOAD_TARGETS = ['outbox', 'redmine', 'rt', 'smtp', 'http-put', 'jira', 'zendesk', 'servicenow', 'freshdesk'] as const;
/** The policy key of a target's settings (`http-put` → `httpPut`). */
export const uploadPolicyKey = (target: string): string => target.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
export type UploadTarget = (typeof UPLOAD_TARGETS)[number];

export const UploadPolicySchema = z
  .object({
    target: z.enum(UPLOAD_TARGETS).default('outbox'),
    redmine: RedmineUploadSchema.optional(),
    rt: RtUploadSchema.optional(),
    smtp: SmtpUploadSchema.optional(),
    httpPut: HttpPutUploadSchema.optional(),
    jira: JiraUploadSchema.optional(),
    zendesk: ZendeskUploadSchema.optional(),
    servicenow: ServiceNowUploadSchema.optional(),
    freshdesk: FreshdeskUploadSchema.optional(),
    /** PEM file with an extra CA (company root) trusted besides the system roots. TLS is always verified. */
    caFile: PolicyPathSchema.optional(),
    /** Host names (or `*.example.com`) uploads may go to; unset: any host of the configured target. */
    allowedHosts: z.array(HostPatternSchema).max(100).optional(),
    /**
     * The credentials reference: a machine-wide credentials file (same format as
     * `<data dir>/credentials.json`, readable only by its owner) used instead of the per-user one.
     * The secret itself never lives in the policy.
     */
    credentialsFile: PolicyPathSchema.optional(),
  })
  .strict()
  .superRefine((upload, ctx) => {
    const target = upload.target;
    const key = uploadPolicyKey(target);
    if (target !== 'outbox' && !(key in upload)) {
      ctx.addIssue(mustIssue([key], 'uploadTargetSection', `upload.target is "${target}", so upload.${key} must be set too (the README lists the keys it needs)`, { target, section: `upload.${key}` }));
    }
  });
export type UploadPolicy = z.infer<typeof UploadPolicySchema>;

/** `redaction`: rules added to the built-in ones (optional rules switched on, IT's own patterns, allow-list). */
export const RedactionPolicySchema = z
  .object({
    /** Optional built-in rules to switch on: ipv4-public, ipv6-public, mac-address, hostname. */
    optionalRules: z.array(z.string().min(1).max(64)).max(50).default([]),
    /** IT's own patterns: regex source, flags (i, m, s, u), placeholder kind (default SECRET). */
    extraRules: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a kebab-case id such as employee-id').max(64),
            pattern: z.string().min(1).max(1000),
            flags: z.string().regex(/^[imsu]*$/, 'flags may only be i, m, s and u').max(4).optional(),
            placeholder: z.string().regex(/^[A-Za-z][A-Za-z0-9 _-]*$/, 'must be a word such as EMPLOYEE-ID').max(40).optional(),
            /** A validator of the built-in rule table by name (`luhn`, `notMeasurement`, `cnIdNumber` …): a match it rejects is kept. */
            validator: z.string().regex(/^[A-Za-z]+$/, 'must be a validator name such as luhn').max(40).optional(),
            /** Words one of which must stand just before a match (`工号`, `employee`). */
            context: z.array(z.string().min(1).max(40)).max(20).optional(),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    /** Regex sources: a match that also fully matches one of these is kept. */
    allow: z.array(z.string().min(1).max(1000)).max(100).default([]),
  })
  .strict();

/** Ed25519 public key: PEM (`-----BEGIN PUBLIC KEY-----`) or base64 of the raw 32 bytes or of the DER SPKI. */
export const LinkPublicKeySchema = z
  .string()
  .min(40)
  .max(1000)
  .refine((k) => /^-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\s]+-----END PUBLIC KEY-----\s*$/.test(k.trim()) || /^[A-Za-z0-9+/]{43}=$|^[A-Za-z0-9+/]{59}=$/.test(k.trim()), must('publicKey', 'must be an Ed25519 public key: PEM, or base64 as printed by `diagcollect link keygen`'));

export const LinkSigningPolicySchema = z
  .object({
    publicKeys: z.array(LinkPublicKeySchema).max(10).default([]),
    /** A link valid for longer than this is refused even when signed. */
    maxLifetimeHours: z.number().int().min(1).max(8760).default(720),
  })
  .strict();

export const DistributionPolicySchema = z
  .object({
    /**
     * Download address of the portable build; `{ticket}` is replaced by the ticket, e.g.
     * `https://downloads.example.com/diagcollect/DiagnosticsCollector_{ticket}.exe`. Without
     * `{ticket}` the file name `DiagnosticsCollector_<ticket>.exe` is appended.
     */
    downloadUrl: ServerUrlSchema,
  })
  .strict();

/** The intake's problem types (shared/types.ts ProblemTypeSchema; not imported: types.ts imports this file). */
const PolicyProblemTypeSchema = z.enum(['connection', 'malfunction', 'slow', 'other']);

/**
 * `securityLogs` (安全日志: Linux auth log, Windows Security event log, macOS authentication
 * subsystems): off by default for privacy. `enabled` takes them in every collection; otherwise
 * only when the intake's problem type is one of `problemTypes`. Windows needs elevation for the
 * Security log: `windowsElevatedPath` names the elevated way IT configured (a scheduled task, a
 * software-centre entry), shown to the user when diagcollect runs without it.
 */
export const SecurityLogsPolicySchema = z
  .object({
    enabled: z.boolean().default(false),
    problemTypes: z.array(PolicyProblemTypeSchema).max(4).default([]),
    windowsElevatedPath: z.string().min(1).max(500).optional(),
  })
  .strict();

/** `{ config, defaults }`: a product's configuration file and the file with its default values. */
const ConfigDefaultsSchema = z.object({ config: PolicyPathSchema, defaults: PolicyPathSchema }).strict();

/**
 * `triage`: the extra evidence each problem type adds (issue 18). `sampleSeconds`: length of the
 * 运行缓慢 resource sample; `configDefaults`: config files compared with their defaults
 * (功能异常); `productPaths`: the product's install and data folders whose permissions are
 * listed (besides configPaths and appLogPaths); `processNames`: the product's process names whose
 * crash reports are collected (default: the products' versionCommand programs).
 */
export const TriagePolicySchema = z
  .object({
    sampleSeconds: z.number().int().min(1).max(90).default(30),
    configDefaults: z.array(ConfigDefaultsSchema).max(50).default([]),
    productPaths: PathListSchema.default([]),
    processNames: z
      .array(z.string().regex(/^[\p{L}\p{N}_ .+-]{1,100}$/u, 'must be a process name such as xxsoftware or XXSoftware.exe'))
      .max(50)
      .default([]),
  })
  .strict();
export type TriagePolicy = z.infer<typeof TriagePolicySchema>;

/**
 * The fleet baseline (`diagcollect baseline build`): a file IT places or an https address, each
 * with an Ed25519 signature beside it (`<file>.sig`, `<url>.sig`) checked against
 * `linkSigning.publicKeys` — the keys that already sign support links.
 */
export const BaselinePolicySchema = z
  .object({
    file: PolicyPathSchema.optional(),
    url: ServerUrlSchema.optional(),
    /** A value used by fewer than this share of desktops (percent) is reported as unusual. */
    outlierPercent: z.number().min(0.1).max(50).default(5),
  })
  .strict()
  .refine((b) => !(b.file && b.url), must('baselineOneSource', 'set baseline.file or baseline.url, not both'));

export const NetworkFilesPolicySchema = z
  .object({
    resolvConf: PolicyPathSchema.optional(),
    hosts: PolicyPathSchema.optional(),
  })
  .strict();

/**
 * `record`: 复现录制 (issue 16). `maxMinutes`: a recording stops by itself after this long
 * (`diagcollect record --minutes` may ask for less; for more only when no managed policy set
 * this key); `intervalSeconds`: a picture this often where clicks cannot be seen (no input
 * hook); `screenshots`: pictures during a recording at all (they also need `screenshotAllowed`
 * and the user's consent, as the single screenshot does).
 */
export const RecordPolicySchema = z
  .object({
    maxMinutes: z.number().int().min(1).max(120).default(10),
    intervalSeconds: z.number().int().min(2).max(600).default(10),
    screenshots: z.boolean().default(true),
  })
  .strict();
export type RecordPolicy = z.infer<typeof RecordPolicySchema>;

export const PolicySchema = z
  .object({
    /** Names and entry names of the archive; zh-CN by the support team's standard. */
    archiveLanguage: ArchiveLanguageSchema.default('zh-CN'),
    /** `{ticket}_{label}_{timestamp}_{host}.zip` fields. */
    archiveNameTemplate: z
      .string()
      .max(200)
      .refine((t) => t.includes('{ticket}'), must('templateTicket', 'the archive-name template must contain {ticket}'))
      .refine((t) => !/[\\/]/.test(t), must('templateNoSeparator', 'the archive-name template must not contain a path separator'))
      .optional(),
    /** Whole-session deadline in seconds; unfinished collectors are recorded as timed out. */
    deadlineSeconds: z.number().int().min(5).max(3600).default(60),
    /** How many collectors run at once. */
    concurrency: z.number().int().min(1).max(16).default(4),
    /** Default time window for logs, e.g. "24h", "90m", "7d". */
    since: z.string().regex(/^\d+[mhd]$/, 'since must look like 90m, 24h or 7d').default('24h'),
    disabledCollectors: z.array(z.string().min(1).max(64)).max(100).default([]),
    /** Screenshot is opt-in; policy may forbid it entirely. */
    screenshotAllowed: z.boolean().default(true),
    appLogPaths: PathListSchema.default([]),
    configPaths: PathListSchema.default([]),
    /**
     * Windows event logs exported for the log window (wevtutil epl, plus a text rendering), e.g.
     * "System", "Application", "Microsoft-Windows-PowerShell/Operational".
     */
    windowsEventLogs: z
      .array(z.string().min(1).max(256).regex(/^[\p{L}\p{N}_ .()/-]+$/u, 'must be an event log name such as System or Microsoft-Windows-PowerShell/Operational'))
      .max(50)
      .default(['System', 'Application']),
    /**
     * macOS unified log filter (`log show --predicate`); the whole unified log for a day is
     * gigabytes, so by default only errors and faults. An empty string takes every message.
     */
    macosLogPredicate: z.string().max(4096).default('messageType == error OR messageType == fault'),
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
            versionCommand: z.array(z.string().max(4096)).min(1).max(50).optional(),
            /** Package to ask for: Debian/RPM package, macOS pkgutil id, or Windows program (DisplayName in the Uninstall registry keys). */
            package: z.string().max(200).optional(),
            ...ProductVersionFields,
          })
          .strict(),
      )
      .max(50)
      .default([]),
    /** The basic checklist (基础检查清单): endpoints, supported OS and browsers, thresholds. */
    checks: ChecksPolicySchema,
    /** Where the archive goes after it is written: the local outbox (default) or a ticket system. */
    upload: UploadPolicySchema.default({ target: 'outbox' }),
    /** Screenshot switched on and locked in the app (needs screenshotAllowed); the user still sees it before sending. */
    screenshotRequired: z.boolean().optional(),
    /** UI language; unset: the system's language. */
    language: ArchiveLanguageSchema.optional(),
    /** IT's additions to the built-in redaction (electron/engine/redact). */
    redaction: RedactionPolicySchema.optional(),
    /** Public keys that sign the support agent's `diagcollect://` links; no key: every link is refused. */
    linkSigning: LinkSigningPolicySchema.optional(),
    /** Where users without the app download it (`diagcollect link` prints the link). */
    distribution: DistributionPolicySchema.optional(),
    /** Security logs (安全日志): off by default for privacy (issue 18). */
    securityLogs: SecurityLogsPolicySchema.default({ enabled: false, problemTypes: [] }),
    /** Per-problem-type evidence: sample length, config defaults, product paths and processes (issue 18). */
    triage: TriagePolicySchema.default({ sampleSeconds: 30, configDefaults: [], productPaths: [], processNames: [] }),
    /** The fleet baseline this desktop is compared with (electron/engine/baseline; issue 17). */
    baseline: BaselinePolicySchema.optional(),
    /** Read the DNS settings and the hosts file from these files instead of the system's (test benches, containers). */
    networkFiles: NetworkFilesPolicySchema.optional(),
    /** 复现录制: time limit, picture interval without the input hook, pictures on/off (issue 16). */
    record: RecordPolicySchema.default({ maxMinutes: 10, intervalSeconds: 10, screenshots: true }),
  })
  .strict()
  .superRefine((policy, ctx) => {
    if (policy.screenshotRequired && !policy.screenshotAllowed) {
      ctx.addIssue(mustIssue(['screenshotRequired'], 'screenshotRequiredAllowed', 'screenshotRequired is true but screenshotAllowed is false: allow screenshots or do not require them'));
    }
  });

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

/** The defaults, written out without zod (see default-policy.ts; a test keeps it equal to `PolicySchema.parse({})`). */
export { DEFAULT_POLICY } from './default-policy.js';
