// The IPC contract, imported by main, preload and renderer: `import { ... } from '@shared/contract'`.
export * from './agent/convert';
export * from './agent/raw';
export * from './agent/read-line';
export * from './api';
export * from './channels';
export * from './delete-plan';
export * from './errors';
export * from './events';
export * from './hosts';
export * from './inventory';
export * from './job-export';
export * from './jobs';
export * from './primitives';
export * from './result';
export * from './settings';
export * from './validation';
export * from './vm-state';
