/**
 * The e2e test bridge: `window.diagnostics` in a plain Chromium page, backed by the real engine
 * service (AppService) in the test's Node process. Calls go through the same forwarder as the
 * preload (page-shim.ts) and the same validated IPC wrapper as Electron main (ipc.ts, with the
 * sender check against the page's origin); only Electron's IPC transport is replaced, by a
 * Playwright binding. Events are pushed into the page with `page.evaluate`.
 */
import type { Frame, Page } from 'playwright-core';
import { API_EVENTS, type ApiEventName } from '../../../shared/api.js';
import type { AppService } from '../../../electron/engine/app-service.js';
import { createSenderCheck, registerApiHandlers, type IpcEventLike, type IpcMainLike } from '../../../electron/main/ipc.js';

export interface BridgeCall {
  channel: string;
  request: unknown;
  reply: unknown;
}

export interface Bridge {
  /** Every call the page made, with the reply it got (validation happens before the engine). */
  calls: BridgeCall[];
  detach(): void;
}

export async function attachBridge(page: Page, service: AppService, options: { origin: string; shim: string }): Promise<Bridge> {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const unregister = registerApiHandlers(ipc, service.handlers(), {
    isTrustedSender: createSenderCheck({ isAllowedUrl: (url) => URL.canParse(url) && new URL(url).origin === options.origin }),
  });
  const calls: BridgeCall[] = [];
  await page.exposeBinding('__diagnosticsInvoke', async (source: { frame: Frame }, channel: string, request: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) return { ok: false, error: { code: 'invalid-request', message: `no such channel: ${channel}` } };
    // Shaped like Electron's IpcMainInvokeEvent: the frame that sent it and its parent.
    const event: IpcEventLike = { senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() }, sender: { id: 1 } };
    const reply = await handler(event, request);
    calls.push({ channel, request, reply });
    return reply;
  });
  await page.addInitScript({ content: options.shim });
  const offs = (Object.keys(API_EVENTS) as ApiEventName[]).map((name) =>
    service.on(name, (payload) => {
      page
        .evaluate(([channel, p]) => (window as unknown as { __diagnosticsEmit?: (c: string, p: unknown) => void }).__diagnosticsEmit?.(channel, p), [API_EVENTS[name].channel, payload] as const)
        .catch(() => {});
    }),
  );
  return {
    calls,
    detach() {
      for (const off of offs) off();
      unregister();
    },
  };
}
