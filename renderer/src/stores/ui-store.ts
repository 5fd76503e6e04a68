// What the window shows right now: the view, the host filter, the job opened, the toasts. No data from main
// lives here; the domain stores (hosts, inventory, jobs) mirror main's events.
import { createStore, type StoreApi } from 'zustand/vanilla';

export type MainView = 'vms' | 'jobs';
export type ToastKind = 'info' | 'success' | 'warning' | 'error';

export interface Toast {
  readonly id: number;
  readonly kind: ToastKind;
  readonly title: string;
  readonly body: string;
  /** A toast about a job offers to open it. */
  readonly jobId: string | null;
}

/** The host dialog open now: add, edit or remove-confirm (one at a time; it can be opened from anywhere). */
export type HostDialog =
  | { readonly kind: 'add' }
  | { readonly kind: 'edit'; readonly hostId: string }
  | { readonly kind: 'remove'; readonly hostId: string };

export interface UiState {
  view: MainView;
  /** The host whose VMs the table shows; null = all hosts. */
  selectedHostId: string | null;
  /** The job shown in the jobs panel's detail view. */
  openJobId: string | null;
  toasts: readonly Toast[];
  hostDialog: HostDialog | null;
  showView(view: MainView): void;
  selectHost(hostId: string | null): void;
  /** Switches to the jobs view with that job open. */
  openJob(jobId: string): void;
  closeJob(): void;
  pushToast(toast: Omit<Toast, 'id'>): number;
  dismissToast(id: number): void;
  openHostDialog(dialog: HostDialog): void;
  closeHostDialog(): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  let nextToastId = 1;
  return createStore<UiState>()((set) => ({
    view: 'vms',
    selectedHostId: null,
    openJobId: null,
    toasts: [],
    hostDialog: null,
    showView: (view) => set({ view }),
    selectHost: (selectedHostId) => set({ selectedHostId, view: 'vms' }),
    openJob: (openJobId) => set({ openJobId, view: 'jobs' }),
    closeJob: () => set({ openJobId: null }),
    pushToast: (toast) => {
      const id = nextToastId++;
      set((state) => ({ toasts: [...state.toasts, { ...toast, id }] }));
      return id;
    },
    dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
    openHostDialog: (hostDialog) => set({ hostDialog }),
    closeHostDialog: () => set({ hostDialog: null }),
  }));
}
