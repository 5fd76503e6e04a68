// Renderer entry: builds the stores once from the preload's API object (the only getApi() call) and mounts the
// app shell inside their provider. Everything the renderer learns from main comes through lib/api.ts.
// First: configures zod before any contract schema is built (see the module).
import '@shared/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getApi } from './lib/api';
import { createAppStores, StoresProvider } from './stores/app-stores';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const stores = createAppStores(getApi());

createRoot(container).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>
  </StrictMode>,
);
