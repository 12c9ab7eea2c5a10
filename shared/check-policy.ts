/**
 * Policy keys of the basic checklist (基础检查清单): `policy.checks`, and the version fields of
 * `policy.products[]`. Every key is optional; the empty policy still checks the gateway, DNS,
 * disk, memory, uptime and pending restarts. Strict like the rest of the policy.
 */
import { z } from 'zod';
import { must } from './policy-must.js';
import { BROWSER_NAMES } from './vocabulary.js';

/** An absolute http:// or https:// URL. */
export const HttpUrlSchema = z
  .string()
  .max(2048)
  .refine((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol), must('urlHttpOrHttps', 'must be an absolute http:// or https:// URL'));

/** `1.2.3`, `v2.0`, `10.0.19045`, `1.2.3-rc1`: digits first, dot-separated. */
export const VersionTextSchema = z
  .string()
  .max(100)
  .regex(/^[vV]?\d+(\.\d+){0,5}([-+~][0-9A-Za-z.+~-]*)?$/, 'must be a version such as 1.2.3, v2.0 or 10.0.19045');

/** A DNS name to resolve (no scheme, no port). */
const HostNameSchema = z
  .string()
  .max(253)
  .regex(/^(?!-)[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*\.?$/, 'must be a host name such as portal.example.com');

export { BROWSER_NAMES, type BrowserName } from './vocabulary.js';

const percent = (fallback: number) => z.number().min(0).max(100).default(fallback);

export const ChecksPolicySchema = z
  .object({
    /** Check ids not to run (see `diagcollect check --json`). */
    disabled: z.array(z.string().min(1).max(100)).max(100).default([]),
    /** Servers the product needs (support portal, product servers): TCP, TLS and HTTP with timings. */
    endpoints: z
      .array(z.object({ name: z.string().min(1).max(100), url: HttpUrlSchema }).strict())
      .max(50)
      .default([]),
    /** Names that must resolve; default: the endpoints' host names, else example.com (reserved, always exists). */
    dnsNames: z.array(HostNameSchema).max(20).default([]),
    /** A URL that answers a known status (and body) when no captive portal (hotel/guest Wi-Fi login) intercepts. */
    captivePortal: z
      .object({
        url: HttpUrlSchema,
        status: z.number().int().min(100).max(599).default(204),
        bodyIncludes: z.string().max(1000).optional(),
      })
      .strict()
      .optional(),
    /** Clock skew is measured against this server's HTTP `Date` header; default: the first endpoint. */
    timeUrl: HttpUrlSchema.optional(),
    /** Supported operating systems: `id` is os-release `ID` (debian, ubuntu, uos, kylin …), `windows` or `macos`. */
    supportedOs: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a lower-case OS id such as debian, ubuntu, windows or macos').max(64),
            minVersion: VersionTextSchema.optional(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    /** Supported browsers and their minimum versions; empty: installed browsers are only listed. */
    browsers: z
      .array(z.object({ name: z.enum(BROWSER_NAMES), minVersion: VersionTextSchema }).strict())
      .max(10)
      .default([]),
    /** Free space on the system, home and temporary folders' file systems. */
    disk: z
      .object({ warnPercent: percent(10), failPercent: percent(2), failBytes: z.number().int().min(0).default(1024 ** 3) })
      .strict()
      .refine((d) => d.failPercent <= d.warnPercent, must('failNotAboveWarn', 'disk.failPercent must not be above disk.warnPercent', { section: 'checks.disk' }))
      .prefault({}),
    /** Available memory as a share of the total. */
    memory: z
      .object({ warnPercent: percent(15), failPercent: percent(5) })
      .strict()
      .refine((m) => m.failPercent <= m.warnPercent, must('failNotAboveWarn', 'memory.failPercent must not be above memory.warnPercent', { section: 'checks.memory' }))
      .prefault({}),
    /** Clock difference to the time server. */
    clockSkew: z
      .object({ warnSeconds: z.number().min(1).default(60), failSeconds: z.number().min(1).default(300) })
      .strict()
      .prefault({}),
    /** A computer up longer than this is advised to restart (重启验证). */
    uptimeWarnDays: z.number().int().min(1).max(3650).default(30),
    /** Time each network probe (a DNS query, a TCP connection, an HTTP request) may take. */
    probeTimeoutMs: z.number().int().min(200).max(8000).default(3000),
    /** A DNS answer or HTTP response slower than this is a warning (运行缓慢). */
    slowMs: z.number().int().min(50).max(60_000).default(1500),
    /**
     * IT manages this computer's network, software and clock settings (proxy and DNS by policy,
     * GPO or DHCP; installs by IT): the app tells the user to contact IT instead of changing them.
     */
    managedNetwork: z.boolean().default(false),
  })
  .strict()
  .prefault({});
export type ChecksPolicy = z.infer<typeof ChecksPolicySchema>;

/** Version fields of `policy.products[]`, compared with the installed version by the version check. */
export const ProductVersionFields = {
  /** Older than this: update advised (warning). */
  recommendedVersion: VersionTextSchema.optional(),
  /** Older than this: not supported (failure). */
  minimumVersion: VersionTextSchema.optional(),
  /** URL answering JSON `{ "version": "2.4.1" }`: the latest version. */
  versionUrl: HttpUrlSchema.optional(),
};
