// The lab scenario's VMs (powershell/simulator/scenarios/lab.json) each spec works on. One harness serves the
// whole run, so every spec takes its own VMs and leaves the others alone:
//   02 delete flow: api01 · 03 running VM: web01 · 04 fault and retry: vdi01 · 05 queued cancel: legacy01, db01
//   06 screenshots: dev01 (opened, never deleted)
export const LAB_VMS = {
  /** Off; a differencing disk over a template that is kept (reason: parent); its folders are pruned. */
  api01: { name: 'api01', folder: 'C:\\VMs\\api01', keeps: 'C:\\Templates\\ws2022-template.vhdx' },
  /** Running, with a provisioning ISO. */
  web01: { name: 'web01', folder: 'C:\\VMs\\web01' },
  /** Off; a differencing disk over a parent vdi02 shares (kept: shared). */
  vdi01: { name: 'vdi01', folder: 'C:\\VMs\\vdi01', keeps: 'C:\\VMs\\Parents\\win11-23h2-gold.vhdx' },
  /** Off, generation 1, in the host's default folders. */
  legacy01: { name: 'legacy01' },
  /** Off; two disks and a user's file in its folder. */
  db01: {
    name: 'db01',
    disks: ['C:\\VMs\\db01\\Virtual Hard Disks\\db01-os.vhdx', 'C:\\VMs\\db01\\Virtual Hard Disks\\db01-data.vhdx'],
  },
  /** Off; three checkpoints in a chain. */
  dev01: { name: 'dev01' },
} as const;
