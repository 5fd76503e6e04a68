// First run (C11): no host is configured, so the main area offers the built-in lab host and explains it, next
// to "Add host" for a real one. The lab is added like any host (transport `lab`; the core gives it the id `lab`
// and builds its sandbox when it is first read).
import type { AppError } from '@shared/contract/errors';
import { useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores } from '../../stores/app-stores';
import { LAB_ADDRESS, LAB_DISPLAY_NAME } from './host-form';

export function FirstRun() {
  const stores = useAppStores();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppError | null>(null);

  const addLab = async () => {
    setBusy(true);
    setFailure(null);
    const result = await stores.hosts.getState().add({
      displayName: LAB_DISPLAY_NAME,
      address: LAB_ADDRESS,
      connection: { transport: 'lab' },
    });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    stores.ui.getState().selectHost(result.value.id);
  };

  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h1 id="first-run-title">No host is configured yet</h1>
      <p>
        This app deletes Hyper-V virtual machines completely and safely: registration, disks, checkpoints, ISOs and
        cluster role, while keeping every file something else still uses.
      </p>
      <div className="first-run__choices">
        <div className="first-run__choice">
          <h2>Try the lab host</h2>
          <p>
            A simulated Hyper-V host that runs on this computer, with no Hyper-V needed. It holds sample VMs
            (checkpoints, differencing disks on a shared parent, a library ISO, a cluster role, a running VM) as real
            files in a sandbox folder of the app. Deleting them touches nothing else, and you can reset the lab at any
            time from its actions.
          </p>
          <button type="button" className="primary" data-testid="first-run-lab" disabled={busy} onClick={addLab}>
            {busy ? 'Adding the lab host…' : 'Use the lab host'}
          </button>
        </div>
        <div className="first-run__choice">
          <h2>Connect a Hyper-V host</h2>
          <p>
            Reach a host over WinRM or SSH (PowerShell remoting), or manage Hyper-V on this workstation. You can test
            the connection before saving it.
          </p>
          <button
            type="button"
            data-testid="first-run-add-host"
            onClick={() => stores.ui.getState().openHostDialog({ kind: 'add' })}
          >
            Add host…
          </button>
        </div>
      </div>
      {failure && <ErrorNotice error={failure} hostName={LAB_DISPLAY_NAME} />}
    </section>
  );
}
