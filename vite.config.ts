/**
 * The renderer's build: `vite build` → renderer/dist (served on app://diagcollect/ by main, and
 * by a local static server in the e2e tests). The CSP meta tag comes from the same constant main
 * sends as a header, so page and header can never disagree.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './electron/main/window-config.js';

function cspMeta(): Plugin {
  return {
    name: 'diagcollect-csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        if (!html.includes('%DIAGCOLLECT_CSP%')) throw new Error('renderer/index.html lost its CSP meta tag');
        return html.replace('%DIAGCOLLECT_CSP%', CONTENT_SECURITY_POLICY_META);
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome130',
    // Chromium supports modulepreload; the polyfill would be an inline fetch() the CSP refuses.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  logLevel: 'warn',
});
