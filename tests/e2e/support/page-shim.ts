/**
 * Runs in the page before the app (Playwright `addInitScript`), where Electron's preload would:
 * builds `window.diagnostics` with the same forwarder the preload uses (shared/api-forwarder.ts),
 * over a Playwright binding instead of ipcRenderer. Bundled to an IIFE by e2e/support/build.ts.
 */
import { createDiagnosticsApi } from '../../../shared/api-forwarder.js';

interface BridgeWindow {
  __diagnosticsInvoke(channel: string, request: unknown): Promise<unknown>;
  __diagnosticsEmit?: (channel: string, payload: unknown) => void;
  /** What crossed the bridge, in the page's order: for a failing test's message (flows.ts `bridgeTrail`). */
  __diagnosticsTrail?: string[];
}

const w = window as unknown as BridgeWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

const trail: string[] = (w.__diagnosticsTrail = []);
const note = (line: string) => {
  trail.push(`${Math.round(performance.now())} ms ${line}`);
  if (trail.length > 200) trail.shift();
};

w.__diagnosticsEmit = (channel, payload) => {
  const type = (payload as { type?: unknown } | null)?.type;
  note(`event ${channel}${typeof type === 'string' ? ` ${type}` : ''}`);
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

const api = createDiagnosticsApi({
  invoke: (channel, request) => {
    note(`call ${channel}`);
    return w.__diagnosticsInvoke(channel, request).then(
      (reply) => {
        const r = reply as { ok?: unknown; error?: { message?: unknown } } | null;
        note(`reply ${channel} ${r?.ok === true ? 'ok' : `refused: ${String(r?.error?.message ?? 'no reply shape')}`}`);
        return reply;
      },
      (err: unknown) => {
        note(`reply ${channel} threw: ${String(err)}`);
        throw err;
      },
    );
  },
  subscribe(channel, listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

// Like contextBridge.exposeInMainWorld: a frozen object the page cannot replace.
Object.defineProperty(window, 'diagnostics', { value: api, writable: false, configurable: false, enumerable: true });
