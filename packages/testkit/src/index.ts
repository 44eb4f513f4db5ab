export * from './env.ts';
export * from './fake-push-service.ts';
export * from './postgres.ts';
export * from './redis.ts';
export * from './smtp-sink.ts';
export * from './tcp-proxy.ts';
export * from './wait.ts';
