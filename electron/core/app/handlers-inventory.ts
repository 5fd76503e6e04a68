// inventory.* channels, straight to the inventory service.
import type { ChannelHandler } from '../../../shared/contract/api';
import type { InventoryService } from '../inventory/inventory-service';

export interface InventoryHandlers {
  'inventory.list': ChannelHandler<'inventory.list'>;
  'inventory.refresh': ChannelHandler<'inventory.refresh'>;
  'inventory.getVm': ChannelHandler<'inventory.getVm'>;
}

export function inventoryHandlers(inventory: InventoryService): InventoryHandlers {
  return {
    'inventory.list': (args) => ({ snapshots: inventory.list(args.hostId) }),
    'inventory.refresh': async (args) => ({ snapshots: await inventory.refresh(args.hostIds) }),
    'inventory.getVm': (args) => inventory.getVm(args.hostId, args.vmId),
  };
}
