export * from './connection.ts';
export * from './outbox-topics.ts';
export * from './queues.ts';
export * from './typed-queues.ts';
