// The agent's `##hvagent {json}` lines (powershell/README.md "Output") read into camelCase DTOs. The plan line
// follows the field order of New-DeletePlanDocument.ps1; the failed result line was captured from a real run of
// Invoke-DeleteVmJob.ps1 on pwsh 7.6.9.
import { describe, expect, it } from 'vitest';
import { deletePlanSchema } from '../delete-plan';
import type { Result } from '../result';
import { type AgentEvent, type ReadContext, readAgentLine } from './read-line';

const deleteContext: ReadContext = { script: 'delete', hostId: 'h-lab' };

const PLAN_LINE = String.raw`##hvagent {"type":"plan","job_id":"j-17","vm":{"id":"2c3e9a41-5b6d-4e8f-9a0b-1c2d3e4f5a6b","name":"web01","state":"Saved","status":"Operating normally","path":"C:\\VMs\\web01","present":true},"cluster_role":{"name":"web01","state":"Offline"},"power_action":"turn_off","requires_force":true,"checkpoints":[{"id":"8d1f0c2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f","name":"before patch"}],"files_to_delete":[{"path":"C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx","kind":"disk","size_bytes":4194304},{"path":"C:\\VMs\\web01\\Virtual Hard Disks\\web01_8D1F0C2E.avhdx","kind":"checkpoint_disk","size_bytes":1048576},{"path":"C:\\VMs\\web01\\web01-seed.iso","kind":"provisioning_iso","size_bytes":376832},{"path":"C:\\VMs\\web01\\Virtual Machines\\2C3E9A41-5B6D-4E8F-9A0B-1C2D3E4F5A6B.vmcx","kind":"config","size_bytes":65536}],"files_to_keep":[{"path":"C:\\Templates\\ws2022.vhdx","kind":"disk","reason":"parent","detail":"parent of this VM's disks (a template or base image)"},{"path":"C:\\ISO\\WS2022.iso","kind":"iso","reason":"outside_vm_folders","detail":"not in one of this VM's own folders (a library or shared ISO)"}],"drives_to_detach":[{"kind":"disk","controller":"SCSI 0:0","path":"C:\\VMs\\web01\\Virtual Hard Disks\\web01_8D1F0C2E.avhdx"},{"kind":"passthrough","controller":"SCSI 0:2","disk_number":3},{"kind":"dvd","controller":"SCSI 0:1","path":"C:\\ISO\\WS2022.iso"}],"folders_to_prune":["C:\\VMs\\web01\\Virtual Hard Disks","C:\\VMs\\web01\\Virtual Machines"],"folders_to_keep":[{"path":"C:\\VMs\\web01","reason":"not_empty","holds":["notes.txt"]},{"path":"C:\\ClusterStorage\\Volume1","reason":"protected_root","holds":[],"detail":"cluster shared volume root"}],"protected_roots":["C:\\ProgramData\\Microsoft\\Windows\\Hyper-V","C:\\ClusterStorage\\Volume1"],"own_folders":["C:\\VMs\\web01"],"merge_files":["C:\\VMs\\web01\\Virtual Hard Disks\\web01_8D1F0C2E.avhdx"]}`;

const FAILED_RESULT_LINE =
  '##hvagent {"type":"result","job_id":"j-1","status":"failed","error":{"code":"host_error","message":"You cannot call a method on a null-valued expression.","step":"validate","object":null},"mode":"plan","vm":{"id":"2c3e9a41-5b6d-4e8f-9a0b-1c2d3e4f5a6b","name":"web01"},"files_deleted":[],"files_kept":[],"folders_removed":[],"folders_kept":[]}';

function eventOf(result: Result<AgentEvent | null>): AgentEvent {
  if (!result.ok) return expect.fail(`not read: ${result.error.message}`);
  if (result.value === null) return expect.fail('read as a log line');
  return result.value;
}

