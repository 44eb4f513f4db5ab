export * from './client.ts';
export * as schema from './schema.ts';
export * from './seed.ts';
export * from './secret-box.ts';
