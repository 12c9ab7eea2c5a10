/**
 * sos25 (session 23): the redaction worker's warm-up. The first text a rule set redacts costs
 * ~0.2 s of CPU however short it is (measured: a 290-character versions page, 213 ms; the same
 * page again, 2 ms): V8 compiles each regular expression when it first runs, and again to
 * machine code when it runs once more — the prefilter's and the line engine's largest ones run
 * on every line. A worker started ahead of its collection (redact-worker.ts) waits ~0.5–1 s for
 * its first item; it spends part of that wait redacting the sample below, so the collection's
 * first item finds the patterns compiled.
 *
 * The sample is made-up text of the shapes a collection writes (titles, tables, `key: value`
 * fields, log lines, process lines, JSON) with documentation values only (192.0.2.0/24,
 * example.com). It is redacted by a Redactor of its own, thrown away: the collection's
 * Redactor (its placeholders and numbering, what it learned) never sees it. The rule set is
 * shared (redactor.ts sharedRuleSet) and never changed by use, so the archive is the same, byte
 * for byte, with or without the warm-up (a test holds that).
 */
import { compileAhead } from './regexp-ahead.js';
import { Redactor, type RedactorOptions } from './redactor.js';

/** Lines of the shapes a collection writes; twice over, so that each pattern runs twice. */
export const WARM_UP_SAMPLE = [
  '版本信息',
  '========',
  'diagcollect 0.1.0 · 2026-01-05 09:30:00',
  '',
  '操作系统:  Debian GNU/Linux 12 (bookworm)',
  '内核:      Linux 6.1.0-18-amd64',
  'Operating system: Ubuntu 22.04.4 LTS',
  '接口  状态    MTU  MAC                协议  IP 地址             子网掩码/前缀',
  'eth0  UP     1500  02:00:5e:10:00:01  IPv4  192.0.2.15          255.255.255.0 (/24)',
  'default via 192.0.2.1 dev eth0 proto dhcp src 192.0.2.15 metric 100',
  'nameserver 192.0.2.53',
  'adduser                                      3.134                                all',
  '  PID  用户   CPU%  内存(RSS)  启动时间             命令',
  ' 1234  alice    2.0     85 MiB  2026-01-05 09:00:01  /usr/bin/python3 /opt/app/server.py --config /etc/app/app.conf',
  '2026-01-05T09:30:01,000000+00:00 usb 1-1: new high-speed USB device number 2 using xhci_hcd',
  'Jan  5 09:30:02 host sshd[2001]: Accepted publickey for alice from 192.0.2.44 port 52144 ssh2',
  '2026-01-05 09:30:03 INFO user=alice email=alice@example.com token=abc123def456 url=https://bob:secret@example.com/path',
  '2026-01-05 09:30:04 [ERROR] 用户 张伟 登录失败，手机 13800000000，地址 北京市海淀区',
  'password = hunter2',
  'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
  '{"hostname": "vm", "user": "alice", "ip": "192.0.2.15", "mac": "02:00:5e:10:00:01"}',
  'DNS 服务器: 192.0.2.53 (eth0)',
  '主机名:    vm',
  '负载:      0.10 0.20 0.30',
].join('\n');

/** Whether two option sets give the same rule set (as redactor.ts sharedRuleSet keys them). */
export function sameRuleSet(a: RedactorOptions, b: RedactorOptions): boolean {
  const key = (o: RedactorOptions) => JSON.stringify([o.optionalRules ?? [], o.extraRules ?? [], o.allow ?? [], o.knownValues ?? []]);
  return key(a) === key(b);
}

/**
 * The sample redacted a line at a time, each line in its own turn of the event loop (twice
 * through: V8 compiles a pattern to machine code on its second run), by a Redactor of its own,
 * thrown away — so that a message (the worker's options, its first item) waits one line at most.
 * The worker stops it when its first item comes: from then on the items warm the patterns up.
 *
 * sos26 (session 24): first, the rule set's large regexes compiled to machine code, one per turn
 * (regexp-ahead.ts: a first run on a long subject skips V8's bytecode step, most of their cost);
 * the first item does not stop those (stopLines): they are what the items would compile anyway,
 * the slow way.
 */
export class WarmUp {
  private redactor: Redactor | undefined;
  private readonly lines = WARM_UP_SAMPLE.split('\n');
  private next = 0;
  private stopped = false;
  private running = false;
  /** sos26: the large regexes still to compile (undefined until the rule set is built). */
  private ahead: readonly RegExp[] | undefined;
  private nextAhead = 0;
  private linesStopped = false;

  constructor(readonly options: RedactorOptions) {}

  /** Compiles the next large regex, else redacts the next line; false once all is done, or the warm-up stopped. */
  step(): boolean {
    if (this.stopped) return false;
    try {
      this.redactor ??= new Redactor(this.options);
      this.ahead ??= this.redactor.regexesToCompileAhead();
      if (this.nextAhead < this.ahead.length) {
        compileAhead(this.ahead[this.nextAhead]!);
        this.nextAhead += 1;
        return this.nextAhead < this.ahead.length || !this.linesDone;
      }
      if (this.linesDone) return false;
      this.redactor.redactText(this.lines[this.next % this.lines.length]!);
    } catch {
      // A warm-up only: the collection's own Redactor meets (and reports) any failure.
      this.stopped = true;
      return false;
    }
    this.next += 1;
    return !this.linesDone;
  }

  private get linesDone(): boolean {
    return this.linesStopped || this.next >= 2 * this.lines.length;
  }

  /** Steps, one per turn of the event loop, until done or stopped (idempotent). */
  run(): void {
    if (this.running) return;
    this.running = true;
    const tick = () => {
      if (this.step()) setImmediate(tick);
      else this.running = false;
    };
    setImmediate(tick);
  }

  stop(): void {
    this.stopped = true;
  }

  /** sos26: no more sample lines; the large regexes still to compile are compiled, one per turn. */
  stopLines(): void {
    this.linesStopped = true;
  }

  /** Whether it redacted the whole sample twice (tests). */
  get done(): boolean {
    return this.next >= 2 * this.lines.length;
  }

  /** sos26: how many large regexes it compiled ahead, of how many (tests). */
  get compiledAhead(): { done: number; of: number } {
    return { done: this.nextAhead, of: this.ahead?.length ?? 0 };
  }
}

/** Redacts the sample (twice) with a Redactor of `options`, thrown away, at once; never throws. */
export function warmUpRedactor(options: RedactorOptions = {}): void {
  const warm = new WarmUp(options);
  while (warm.step());
}
