/**
 * What the checklist (基础检查清单) says, as codes with typed arguments — never as sentences.
 * The engine's checks produce these; every surface (CLI, summary page, checks.json's English
 * rendering, e-mail draft, ticket note, the app) renders them through the one catalogue
 * (shared/i18n/messages.ts, keys `check.<code>`) with shared/i18n/check-text.ts. The same idea
 * as shared/reasons.ts, for a larger vocabulary: each code declares its arguments' kinds once,
 * here; the TypeScript types and the zod validation (check-message-schema.ts) both come from that
 * table. No zod here: the checks build messages in commands that never validate any.
 */

/**
 * Argument kinds: `text` (a name, address, version, command — shown as is), `num` (a count or a
 * percentage), `dur` (milliseconds, formatted by locale), `size` (bytes), `time` (an ISO moment,
 * local time with the offset), `msg` (a nested message), `list` (messages joined as the language
 * joins clauses), `problem` (a coded refusal of shared/input-errors.ts, rendered from the
 * catalogue's `input.<code>`, its English text kept for a code the catalogue does not know).
 */
export type ArgKind = 'text' | 'num' | 'dur' | 'size' | 'time' | 'msg' | 'list' | 'problem';

const TEXT = 'text' as const;
const NUM = 'num' as const;
const DUR = 'dur' as const;
const SIZE = 'size' as const;
const TIME = 'time' as const;
const MSG = 'msg' as const;
const LIST = 'list' as const;
const PROBLEM = 'problem' as const;

