// "Test connection" (C1): runs the read-only probe scripts/Test-HostConnection.ps1 on the host through the same
// command builders as every job (local/lab: pwsh -File; ssh/winrm: the remote wrapper sending the probe with
// Invoke-Command -FilePath), so a passing test means jobs can reach the host the same way. Needs no agent bundle.
// The outcome is always a HostTestResult: a failure is a status with reachable false (or true when the host
// answered but refused or failed) and a typed error, never a rejection.
import { z } from 'zod';
import { type AppError, appError } from '../../../shared/contract/errors';
import type { HostStatus, HostTestResult } from '../../../shared/contract/hosts';
import { clip, NAME_MAX } from '../../../shared/contract/primitives';
import type { Clock } from '../ports';
import { encodeAgentPayload } from '../powershell/command-spec';
import type { LabHostProvider, ResolvedHost } from './bundle-port';
import { buildHostCommand, type ConnectionEnvironment } from './host-connection';
import { toRunException } from './host-errors';
import type { ScriptStarter } from './host-executor';
import type { ConnectionTester } from './host-service';
import { RunDeadline } from './run-deadline';

export const PROBE_MARKER = '##hvprobe ';
export const DEFAULT_TEST_TIMEOUT_MS = 30_000;

const probeSchema = z.object({
  computer_name: z.string().nullable(),
  ps_edition: z.string().nullable(),
  ps_version: z.string().nullable(),
  hyperv_module: z.boolean(),
  hyperv_module_version: z.string().nullable(),
  cluster_name: z.string().nullable(),
});
type Probe = z.output<typeof probeSchema>;

/** The host answered (a refusal or a failing probe is still an answer); anything else means we never got there. */
const ANSWERED: readonly string[] = ['authentication_failed', 'script_failed', 'protocol_error'];

export interface HostConnectionTesterOptions {
  runner: ScriptStarter;
  connectionEnv: ConnectionEnvironment;
  lab: LabHostProvider;
  /** Absolute path of scripts/Test-HostConnection.ps1 as shipped. */
  probeScriptPath: string;
  clock?: Clock;
  timeoutMs?: number;
}

function readProbe(text: string): Probe | AppError {
  let json: unknown;
  try {
    json = JSON.parse(text.slice(PROBE_MARKER.length));
  } catch {
    return appError('protocol_error', 'The connection probe wrote a report that is not JSON.');
  }
  const parsed = probeSchema.safeParse(json);
  return parsed.success ? parsed.data : appError('protocol_error', 'The connection probe wrote an unexpected report.');
}

export class HostConnectionTester implements ConnectionTester {
  private readonly clock: Clock;

  constructor(private readonly options: HostConnectionTesterOptions) {
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  async test(host: ResolvedHost, signal?: AbortSignal): Promise<HostTestResult> {
    const started = this.clock.now();
    // Written by the line callback: an object, so the compiler does not take it for a constant null.
    const seen: { report: Probe | AppError | null } = { report: null };
    let failure: AppError | null = null;
    const deadline = new RunDeadline(this.options.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS, signal);
    try {
      const lab = host.connection.transport === 'lab' ? await this.options.lab.ensureSandbox() : null;
      deadline.throwIfStopped();
      const spec = buildHostCommand(
        host,
        { where: 'workstation', path: this.options.probeScriptPath },
        encodeAgentPayload({ probe: 1 }),
        this.options.connectionEnv,
        lab,
      );
      const running = this.options.runner.start(spec, {
        onLine: (line) => {
          if (line.stream === 'stdout' && line.text.startsWith(PROBE_MARKER)) seen.report = readProbe(line.text);
        },
      });
      deadline.signal.addEventListener('abort', () => running.stop(), { once: true });
      await running.done;
    } catch (error) {
      failure = toRunException(deadline.reason !== null ? deadline.error() : error, {
        hostId: host.id,
        secret: host.secret,
        result: null,
        protocolError: null,
      }).error;
    } finally {
      deadline.dispose();
    }
    const report = seen.report;
    if (failure !== null) return this.toResult(null, failure, started);
    if (report === null)
      return this.toResult(null, appError('protocol_error', 'The connection probe ended without a report.'), started);
    if ('code' in report) return this.toResult(null, report, started);
    return this.toResult(report, null, started);
  }

  private toResult(probe: Probe | null, error: AppError | null, started: number): HostTestResult {
    const now = this.clock.now();
    const status: HostStatus = {
      reachable: probe !== null || (error !== null && ANSWERED.includes(error.code)),
      lastChecked: new Date(now).toISOString(),
      psEdition: probe?.ps_edition === 'Desktop' || probe?.ps_edition === 'Core' ? probe.ps_edition : null,
      psVersion: probe?.ps_version == null ? null : clip(probe.ps_version, 128),
      hyperVModule: probe?.hyperv_module ?? false,
      clusterName: probe?.cluster_name == null || probe.cluster_name === '' ? null : clip(probe.cluster_name, NAME_MAX),
      error,
    };
    return {
      status,
      computerName: probe?.computer_name == null ? null : clip(probe.computer_name, NAME_MAX),
      hyperVModuleVersion: probe?.hyperv_module_version == null ? null : clip(probe.hyperv_module_version, 128),
      durationMs: Math.max(0, Math.round(now - started)),
    };
  }
}
