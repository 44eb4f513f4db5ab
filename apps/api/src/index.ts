export { type AppDeps, buildApp } from './app.ts';
export { type ApiConfig, ConfigError, loadApiConfig } from './config.ts';
export { createFilePhotoStore, isValidPhotoKey, type PhotoStore, photoKey } from './photos/photo-store.ts';