/** Every check message and its arguments. The catalogue has `check.<code>` for each. */
export const CHECK_MESSAGES = {
  // Raw technical text inside a list (an address); never a sentence.
  plain: { text: TEXT },

  // — Titles —
  'title.gateway': {},
  'title.dns': {},
  'title.dns-system': {},
  'title.dns-server': { server: TEXT },
  'title.dns-servers': {},
  'title.proxy': {},
  'title.endpoints': {},
  'title.endpoint': { name: TEXT },
  'title.captive-portal': {},
  'title.product-version': {},
  'title.product': { name: TEXT },
  'title.os-version': {},
  'title.browsers': {},
  'title.disk-space': {},
  'title.memory': {},
  'title.clock': {},
  'title.uptime': {},
  'title.pending-reboot': {},
  'title.connection-evidence': {},
  'title.connection': { name: TEXT },
  'title.triage': { type: MSG },

  // — The checklist's groups —
  'group.network': {},
  'group.version': {},
  'group.environment': {},
  'group.restart': {},

  // — The runner —
  'runner.platform': { platform: TEXT },
  'runner.disabled': {},
  'runner.cancelled': {},
  'runner.timeout': { timeout: DUR },
  /** `error`: an error code or name (ENOENT, TypeError); the message stays in data.error. */
  'runner.error': { error: TEXT },

  // — Advice: the support guide's paths and the checklist's own steps —
  'advice.checkNetworkConfig': {},
  'advice.restartRouter': {},
  'advice.changeNetwork': {},
  'advice.checkFirewall': {},
  'advice.checkDnsServers': {},
  'advice.checkProxy': {},
  'advice.loginCaptivePortal': {},
  'advice.checkPermissions': {},
  'advice.restoreDefaults': {},
  'advice.logInAgain': {},
  'advice.clearCache': {},
  'advice.closeBackground': {},
  'advice.checkDns': {},
  'advice.updateSoftware': {},
  'advice.updateBrowser': {},
  'advice.installBrowser': {},
  'advice.upgradeOs': {},
  'advice.freeDiskSpace': {},
  'advice.syncClock': {},
  'advice.restartComputer': {},
  'advice.serverFault': {},
  'advice.checkEndpointUrl': {},
  'advice.addMemory': {},
  'advice.installProduct': {},
  'advice.retryNetwork': {},

  // — HTTP probes (support/http-probe.ts) —
  'probe.noError': {},
  'probe.viaProxy': { problem: MSG, proxy: TEXT },
  'probe.timeout.dns': { timeout: DUR },
  'probe.timeout.connect': { timeout: DUR },
  'probe.timeout.proxy': { timeout: DUR },
  'probe.timeout.tls': { timeout: DUR },
  'probe.timeout.response': { timeout: DUR },
  'probe.timeout.body': { timeout: DUR },
  'probe.notFound': {},
  'probe.dnsAgain': {},
  'probe.refused': {},
  'probe.reset': {},
  'probe.unreachable': {},
  'probe.badHttp': { code: TEXT },
  'probe.certificate': { code: TEXT },
  'probe.other': { phase: TEXT, code: TEXT },
  'probe.proxyUnsupported': { protocol: TEXT },
  'probe.proxyStatus': { status: TEXT },
  'probe.step.dns': { took: DUR },
  'probe.step.tcp': { took: DUR },
  'probe.step.proxy': { took: DUR },
  'probe.step.tls': { took: DUR },
  'probe.step.firstByte': { took: DUR },
  'probe.through': { proxy: TEXT },
  'probe.steps': { steps: LIST },

  // — Default gateway —
  'gateway.unreadable': {},
  'gateway.none': {},
  'gateway.ping': { gateway: TEXT },
  'gateway.neighbour': { gateway: TEXT },
  'gateway.tcp': { gateway: TEXT, port: NUM, took: DUR },
  'gateway.link': { gateway: TEXT, ports: TEXT },
  'gateway.unreachable': { gateway: TEXT },
  'gateway.silent': { gateway: TEXT, ports: TEXT, timeout: DUR },
  'gateway.ipv6Slow': {},

  // — DNS —
  'dns.ok': { name: TEXT, addresses: TEXT, took: DUR },
  'dns.nxdomain': { name: TEXT },
  'dns.nodata': { name: TEXT },
  'dns.timeout': { name: TEXT, timeout: DUR },
  'dns.refused': { name: TEXT, code: TEXT },
  'dns.servfail': { name: TEXT },
  'dns.error': { name: TEXT, code: TEXT },
  'dns.filtered': { probe: TEXT },
  'dns.slow': { slowest: DUR, limit: DUR },
  'dns.noServers': {},

  // — Proxy —
  'proxy.none': {},
  'proxy.noneUnreadable': {},
  'proxy.inUse': { parts: LIST },
  'proxy.env.connected': { proxy: TEXT, variables: TEXT, took: DUR },
  'proxy.env.refused': { proxy: TEXT, variables: TEXT },
  'proxy.env.timeout': { proxy: TEXT, variables: TEXT, timeout: DUR },
  'proxy.env.unreachable': { proxy: TEXT, variables: TEXT, code: TEXT },
  'proxy.invalid': { variable: TEXT },
  'proxy.noProxy': { hosts: TEXT },
  'proxy.desktop.connected': { source: TEXT, proxy: TEXT, took: DUR },
  'proxy.desktop.refused': { source: TEXT, proxy: TEXT },
  'proxy.desktop.timeout': { source: TEXT, proxy: TEXT, timeout: DUR },
  'proxy.desktop.unreachable': { source: TEXT, proxy: TEXT, code: TEXT },
  'proxy.desktop.direct': {},
  'proxy.pac': { source: TEXT, url: TEXT },
  'proxy.wpad': { source: TEXT },

  // — Endpoints —
  'endpoints.notConfigured': {},
  'endpoints.answer': { status: NUM, took: DUR, steps: LIST },
  'endpoints.serverError': { answer: MSG },
  'endpoints.badAddress': { answer: MSG },
  'endpoints.slow': { limit: DUR, answer: MSG },

  // — Captive portal —
  'captive.notConfigured': {},
  'captive.unreachable': { why: MSG },
  'captive.ok': { status: NUM, took: DUR },
  'captive.content': { got: TEXT },
  'captive.status': { got: TEXT, expected: NUM },
  'captive.intercepted': { what: MSG },

  // — Product version —
  'product.notConfigured': {},
  'product.versionHttp': { status: NUM },
  'product.versionJson': {},
  'product.latestProblem': { why: MSG },
  'product.notInstalled': { why: TEXT },
  'product.unreadable': { why: TEXT },
  'product.older': { installed: TEXT, minimum: TEXT },
  'product.update.latest': { installed: TEXT, version: TEXT },
  'product.update.recommended': { installed: TEXT, version: TEXT },
  'product.installed': { installed: TEXT },
  'product.noTargets': { installed: TEXT },
  'product.ok': { installed: TEXT, compared: LIST },
  'product.target.minimum': { version: TEXT },
  'product.target.recommended': { version: TEXT },
  'product.target.latest': { version: TEXT },

  // — Operating system —
  'os.noList': { os: TEXT },
  'os.notListed': { os: TEXT, list: TEXT },
  'os.older': { os: TEXT, min: TEXT },
  'os.unknownVersion': { os: TEXT, min: TEXT },
  'os.ok': { os: TEXT, list: TEXT },

  // — Browsers —
  'browsers.none': {},
  'browsers.installed': { list: TEXT },
  'browsers.ok': { browser: TEXT, min: TEXT },
  'browsers.older': { browser: TEXT, min: TEXT },
  'browsers.noneSupported': { supported: TEXT },
  'browsers.alsoInstalled': { list: TEXT },

  // — Disk space —
  'disk.unreadable': { problems: TEXT },
  'disk.volume': { path: TEXT, role: MSG, free: SIZE, total: SIZE, percent: NUM },
  /** Said after a volume whose used + free falls well short of its size (shared/figures.ts diskOtherBytes). */
  'disk.other': { size: SIZE },
  'disk.role.system': {},
  'disk.role.home': {},
  'disk.role.temp': {},
  'disk.role.other': {},
  'disk.limits': { warn: NUM, fail: NUM, failSize: SIZE },

  // — Memory —
  'memory.figures': { available: SIZE, total: SIZE, percent: NUM, swap: MSG },
  'memory.swap': { used: SIZE, total: SIZE },
  'memory.noSwap': {},
  'memory.paging': {},
  'memory.stall': { percent: NUM },
  'memory.limits': { warn: NUM, fail: NUM },

  // — Clock —
  'clock.ntpOk': {},
  'clock.ntpOff': {},
  'clock.noSource': {},
  'clock.noTime': { url: TEXT, why: MSG },
  'clock.noDateHeader': {},
  'clock.skew': { skew: MSG, local: TIME, server: TIME, roundTrip: DUR },
  'clock.match': {},
  'clock.behind': { amount: DUR },
  'clock.ahead': { amount: DUR },

  // — Uptime —
  'uptime.long': { up: DUR, since: TIME, limit: NUM },
  'uptime.ok': { up: DUR, since: TIME },

  // — Pending restart —
  'reboot.updates': {},
  'reboot.updatesWith': { packages: TEXT },
  'reboot.needsRestarting': {},
  'reboot.kernel': { kernel: TEXT, installed: TEXT },
  'reboot.none': { looked: TEXT },
  'reboot.win.cbs': {},
  'reboot.win.windows-update': {},
  'reboot.win.file-rename': { count: NUM },
  'reboot.win.unreadable': {},
  'reboot.win.none': {},
  'reboot.mac.unreadable': {},
  'reboot.mac.updates': { names: TEXT },
  'reboot.mac.others': { count: NUM },
  'reboot.mac.none': {},

  // — 连接问题 evidence (connection.ts) —
  'connection.notRequested': {},
  'connection.noEndpoints': {},
  'connection.dns.literal': { host: TEXT },
  'connection.dns.noResolvers': {},
  'connection.dns.answer': { server: TEXT, addresses: TEXT, took: DUR },
  'connection.dns.failed': { server: TEXT, code: TEXT },
  'connection.direct.viaProxy': { proxy: TEXT },
  'connection.direct.noAddress': {},
  'connection.tcp.ok': { address: TEXT, port: NUM, took: DUR },
  'connection.tcp.failed': { address: TEXT, port: NUM, outcome: TEXT },
  'connection.tls.ok': { protocol: TEXT, issuer: TEXT, expires: TIME },
  'connection.tls.enterpriseCa': { issuer: TEXT },
  'connection.tls.expired': { expired: TIME },
  'connection.tls.notYet': { from: TIME },
  'connection.tls.wrongName': { host: TEXT, names: TEXT },
  'connection.tls.privateCa': { issuer: TEXT },
  'connection.tls.failed': { code: TEXT },
  'connection.tls.skipped': {},
  'connection.http.direct': { status: NUM, took: DUR },
  'connection.http.proxy': { status: NUM, took: DUR, proxy: TEXT },
  'connection.http.failed': { why: MSG },

  // — The guide's path for the reported problem type (triage.ts) —
  'problem.connection': {},
  'problem.malfunction': {},
  'problem.slow': {},
  'triage.basis.dns': {},
  'triage.basis.gateway': {},
  'triage.basis.server': {},
  'triage.basis.certificate': {},
  'triage.basis.proxy': {},
  'triage.basis.login': {},
  'triage.basis.memory': {},
  'triage.basis.disk': {},
  'triage.basis.slowDns': {},
  'triage.basis.none': {},

  // — Compared with the fleet (checks/fleet.ts, the signed baseline of electron/engine/baseline) —
  'title.fleet': {},
  'fleet.fact.dns': {},
  'fleet.fact.proxy': {},
  'fleet.fact.gatewayPrefix': {},
  'fleet.fact.os': {},
  'fleet.fact.kernel': {},
  'fleet.fact.timeZone': {},
  'fleet.fact.browser': { name: TEXT },
  'fleet.fact.product': { name: TEXT },
  'fleet.fact.check': { name: TEXT },
  'fleet.noProxy': {},
  'fleet.notConfigured': {},
  'fleet.unavailable': { reason: TEXT },
  // The baseline refused with a coded problem (its words in the reader's language); the text form
  // above stays readable in archives made before it.
  'fleet.baselineProblem': { problem: PROBLEM },
  'fleet.usual': { archives: NUM },
  /** `share`, `majorityShare`: percentages as written ("2%"). */
  'fleet.unusual': { fact: MSG, value: MSG, share: TEXT, majorityShare: TEXT, majority: MSG },
  'fleet.unusualRare': { fact: MSG, value: MSG, k: NUM, majorityShare: TEXT, majority: MSG },
  'advice.fleetNetwork': { fact: MSG },
  'user.fleet.unusual': {},

  // — For the user (the app): one plain sentence and at most one action; no jargon —
  'user.action.contactIt': {},
  'user.action.restartRouter': {},
  'user.action.changeNetwork': {},
  'user.action.checkProxy': {},
  'user.action.tryLater': {},
  'user.action.loginNetwork': {},
  'user.action.updateProduct': { name: TEXT },
  'user.action.installProduct': { name: TEXT },
  'user.action.updateBrowser': {},
  'user.action.installBrowser': {},
  'user.action.freeDisk': {},
  'user.action.closePrograms': {},
  'user.action.setTime': {},
  'user.action.restart': {},
  'user.gateway.ok': {},
  'user.gateway.down': {},
  'user.gateway.unsure': {},
  'user.dns.ok': {},
  'user.dns.down': {},
  'user.dns.slow': {},
  'user.proxy.ok': {},
  'user.proxy.down': {},
  'user.endpoint.ok': { name: TEXT },
  'user.endpoint.down': { name: TEXT },
  'user.endpoint.certificate': { name: TEXT },
  'user.endpoint.slow': { name: TEXT },
  'user.endpoint.serverError': { name: TEXT },
  'user.captive.ok': {},
  'user.captive.login': {},
  'user.product.ok': { name: TEXT },
  'user.product.old': { name: TEXT },
  'user.product.update': { name: TEXT },
  'user.product.missing': { name: TEXT },
  'user.product.unknown': { name: TEXT },
  'user.os.ok': {},
  'user.os.unsupported': {},
  'user.browsers.ok': {},
  'user.browsers.none': {},
  'user.browsers.old': {},
  'user.disk.ok': {},
  'user.disk.low': {},
  'user.memory.ok': {},
  'user.memory.low': {},
  'user.clock.ok': {},
  'user.clock.wrong': {},
  'user.uptime.ok': {},
  'user.uptime.long': { days: NUM },
  'user.reboot.none': {},
  'user.reboot.pending': {},
  'user.timeout': {},
  'user.notChecked': {},
  'user.connection.ok': { name: TEXT },
  'user.connection.certificate': { name: TEXT },
  'user.connection.down': { name: TEXT },
  'user.triage.connection': {},
  'user.triage.malfunction': {},
  'user.triage.slow': {},
  'user.action.checkNetwork': {},
  'user.action.logInAgain': {},
  'user.action.clearCache': {},
} as const satisfies Record<string, Record<string, ArgKind>>;

