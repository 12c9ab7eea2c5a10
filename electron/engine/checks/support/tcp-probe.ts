/** One TCP connection attempt, classified: the answer a support agent needs, not a stack trace. */
import net from 'node:net';

/**
 * `connected`: something listens. `refused`: the host answered with a reset (it is reachable,
 * nothing listens there). `unreachable`: no route or no ARP answer. `timeout`: no answer at all
 * (a firewall dropping, or the host is down).
 */
export type TcpOutcome = 'connected' | 'refused' | 'unreachable' | 'timeout' | 'cancelled' | 'error';

export interface TcpProbeResult {
  host: string;
  port: number;
  outcome: TcpOutcome;
  ms: number;
  code?: string;
}

export function tcpProbe(host: string, port: number, options: { timeoutMs: number; signal: AbortSignal }): Promise<TcpProbeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    if (options.signal.aborted) {
      resolve({ host, port, outcome: 'cancelled', ms: 0 });
      return;
    }
    const socket = net.connect({ host, port });
    let settled = false;
    const finish = (outcome: TcpOutcome, code?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ host, port, outcome, ms: performance.now() - started, ...(code ? { code } : {}) });
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs);
    const onAbort = () => finish('cancelled');
    options.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish('connected'));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? 'ERROR';
      if (code === 'ECONNREFUSED') finish('refused', code);
      else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EHOSTDOWN') finish('unreachable', code);
      else if (code === 'ETIMEDOUT') finish('timeout', code);
      else finish('error', code);
    });
  });
}
