// The services the composition root builds, as the channel handlers and the tests see them.
import type { DeployService } from '../deploy/deploy-service';
import type { HostService } from '../hosts/host-service';
import type { StandbyJobProcesses } from '../hosts/standby-job-process';
import type { WarmSessionPool } from '../hosts/warm-session-pool';
import type { InventoryService } from '../inventory/inventory-service';
import type { JobService } from '../jobs/job-service';
import type { LabHosts } from './lab-hosts';
import type { SettingsService } from './settings-service';

export interface CoreServices {
  readonly hosts: HostService;
  readonly inventory: InventoryService;
  readonly jobs: JobService;
  readonly settings: SettingsService;
  readonly labs: LabHosts;
  readonly deployer: DeployService;
  readonly warmSessions: WarmSessionPool;
  readonly standbys: StandbyJobProcesses;
}
