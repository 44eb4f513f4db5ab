import { fileURLToPath } from 'node:url';

/** Where `pnpm --filter @buurtsignaal/web build` puts the web app. */
export const webDistDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));
