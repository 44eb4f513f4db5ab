import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const CSS_ENTRY = /^(@utrecht\/[a-z0-9-]+-react)\/css$/;
const VIRTUAL_PREFIX = '\0utrecht-stylesheet:';

/** The directory of a package's package.json, found from one of its files. */
function packageDir(file: string, name: string): string {
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === name) return dir;
    } catch {
      // no package.json here: go up
    }
    dir = dirname(dir);
  }
  throw new Error(`no package.json of ${name} above ${file}`);
}

/**
 * The NL Design System components are imported from their `@utrecht/*-react/css` entry, which puts the
 * component's CSS into the page at run time with a `<style>` element — refused by our CSP (`style-src
 * 'self'`, no 'unsafe-inline'). This plugin serves that import as the package's plain entry (the same
 * components, no CSS) plus an import of the stylesheet the package is built from (its `@utrecht/*-css`
 * dependency, the same version), so Vite puts the CSS into the hashed .css files of the chunk that uses
 * the component. The source keeps importing `…/css`, which says that the component comes with its style.
 */
export function utrechtStylesheets(): Plugin {
  return {
    name: 'buurtsignaal:utrecht-stylesheets',
    enforce: 'pre',
    async resolveId(source, importer) {
      const match = CSS_ENTRY.exec(source);
      if (!match?.[1]) return null;
      const plain = await this.resolve(match[1], importer, { skipSelf: true });
      if (!plain) return null;
      return `${VIRTUAL_PREFIX}${match[1]}|${plain.id}`;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const [name = '', entry = ''] = id.slice(VIRTUAL_PREFIX.length).split('|');
      const dir = packageDir(entry, name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const require = createRequire(join(dir, 'package.json'));
      const stylesheets = Object.keys(manifest.dependencies ?? {})
        .filter((dep) => dep.endsWith('-css'))
        .map((dep) => require.resolve(`${dep}/dist/index.css`));
      if (stylesheets.length === 0) throw new Error(`${name} has no @utrecht/*-css dependency`);
      return [
        ...stylesheets.map((css) => `import ${JSON.stringify(css)};`),
        `export * from ${JSON.stringify(entry)};`,
      ].join('\n');
    },
  };
}
