export * from './connection.ts';
export * from './queues.ts';
export * from './outbox-topics.ts';
