export * from './bootstrap.ts';
export * from './config.ts';
export type { VapidKeys } from './dispatch/push-channel.ts';
export * from './notifications/notification-worker.ts';
export * from './outbox/outbox-relay.ts';
export * from './routing/routing-worker.ts';
export * from './worker.ts';
