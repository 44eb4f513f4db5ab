export { type AppDeps, buildApp } from './app.ts';
export { type ApiConfig, ConfigError, DEFAULT_HOST, loadApiConfig } from './config.ts';
export { startApiMaintenance } from './photos/orphan-sweep.ts';
export { createFilePhotoStore, isValidPhotoKey, type PhotoStore, photoKey } from './photos/photo-store.ts';
// What the one-process launcher (apps/embedded) needs beside the app itself.
export { registerDevMailbox } from './runtime/dev-mailbox.routes.ts';
export { type PrivateRedis, RedisUnavailableError, startPrivateRedis } from './runtime/private-redis.ts';
export { loadOrCreateStatusLinkKey } from './runtime/status-link-key.ts';
export { generateVapidKeys, loadOrCreateVapidKeys, type VapidKeyPair } from './runtime/vapid-keys.ts';
export { registerWebApp } from './runtime/web-app.plugin.ts';
export { webDistDir } from './runtime/web-dist.ts';
export { demoAccountLines, seedDemoAccounts } from './staff/demo-accounts.ts';
export { deriveStaffKey } from './staff/staff-keys.ts';
