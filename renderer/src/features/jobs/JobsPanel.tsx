// The jobs view: the list (with its status filter) beside the open job (ui.openJobId).
import { useStoreOf } from '../../stores/app-stores';
import { JobList } from './JobList';
import { JobView } from './JobView';
import './jobs.css';

export function JobsPanel() {
  const openJobId = useStoreOf('ui', (s) => s.openJobId);
  return (
    <section className="jobs-panel" data-testid="jobs-panel" aria-label="Jobs">
      <JobList />
      {openJobId ? (
        <JobView key={openJobId} jobId={openJobId} />
      ) : (
        <p className="jobs-panel__placeholder">Select a job to see its steps and output.</p>
      )}
    </section>
  );
}
