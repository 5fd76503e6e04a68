import { HostsSidebar } from '../features/hosts/HostsSidebar';
import { NoHostPlaceholder } from '../features/hosts/NoHostPlaceholder';
import { getApi } from '../lib/api';
import { TitleBar } from './TitleBar';

export function App() {
  const { version } = getApi();
  return (
    <div className="app-shell">
      <TitleBar appVersion={version.app} />
      <HostsSidebar hosts={[]} />
      <main className="main-area">
        <NoHostPlaceholder />
      </main>
    </div>
  );
}
