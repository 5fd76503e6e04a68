// The window: title bar, hosts sidebar, and the main area (first run, VMs or jobs), plus the host dialogs and
// the toasts. The stores come from StoresProvider (built once in main.tsx); this component connects them.
import { useEffect } from 'react';
import { FirstRun } from '../features/hosts/FirstRun';
import { HostDialogs } from '../features/hosts/HostDialogs';
import { HostsSidebar } from '../features/hosts/HostsSidebar';
import { JobsPanel } from '../features/jobs/JobsPanel';
import { VmsView } from '../features/vms/VmsView';
import { type AppStores, connectAppStores, useAppStores, useStoreOf } from '../stores/app-stores';
import type { MainView } from '../stores/ui-store';
import { MainNav } from './MainNav';
import { TitleBar } from './TitleBar';
import { Toasts } from './Toasts';

// Each stores object is connected once for the life of the window. StrictMode runs effects twice; a second
// subscription (with the first unsubscribed only after its app.ready answers) could deliver an event twice.
const connected = new WeakSet<AppStores>();

function useConnectedStores(stores: AppStores): void {
  useEffect(() => {
    if (connected.has(stores)) return;
    connected.add(stores);
    void connectAppStores(stores);
  }, [stores]);
}

const SHORTCUTS: Record<string, MainView> = { '1': 'vms', '2': 'jobs' };

/** Ctrl+1 / Ctrl+2 switch views from anywhere in the window. */
function useViewShortcuts(stores: AppStores): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const view = SHORTCUTS[event.key];
      if (!view || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      stores.ui.getState().showView(view);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores]);
}

function MainContent() {
  const view = useStoreOf('ui', (s) => s.view);
  const loaded = useStoreOf('hosts', (s) => s.loaded);
  const noHosts = useStoreOf('hosts', (s) => s.hosts.length === 0);
  if (view === 'jobs') return <JobsPanel />;
  if (!loaded) return <p className="main-area__loading">Loading hosts…</p>;
  if (noHosts) return <FirstRun />;
  return <VmsView />;
}

export function App() {
  const stores = useAppStores();
  useConnectedStores(stores);
  useViewShortcuts(stores);
  return (
    <div className="app-shell">
      <TitleBar appVersion={stores.api.version.app} />
      <HostsSidebar />
      <main className="main-area" id="main">
        <MainNav />
        <div className="main-area__view">
          <MainContent />
        </div>
      </main>
      <HostDialogs />
      <Toasts />
    </div>
  );
}
