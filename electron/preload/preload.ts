/**
 * The preload: exposes `window.diagnostics` — the named methods of the contract, generated from
 * shared/api.ts — and nothing else (no ipcRenderer, no generic invoke, never the IPC event).
 * Bundled to out/preload/preload.cjs (sandboxed preloads are CommonJS, single file).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createDiagnosticsApi } from '../../shared/api-forwarder.js';

const api = createDiagnosticsApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('diagnostics', api);
