// settings.*, lab.reset and app.ready. Settings changes reach the inventory through SettingsService.onChange
// (wired in create-core.ts); the job engine reads settings at the moment of use.
import type { ChannelHandler } from '../../../shared/contract/api';
import { AppException, appError } from '../../../shared/contract/errors';
import { LAB_HOST_ID } from '../hosts/host-record';
import type { HostService } from '../hosts/host-service';
import type { InventoryService } from '../inventory/inventory-service';
import type { JobService } from '../jobs/job-service';
import type { LabHosts } from './lab-hosts';
import type { SettingsService } from './settings-service';

export interface AppHandlers {
  'settings.get': ChannelHandler<'settings.get'>;
  'settings.update': ChannelHandler<'settings.update'>;
  'lab.reset': ChannelHandler<'lab.reset'>;
  'app.ready': ChannelHandler<'app.ready'>;
}

export interface AppHandlerDeps {
  settings: SettingsService;
  hosts: HostService;
  jobs: JobService;
  inventory: InventoryService;
  labs: LabHosts;
}

export function appHandlers(deps: AppHandlerDeps): AppHandlers {
  return {
    'settings.get': () => deps.settings.current(),
    'settings.update': (args) => deps.settings.update(args),
    'lab.reset': async () => {
      const hostId = LAB_HOST_ID;
      if (deps.hosts.get(hostId).connection.transport !== 'lab') {
        throw new AppException(appError('host_not_found', 'There is no lab host to reset.', { hostId }));
      }
      // A reset pulls the host from under a running job (lab/README.md): refuse while the lab has jobs.
      if (deps.jobs.hasActiveJobs(hostId)) {
        throw new AppException(
          appError('host_in_use', 'The lab host has queued or running jobs; wait for them or cancel them first.', {
            hostId,
          }),
        );
      }
      await deps.labs.forHost(hostId).reset();
      // The reset listener dropped the bundle state and the warm session; answer once the new VMs are read.
      await deps.inventory.refresh([hostId]);
      return { hostId };
    },
    'app.ready': () => ({}),
  };
}