describe('readAgentLine', () => {
  it('converts a plan event to the camelCase DeletePlan, field by field', () => {
    const event = eventOf(readAgentLine(PLAN_LINE, deleteContext));
    if (event.type !== 'plan') return expect.fail(event.type);
    expect(event.jobId).toBe('j-17');
    const plan = event.plan;
    expect(deletePlanSchema.parse(plan)).toEqual(plan);
    expect(plan.vm).toEqual({
      id: '2c3e9a41-5b6d-4e8f-9a0b-1c2d3e4f5a6b',
      name: 'web01',
      state: 'Saved',
      status: 'Operating normally',
      path: 'C:\\VMs\\web01',
      present: true,
    });
    expect(plan.clusterRole).toEqual({ name: 'web01', state: 'Offline' });
    expect(plan.powerAction).toBe('turn_off');
    expect(plan.requiresForce).toBe(true);
    expect(plan.checkpoints).toEqual([{ id: '8d1f0c2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f', name: 'before patch' }]);
    expect(plan.filesToDelete.map((file) => [file.kind, file.sizeBytes])).toEqual([
      ['disk', 4194304],
      ['checkpoint_disk', 1048576],
      ['provisioning_iso', 376832],
      ['config', 65536],
    ]);
    expect(plan.filesToDelete[0]?.path).toBe('C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx');
    expect(plan.filesToKeep[0]).toEqual({
      path: 'C:\\Templates\\ws2022.vhdx',
      kind: 'disk',
      reason: 'parent',
      detail: "parent of this VM's disks (a template or base image)",
    });
    expect(plan.drivesToDetach).toEqual([
      {
        kind: 'disk',
        controller: 'SCSI 0:0',
        path: 'C:\\VMs\\web01\\Virtual Hard Disks\\web01_8D1F0C2E.avhdx',
        diskNumber: null,
      },
      { kind: 'passthrough', controller: 'SCSI 0:2', path: null, diskNumber: 3 },
      { kind: 'dvd', controller: 'SCSI 0:1', path: 'C:\\ISO\\WS2022.iso', diskNumber: null },
    ]);
    expect(plan.foldersToPrune).toEqual(['C:\\VMs\\web01\\Virtual Hard Disks', 'C:\\VMs\\web01\\Virtual Machines']);
    expect(plan.foldersToKeep).toEqual([
      { path: 'C:\\VMs\\web01', reason: 'not_empty', holds: ['notes.txt'], detail: null },
      {
        path: 'C:\\ClusterStorage\\Volume1',
        reason: 'protected_root',
        holds: [],
        detail: 'cluster shared volume root',
      },
    ]);
    expect(plan.protectedRoots).toHaveLength(2);
    expect(plan.ownFolders).toEqual(['C:\\VMs\\web01']);
    expect(plan.mergeFiles).toEqual(['C:\\VMs\\web01\\Virtual Hard Disks\\web01_8D1F0C2E.avhdx']);
  });

  it('converts a failed delete result captured from a real run', () => {
    const event = eventOf(readAgentLine(`${FAILED_RESULT_LINE}\r`, deleteContext));
    if (event.type !== 'result' || event.script !== 'delete') return expect.fail(event.type);
    expect(event.result).toEqual({
      status: 'failed',
      mode: 'plan',
      error: {
        code: 'host_error',
        message: 'You cannot call a method on a null-valued expression.',
        step: 'validate',
        object: null,
      },
      filesDeleted: [],
      filesKept: [],
      foldersRemoved: [],
      foldersKept: [],
    });
  });

  it('converts a succeeded delete result', () => {
    const line = String.raw`##hvagent {"type":"result","job_id":"j-17","status":"succeeded","error":null,"mode":"execute","vm":{"id":"2c3e9a41-5b6d-4e8f-9a0b-1c2d3e4f5a6b","name":"web01"},"files_deleted":["C:\\VMs\\web01\\web01.vhdx"],"files_kept":[{"path":"C:\\ISO\\lib.iso","kind":"iso","reason":"shared","detail":"used by web02"}],"folders_removed":["C:\\VMs\\web01\\Virtual Hard Disks"],"folders_kept":[{"path":"C:\\VMs\\web01","reason":"not_empty","holds":["notes.txt"]}]}`;
    const event = eventOf(readAgentLine(line, deleteContext));
    if (event.type !== 'result' || event.script !== 'delete') return expect.fail(event.type);
    expect(event.result.filesKept).toEqual([
      { path: 'C:\\ISO\\lib.iso', kind: 'iso', reason: 'shared', detail: 'used by web02' },
    ]);
    expect(event.result.foldersKept[0]?.holds).toEqual(['notes.txt']);
  });

  it('reads step and warning events; an empty detail is null', () => {
    const started = eventOf(
      readAgentLine(
        '##hvagent {"type":"step","job_id":"j-17","id":"validate","name":"Validate the request","status":"started","detail":""}',
        deleteContext,
      ),
    );
    expect(started).toEqual({
      jobId: 'j-17',
      type: 'step',
      id: 'validate',
      name: 'Validate the request',
      status: 'started',
      detail: null,
    });
    const warning = eventOf(
      readAgentLine(
        '##hvagent {"type":"warning","job_id":"j-17","message":"file still locked, retrying"}',
        deleteContext,
      ),
    );
    expect(warning).toEqual({ jobId: 'j-17', type: 'warning', message: 'file still locked, retrying', path: null });
  });

  it("keeps hostile names as data, decoding the agent's \\u escapes", () => {
    const line = String.raw`##hvagent {"type":"result","job_id":"j-2","status":"succeeded","error":null,"vm":{"id":"2c3e9a41-5b6d-4e8f-9a0b-1c2d3e4f5a6b","name":"a\u0027$(x)\u0060\nb\u00e9","state":"Off"}}`;
    const event = eventOf(readAgentLine(line, { script: 'lifecycle', hostId: 'h-lab' }));
    if (event.type !== 'result' || event.script !== 'lifecycle') return expect.fail(event.type);
    expect(event.result.vm?.name).toBe("a'$(x)`\nbé");
  });

  it('reads arrays the way Windows PowerShell 5.1 may write them', () => {
    const line = String.raw`##hvagent {"type":"result","job_id":"j-3","status":"succeeded","error":null,"mode":"execute","files_deleted":"C:\\VMs\\a.vhdx","files_kept":null,"folders_removed":{"value":["C:\\VMs\\a"],"Count":1},"folders_kept":[{"path":"C:\\VMs","reason":"not_empty","holds":"b"}]}`;
    const event = eventOf(readAgentLine(line, deleteContext));
    if (event.type !== 'result' || event.script !== 'delete') return expect.fail(event.type);
    expect(event.result.filesDeleted).toEqual(['C:\\VMs\\a.vhdx']);
    expect(event.result.filesKept).toEqual([]);
    expect(event.result.foldersRemoved).toEqual(['C:\\VMs\\a']);
    expect(event.result.foldersKept[0]?.holds).toEqual(['b']);
  });

  it('passes log lines through as null', () => {
    for (const line of ['[10:42:01] Removing cluster role', '', '  ##hvagent {"type":"step"}', '##hvagent{}']) {
      expect(readAgentLine(line, deleteContext)).toEqual({ ok: true, value: null });
    }
  });

  it('reports marked lines that break the protocol as protocol_error, naming the field', () => {
    const notJson = readAgentLine('##hvagent {"type":', deleteContext);
    expect(notJson.ok ? null : notJson.error.code).toBe('protocol_error');
    const unknownType = readAgentLine('##hvagent {"type":"progress","job_id":"j"}', deleteContext);
    expect(unknownType.ok ? null : unknownType.error.details?.issues?.[0]?.path).toBe('type');
    const badKind = readAgentLine(PLAN_LINE.replace('"kind":"config"', '"kind":"everything"'), deleteContext);
    expect(badKind.ok ? null : badKind.error.details?.issues?.[0]?.path).toBe('filesToDelete.3.kind');
    const badGuid = readAgentLine(
      PLAN_LINE.replace('"id":"2c3e9a41-5b6d-4e8f-9a0b-1c2d3e4f5a6b"', '"id":"web01"'),
      deleteContext,
    );
    expect(badGuid.ok ? null : badGuid.error.code).toBe('protocol_error');
  });
});
