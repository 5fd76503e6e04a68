// Hosts the core in a process of its own, as the Electron main process will: started with child_process.fork
// (under `--import jiti/register`, it is TypeScript) and the JSON config (protocol.ts) as its one argument. Calls
// arrive as IPC messages and are parsed with the contract exactly as main's IPC wrapper does; events and replies
// go back the same way. The kill test SIGKILLs it mid-job and starts it again on the same data folder.
import { dispatchCall } from '../app/dispatch-call';
import { createCore } from '../create-core';
import { InMemorySecretBox } from '../hosts/secret-box';
import type { ChildMessage, CoreProcessConfig, ParentMessage } from './protocol';

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as CoreProcessConfig;
  process.on('unhandledRejection', (reason) => {
    send({ type: 'fatal', message: `unhandled rejection: ${String(reason)}` });
  });
  const core = await createCore({
    dataDir: config.dataDir,
    repoRoot: config.repoRoot,
    powershellPath: config.powershellPath,
    // The lab needs no secret; a real host's stored secret would not survive a restart of this box.
    secretBox: new InMemorySecretBox(),
    events: { emit: (event, payload) => send({ type: 'event', event, payload } as ChildMessage) },
    identity: { requestedBy: config.requestedBy ?? 'core-process', controlPlane: config.controlPlane ?? 'WS-CORE' },
  });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'call') {
      void dispatchCall(core.handlers, message.channel, message.args).then((result) =>
        send({ type: 'reply', id: message.id, result }),
      );
    } else if (message.type === 'stop') {
      void core.stop().then(() => {
        send({ type: 'stopped' });
        process.disconnect();
      });
    }
  });
  const report = await core.start();
  send({ type: 'ready', interrupted: report.interrupted, resumed: report.resume.map((job) => job.id) });
  await report.reconciled;
  send({ type: 'reconciled' });
}

main().catch((error: unknown) => {
  send({ type: 'fatal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
