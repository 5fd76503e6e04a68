// hosts.* channels: the host service does the work; what else must follow a change (the inventory starts or stops
// reading the host, its warm session and cached bundle state are dropped) is the composition root's `HostWiring`.
import type { ChannelHandler } from '../../../shared/contract/api';
import type { HostService } from '../hosts/host-service';

export interface HostWiring {
  added(hostId: string): void;
  /** The record was edited; `reachChanged` when its address or connection settings are new. */
  changed(hostId: string, reachChanged: boolean): void;
  removed(hostId: string): void;
}

export interface HostHandlers {
  'hosts.list': ChannelHandler<'hosts.list'>;
  'hosts.add': ChannelHandler<'hosts.add'>;
  'hosts.update': ChannelHandler<'hosts.update'>;
  'hosts.remove': ChannelHandler<'hosts.remove'>;
  'hosts.test': ChannelHandler<'hosts.test'>;
}

export function hostHandlers(hosts: HostService, wiring: HostWiring): HostHandlers {
  return {
    'hosts.list': () => ({ hosts: hosts.list() }),
    'hosts.add': async (args) => {
      const host = await hosts.add(args);
      wiring.added(host.id);
      return host;
    },
    'hosts.update': async (args) => {
      const before = hosts.list().find((host) => host.id === args.id);
      const host = await hosts.update(args);
      const reachChanged =
        before === undefined ||
        before.address !== host.address ||
        JSON.stringify(before.connection) !== JSON.stringify(host.connection);
      wiring.changed(host.id, reachChanged);
      return host;
    },
    'hosts.remove': async (args) => {
      const removed = await hosts.remove(args.hostId);
      wiring.removed(removed.hostId);
      return removed;
    },
    'hosts.test': (args) => hosts.test(args),
  };
}