export type CheckCode = keyof typeof CHECK_MESSAGES;
export const CHECK_CODES = Object.keys(CHECK_MESSAGES) as [CheckCode, ...CheckCode[]];

/** A message: its code and arguments. */
export interface CheckMessage {
  code: CheckCode;
  args?: Record<string, CheckArg>;
}

export type CheckArg = string | number | { ms: number } | { bytes: number } | { at: string } | { msg: CheckMessage } | { list: CheckMessage[]; sep?: ListSeparator } | ProblemArg;

/** A coded refusal as an argument: code and parameters, and the engine's English text. */
export interface ProblemArg {
  problem: { code: string; params: Record<string, string> };
  en: string;
}

/** How a list's items are joined: clauses (；/ ; ), items (，/ , ) or steps ( · ). */
export type ListSeparator = 'semicolon' | 'comma' | 'dot';

type ArgOf<K extends ArgKind> = K extends 'text'
  ? string
  : K extends 'num'
    ? number
    : K extends 'dur'
      ? { ms: number }
      : K extends 'size'
        ? { bytes: number }
        : K extends 'time'
          ? { at: string }
          : K extends 'msg'
            ? { msg: CheckMessage }
            : K extends 'problem'
              ? ProblemArg
              : { list: CheckMessage[]; sep?: ListSeparator };

/** The typed arguments of a code. */
export type CheckArgs<C extends CheckCode> = { -readonly [P in keyof (typeof CHECK_MESSAGES)[C]]: (typeof CHECK_MESSAGES)[C][P] extends ArgKind ? ArgOf<(typeof CHECK_MESSAGES)[C][P]> : never };

/** Builds a message; the compiler checks the arguments against the table above. */
export function cm<C extends CheckCode>(code: C, ...args: keyof CheckArgs<C> extends never ? [] : [CheckArgs<C>]): CheckMessage {
  return args[0] ? { code, args: args[0] as Record<string, CheckArg> } : { code };
}

/** Argument helpers: a duration, a size, a moment, a nested message, a list. */
export const dur = (ms: number) => ({ ms: Math.max(0, ms) });
export const size = (bytes: number) => ({ bytes });
export const at = (date: Date | string) => ({ at: typeof date === 'string' ? date : date.toISOString() });
export const msg = (message: CheckMessage) => ({ msg: message });
export const list = (items: CheckMessage[], sep: ListSeparator = 'semicolon') => ({ list: items, sep });
export const problem = (p: { code: string; params: Record<string, string> }, en: string): ProblemArg => ({ problem: { code: p.code, params: { ...p.params } }, en });
