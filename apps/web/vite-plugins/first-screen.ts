import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import { utrechtStylesheets } from './utrecht-stylesheets.ts';

/** Around the prerendered step 1 in index.html: the API cuts this out for every page but the form. */
export const FIRST_SCREEN_START = '<!--bs:first-screen-->';
export const FIRST_SCREEN_END = '<!--/bs:first-screen-->';
const ROOT = '<div id="root"></div>';

/**
 * Renders step 1 of the form (src/first-screen.tsx, the app's own components) into the built
 * index.html's #root, between markers. Build only: the dev server keeps the empty shell. The module is
 * loaded through a Vite server of its own in SSR mode (TypeScript, JSX, the NL Design System's `/css`
 * entries as in the app; CSS imports are nothing there).
 */
export function firstScreen(): Plugin {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return {
    name: 'buurtsignaal:first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(ROOT)) throw new Error(`index.html has no ${ROOT} to render step 1 into`);
        const server = await createServer({
          root,
          configFile: false,
          logLevel: 'error',
          appType: 'custom',
          plugins: [utrechtStylesheets()],
          server: { middlewareMode: true, hmr: false, ws: false },
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const mod = (await server.ssrLoadModule('/src/first-screen.tsx')) as {
            renderFirstScreen: () => string;
          };
          const markup = mod.renderFirstScreen();
          return html.replace(ROOT, `<div id="root">${FIRST_SCREEN_START}${markup}${FIRST_SCREEN_END}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}
