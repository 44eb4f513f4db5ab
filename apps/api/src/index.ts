export { type AppDeps, buildApp } from './app.ts';
export { type ApiConfig, ConfigError, loadApiConfig } from './config.ts';
export { createFilePhotoStore, isValidPhotoKey, type PhotoStore, photoKey } from './photos/photo-store.ts';
export { registerWebApp } from './runtime/web-app.plugin.ts';
export { webDistDir } from './runtime/web-dist.ts';
