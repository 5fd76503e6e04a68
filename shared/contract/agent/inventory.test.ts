// The inventory script's result event (Read-HostInventory.ps1 / ConvertTo-InventoryVm.ps1) read into HostFacts
// and VmInfo records.
import { describe, expect, it } from 'vitest';
import { vmInfoSchema } from '../inventory';
import { readAgentLine } from './read-line';

const vm = (fields: Record<string, unknown>) => ({
  id: '2C3E9A41-5B6D-4E8F-9A0B-1C2D3E4F5A6B',
  name: 'web01',
  state: 'Running',
  status: 'Operating normally',
  is_clustered: false,
  computer_name: 'HV01',
  generation: 2,
  cpu_count: 4,
  cpu_usage_percent: 12,
  memory_startup_bytes: 2147483648,
  memory_assigned_bytes: 4294967296,
  uptime_seconds: 3600,
  path: 'C:\\VMs\\web01',
  disks: [
    {
      path: 'C:\\VMs\\web01\\web01.vhdx',
      controller: 'SCSI 0:0',
      disk_number: null,
      vhd_type: 'Differencing',
      size_bytes: 42949672960,
      file_size_bytes: 4194304,
      parent_chain: ['C:\\Templates\\ws2022.vhdx'],
    },
    {
      path: null,
      controller: 'SCSI 0:2',
      disk_number: 3,
      vhd_type: null,
      size_bytes: null,
      file_size_bytes: null,
      parent_chain: [],
    },
  ],
  dvd_drives: [{ controller: 'SCSI 0:1', path: null }],
  checkpoints: [
    {
      id: '8d1f0c2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
      name: 'before patch',
      parent_id: null,
      created: '2025-01-02T10:00:00Z',
    },
  ],
  ...fields,
});

function inventoryLine(vms: unknown[]): string {
  const inventory = {
    host: {
      computer_name: 'HV01',
      os_caption: null,
      os_version: '10.0.20348',
      powershell_edition: 'Desktop',
      powershell_version: '5.1.20348.2849',
      hyperv_module_present: true,
      hyperv_module_version: '2.0.0.0',
      logical_processor_count: 16,
      memory_capacity_bytes: 137438953472,
    },
    cluster_name: 'CL01',
    virtual_machine_path: 'C:\\ProgramData\\Microsoft\\Windows\\Hyper-V',
    virtual_hard_disk_path: 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks',
    csv_roots: ['C:\\ClusterStorage\\Volume1'],
    vms,
  };
  return `##hvagent ${JSON.stringify({ type: 'result', job_id: 'inv-1', status: 'succeeded', error: null, inventory })}`;
}

function readInventory(line: string) {
  const read = readAgentLine(line, { script: 'inventory', hostId: 'h-1' });
  if (!read.ok || read.value?.type !== 'result' || read.value.script !== 'inventory') return expect.fail('not read');
  return read.value;
}

describe('inventory result', () => {
  it('becomes host facts and VmInfo records for the host', () => {
    const result = readInventory(
      inventoryLine([
        vm({}),
        vm({ id: '11111111-2222-4333-8444-555555555555', name: 'sql01', is_clustered: true, cpu_usage_percent: 140 }),
      ]),
    );
    expect(result.status).toBe('succeeded');
    const inventory = result.inventory ?? expect.fail('no inventory');
    expect(inventory.host).toMatchObject({
      computerName: 'HV01',
      psEdition: 'Desktop',
      clusterName: 'CL01',
      osCaption: null,
    });
    expect(inventory.host.csvRoots).toEqual(['C:\\ClusterStorage\\Volume1']);
    const [web, sql] = inventory.vms;
    expect(web).toEqual(vmInfoSchema.parse(web));
    expect(web).toMatchObject({
      hostId: 'h-1',
      id: '2c3e9a41-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
      isClustered: false,
      clusterName: null,
      cpuCount: 4,
      memoryAssignedBytes: 4294967296,
      uptimeSeconds: 3600,
      checkpointCount: 1,
      stale: false,
      activeJobId: null,
      deleteFailed: null,
    });
    expect(web?.disks).toEqual([
      {
        path: 'C:\\VMs\\web01\\web01.vhdx',
        diskNumber: null,
        controller: 'SCSI 0:0',
        vhdType: 'Differencing',
        sizeBytes: 42949672960,
        fileSizeBytes: 4194304,
        chain: ['C:\\Templates\\ws2022.vhdx'],
      },
      {
        path: null,
        diskNumber: 3,
        controller: 'SCSI 0:2',
        vhdType: null,
        sizeBytes: null,
        fileSizeBytes: null,
        chain: [],
      },
    ]);
    expect(web?.checkpoints[0]?.createdAt).toBe('2025-01-02T10:00:00Z');
    expect(sql).toMatchObject({ name: 'sql01', isClustered: true, clusterName: 'CL01', cpuUsage: 100 });
    expect(inventory.skipped).toEqual([]);
  });

  it('skips a VM whose data breaks the contract and keeps the rest', () => {
    const result = readInventory(
      inventoryLine([vm({ generation: 7 }), vm({ id: '11111111-2222-4333-8444-555555555555' })]),
    );
    expect(result.inventory?.vms.map((v) => v.id)).toEqual(['11111111-2222-4333-8444-555555555555']);
    expect(result.inventory?.skipped).toHaveLength(1);
    expect(result.inventory?.skipped[0]?.message).toContain('generation');
  });

  it('reports a failed read with the host error and no inventory', () => {
    const line =
      '##hvagent {"type":"result","job_id":"inv-2","status":"failed","error":{"code":"hyperv_missing","message":"The Hyper-V module is not installed.","step":null,"object":null},"inventory":null}';
    const result = readInventory(line);
    expect(result).toMatchObject({ status: 'failed', inventory: null, error: { code: 'hyperv_missing', step: null } });
  });
});
