// The transports' services (executor, host-script runner, connection tester) take one LabHostProvider; with more
// than one lab host each host id needs its own instance. These routers build one per host id on first use (an
// instance holds only its options, so this costs nothing for hosts that are not lab hosts) and send each call to
// the instance of its host.
import type { RunHostScript } from '../deploy/host-script-runner';
import type { LabHostProvider } from '../hosts/bundle-port';
import type { ConnectionTester } from '../hosts/host-service';
import type { HostExecutor } from '../ports';

export type LabLookup = (hostId: string) => LabHostProvider;

export class PerHost<T> {
  private readonly instances = new Map<string, T>();

  constructor(
    private readonly lab: LabLookup,
    private readonly build: (lab: LabHostProvider) => T,
  ) {}

  of(hostId: string): T {
    let instance = this.instances.get(hostId);
    if (instance === undefined) {
      instance = this.build(this.lab(hostId));
      this.instances.set(hostId, instance);
    }
    return instance;
  }

  /** A host was removed: its instance goes (a new host may reuse an id only for the lab host). */
  forget(hostId: string): void {
    this.instances.delete(hostId);
  }
}

export function routedExecutor(executors: PerHost<HostExecutor>): HostExecutor {
  return { run: (hostId, script, payload, options) => executors.of(hostId).run(hostId, script, payload, options) };
}

export function routedScriptRunner(runners: PerHost<RunHostScript>): RunHostScript {
  return (target, scriptPath, payload, options) => runners.of(target.id)(target, scriptPath, payload, options);
}

export function routedTester(testers: PerHost<ConnectionTester>): ConnectionTester {
  return { test: (host, signal) => testers.of(host.id).test(host, signal) };
}
