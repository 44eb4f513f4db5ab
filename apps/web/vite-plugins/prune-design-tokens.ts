import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const THEME = /@utrecht\/design-tokens\/dist\/theme\.css$/;
const DECLARATION = /^\s*(--[\w-]+)\s*:([^;]*);.*$/;
const REFERENCE = /var\(\s*(--[\w-]+)/g;

/** Every file below `dir` whose name ends with one of `ends` (node_modules and dist left out). */
function filesBelow(dir: string, ends: string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesBelow(path, ends));
    else if (ends.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

/** A package's directory as Node.js would find it from `from`: the nearest node_modules that has it. */
function findPackage(name: string, from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
  }
  throw new Error(`${name} not found from ${from}`);
}

const dependenciesOf = (dir: string): string[] =>
  Object.keys(
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> })
      .dependencies ?? {},
  );

/** The stylesheets of the NL Design System components the app uses: every `@utrecht/*-css` it reaches. */
function componentStylesheets(webRoot: string): string[] {
  const sheets = new Set<string>();
  for (const dep of dependenciesOf(webRoot)) {
    if (!dep.startsWith('@utrecht/') || dep === '@utrecht/design-tokens') continue;
    const dir = findPackage(dep, webRoot);
    const cssDirs = dep.endsWith('-css')
      ? [dir]
      : dependenciesOf(dir)
          .filter((d) => d.startsWith('@utrecht/') && d.endsWith('-css'))
          .map((d) => findPackage(d, dir));
    for (const css of cssDirs) sheets.add(join(css, 'dist', 'index.css'));
  }
  return [...sheets];
}

/**
 * The design tokens (`@utrecht/design-tokens/dist/theme.css`, 88 KB: ~1,240 custom properties for every
 * NL Design System component) are in the CSS that every page waits for. This keeps only the tokens that
 * the app's CSS, the stylesheets of the components it uses and its own sources refer to with `var(…)`,
 * and the tokens those refer to in turn. A token that nothing reads changes nothing on screen.
 * The file is expected to be one rule of one declaration per line; anything else fails the build.
 */
export function pruneDesignTokens(): Plugin {
  const webRoot = fileURLToPath(new URL('..', import.meta.url));
  return {
    name: 'buurtsignaal:prune-design-tokens',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!THEME.test(id.split('?')[0] ?? '')) return null;
      const consumers = [
        ...componentStylesheets(webRoot),
        ...filesBelow(join(webRoot, 'src'), ['.css', '.ts', '.tsx']),
      ];
      for (const file of consumers) this.addWatchFile(file);
      const used = new Set<string>();
      for (const file of consumers) {
        for (const m of readFileSync(file, 'utf8').matchAll(REFERENCE)) used.add(m[1] as string);
      }
      const lines = code.split('\n');
      const values = new Map<string, string>();
      for (const line of lines) {
        const m = DECLARATION.exec(line);
        if (m) values.set(m[1] as string, m[2] as string);
      }
      if (values.size < 100)
        throw new Error(`${id}: expected one declaration per line, found ${values.size}`);
      // Tokens that kept tokens refer to are kept too, until nothing new is found.
      const pending = [...used];
      while (pending.length > 0) {
        const value = values.get(pending.pop() as string);
        for (const m of value?.matchAll(REFERENCE) ?? []) {
          const name = m[1] as string;
          if (!used.has(name)) {
            used.add(name);
            pending.push(name);
          }
        }
      }
      const kept = lines.filter((line) => {
        const m = DECLARATION.exec(line);
        return !m || used.has(m[1] as string);
      });
      return { code: kept.join('\n'), map: null };
    },
  };
}
