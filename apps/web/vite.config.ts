import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { firstScreen } from './vite-plugins/first-screen.ts';
import { pruneDesignTokens } from './vite-plugins/prune-design-tokens.ts';
import { serviceWorker } from './vite-plugins/service-worker.ts';
import { utrechtStylesheets } from './vite-plugins/utrecht-stylesheets.ts';

// In development the API runs on its own port; the built app is served by the API itself.
const apiProxyTarget = process.env.VITE_API_PROXY ?? 'http://localhost:3000';
export default defineConfig({
  plugins: [
    utrechtStylesheets(),
    // Only the design tokens that some CSS reads, in the stylesheet every page waits for.
    pruneDesignTokens(),
    react(),
    // Step 1 of the form as HTML in index.html, so that a phone paints it before the JavaScript arrives.
    firstScreen(),
    // Every text asset gets a .br and a .gz sibling at build time (the largest settings: made once, sent
    // often), which the API sends to browsers that accept them (apps/api/src/runtime/web-app.plugin.ts).
    compression({
      include: /\.(js|css|html|svg|json|txt|webmanifest)$/,
      algorithms: ['brotliCompress', 'gzip'],
      logLevel: 'silent',
    }),
    serviceWorker(),
  ],
  server: {
    proxy: {
      // The API refuses staff writes from an origin other than its own (PUBLIC_BASE_URL): the browser
      // talks to this dev server, so the proxy says the request comes from the API's origin.
      '/api': { target: apiProxyTarget, headers: { origin: new URL(apiProxyTarget).origin } },
    },
  },
  build: { outDir: 'dist', reportCompressedSize: true },
});
