// The lab hosts of this workstation (C11). The one the UI adds (host id `lab`) keeps its sandbox at
// <dataDir>/lab; any other host record of transport `lab` (the benchmark's eight hosts, the parallel-hosts test)
// gets its own sandbox at <dataDir>/lab-hosts/<hostId>/lab, so every lab host is a separate simulated machine.
// The transports know one LabHostProvider at a time; providerFor(hostId) hands each host's own.
import { join } from 'node:path';
import type { LabHostProvider } from '../hosts/bundle-port';
import { LAB_HOST_ID } from '../hosts/host-record';
import type { LabHost, LabHostOptions } from '../lab/lab-host';

export type LabHostFactory = (options: Pick<LabHostOptions, 'dataDir'>) => LabHost;

export interface LabHostsOptions {
  dataDir: string;
  create: LabHostFactory;
  /** True when the host record of that id is a lab host (other ids share the default lab: drafts, tests). */
  isLabHost: (hostId: string) => boolean;
  /** Told after any lab host was reset (the composition root forgets its bundle and re-reads it). */
  onReset: (hostId: string) => void;
}

export class LabHosts {
  private readonly labs = new Map<string, LabHost>();

  constructor(private readonly options: LabHostsOptions) {}

  /** The lab behind a host id; created (not seeded) on first use. */
  forHost(hostId: string): LabHost {
    const key = hostId !== LAB_HOST_ID && this.options.isLabHost(hostId) ? hostId : LAB_HOST_ID;
    let lab = this.labs.get(key);
    if (!lab) {
      const dataDir = key === LAB_HOST_ID ? this.options.dataDir : join(this.options.dataDir, 'lab-hosts', key);
      lab = this.options.create({ dataDir });
      lab.onReset(() => this.options.onReset(key));
      this.labs.set(key, lab);
    }
    return lab;
  }

  /** A provider that looks the lab up when asked, so building one never creates or seeds anything. */
  providerFor(hostId: string): LabHostProvider {
    return { ensureSandbox: () => this.forHost(hostId).ensureSandbox() };
  }
}
