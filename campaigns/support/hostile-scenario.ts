// A variant of the simulator's lab scenario (powershell/simulator/scenarios/lab.json) with VMs whose names, folders
// and disk files are hostile strings: written into the run's folder and given to createCore as labScenarioPath.
// Two ordinary VMs stay (db01 Off, web01 Running) so the campaign can show that nothing but the hostile VMs'
// planned files went. Short simulator delays, as the integration tests use.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAST_BEHAVIOUR } from '../../electron/core/integration/support/test-core';
import { simulatorRoot } from '../../electron/core/lab/test-support/test-lab';

export interface HostileVm {
  readonly id: string;
  readonly name: string;
  readonly folder: string;
  readonly disk: string;
  readonly state: 'Off' | 'Running';
}

interface Scenario {
  vms: { name: string }[];
  vhds: Record<string, unknown>;
  cluster: { groups: unknown[] } | null;
  files: unknown[];
  [key: string]: unknown;
}

const KEEP = ['db01', 'web01'];

/** One VM per name; segment i names its folder, segment i+1 its disk file (so both are hostile). The index keeps
 *  every folder and disk the VM's own: a shared one would (rightly) be kept by the plan. */
export function hostileVms(names: readonly string[], segments: readonly string[]): HostileVm[] {
  return names.map((name, index) => {
    const folder = `C:\\VMs\\${index} ${segments[index % segments.length]}`;
    const file = `${segments[(index + 1) % segments.length]} ${index}`;
    return {
      id: randomUUID(),
      name,
      folder,
      disk: `${folder}\\Virtual Hard Disks\\${file}.vhdx`,
      // A few start Running: a delete must stop them first (force), a lifecycle call acts on them.
      state: index % 4 === 2 ? 'Running' : 'Off',
    };
  });
}

export function writeHostileScenario(dir: string, vms: readonly HostileVm[]): string {
  const lab = JSON.parse(readFileSync(join(simulatorRoot, 'scenarios', 'lab.json'), 'utf8')) as Scenario;
  const kept = lab.vms.filter((vm) => KEEP.includes(vm.name));
  const keptDisks = Object.fromEntries(
    Object.entries(lab.vhds).filter(([path]) => KEEP.some((name) => path.startsWith(`C:\\VMs\\${name}\\`))),
  );
  const scenario: Scenario = {
    ...lab,
    // Stand-alone: the cluster groups of lab.json name VMs this variant drops.
    cluster: null,
    vms: [
      ...kept,
      ...vms.map((vm) => ({
        id: vm.id,
        name: vm.name,
        state: vm.state,
        ...(vm.state === 'Running' ? { uptimeSeconds: 3600 } : {}),
        path: vm.folder,
        processorCount: 1,
        memoryStartupBytes: 1_073_741_824,
        hardDrives: [vm.disk],
      })),
    ],
    vhds: {
      ...keptDisks,
      ...Object.fromEntries(
        vms.map((vm) => [vm.disk, { vhdType: 'Dynamic', sizeBytes: 1_073_741_824, fileSizeBytes: 4096 }]),
      ),
    },
    behaviour: FAST_BEHAVIOUR,
  };
  const path = join(dir, 'hostile-lab-scenario.json');
  writeFileSync(path, JSON.stringify(scenario, null, 2));
  return path;
}
