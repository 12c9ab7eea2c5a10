/**
 * Runs in the page before the app (Playwright `addInitScript`), where Electron's preload would:
 * builds `window.diagnostics` with the same forwarder the preload uses (shared/api-forwarder.ts),
 * over a Playwright binding instead of ipcRenderer. Bundled to an IIFE by e2e/support/build.ts.
 */
import { createDiagnosticsApi } from '../../../shared/api-forwarder.js';

interface BridgeWindow {
  __diagnosticsInvoke(channel: string, request: unknown): Promise<unknown>;
  __diagnosticsEmit?: (channel: string, payload: unknown) => void;
}

const w = window as unknown as BridgeWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();

w.__diagnosticsEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

const api = createDiagnosticsApi({
  invoke: (channel, request) => w.__diagnosticsInvoke(channel, request),
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
