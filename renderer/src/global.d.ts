/** `window.diagnostics`, typed from the contract (shared/api.ts); undefined outside the app. */
import type { DiagnosticsApi } from '../../shared/api.js';

declare global {
  interface Window {
    readonly diagnostics: DiagnosticsApi | undefined;
  }
}
