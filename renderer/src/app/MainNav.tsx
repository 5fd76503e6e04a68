// Switches the main area between the VM table and the jobs panel. Two buttons in a labelled nav, the current
// one marked with aria-current; Ctrl+1 / Ctrl+2 reach them from anywhere (see useViewShortcuts in App).
import { useStoreOf } from '../stores/app-stores';
import { selectRunningCount } from '../stores/jobs-store';
import type { MainView } from '../stores/ui-store';

const VIEWS: readonly { view: MainView; label: string; shortcut: string }[] = [
  { view: 'vms', label: 'Virtual machines', shortcut: 'Ctrl+1' },
  { view: 'jobs', label: 'Jobs', shortcut: 'Ctrl+2' },
];

export function MainNav() {
  const current = useStoreOf('ui', (s) => s.view);
  const showView = useStoreOf('ui', (s) => s.showView);
  const running = useStoreOf('jobs', selectRunningCount);
  return (
    <nav className="main-nav" aria-label="Views">
      {VIEWS.map(({ view, label, shortcut }) => (
        <button
          key={view}
          type="button"
          className="main-nav__item"
          aria-current={current === view ? 'page' : undefined}
          aria-keyshortcuts={shortcut.replace('Ctrl', 'Control')}
          title={`${label} (${shortcut})`}
          data-testid={`nav-${view}`}
          onClick={() => showView(view)}
        >
          {label}
          {view === 'jobs' && running > 0 && (
            <span className="nav-badge" data-testid="nav-running-count">
              {running}
              <span className="visually-hidden"> running</span>
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
