/** The renderer's entry: mounts the app on `window.diagnostics`, which the preload provides. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  const api = window.diagnostics;
  if (api) {
    createRoot(root).render(
      <StrictMode>
        <App api={api} />
      </StrictMode>,
    );
  } else {
    // Opened outside the app (a browser, a broken preload): say so instead of a blank page.
    root.textContent = 'Open this page from the Diagnostics Collector app. 请通过“诊断信息收集”应用打开此页面。';
  }
}
