import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `pnpm lint` runs dependency-cruiser with the repo's .dependency-cruiser.cjs. Here that same config and
// binary judge a small tree that breaks each rule once, so a rule that stops biting fails this test
// (the real tree passing is `pnpm lint` itself).

const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bs-depcruise-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, 'tree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function cruise(dir: string): { status: number | null; output: string } {
  const bin = join(root, 'node_modules', '.bin', 'depcruise');
  const args = ['apps', 'packages', '--config', join(root, '.dependency-cruiser.cjs'), '--no-cache'];
  const run = spawnSync(bin, [...args, '--output-type', 'err'], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the dependency rules of pnpm lint', () => {
  it('fail on an import cycle, also one through a type-only import', () => {
    const dir = tree({
      'apps/api/src/routes.ts': "import type { Options } from './child.ts';\nexport const o: Options = {};\n",
      'apps/api/src/child.ts':
        "import { o } from './routes.ts';\nexport type Options = object;\nexport { o };\n",
      'packages/core/src/index.ts': 'export const x = 1;\n',
    });
    const { status, output } = cruise(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/no-circular: apps\/api\/src\/(routes|child)\.ts/);
  });

  it('fail when an app imports another app, and let apps/embedded and tests compose them', () => {
    const dir = tree({
      'apps/api/src/index.ts': "import { w } from '../../worker/src/index.ts';\nexport const a = w;\n",
      'apps/worker/src/index.ts': 'export const w = 1;\n',
      'apps/worker/test/e2e.test.ts': "import { a } from '../../api/src/index.ts';\nexport const t = a;\n",
      'apps/embedded/src/main.ts':
        "import { a } from '../../api/src/index.ts';\nimport { w } from '../../worker/src/index.ts';\nexport const m = [a, w];\n",
      'packages/core/src/index.ts': 'export const x = 1;\n',
    });
    const { status, output } = cruise(dir);
    expect(status).not.toBe(0);
    expect(output).toContain('no-app-imports-app: apps/api/src/index.ts → apps/worker/src/index.ts');
    expect(output).not.toMatch(/no-app-imports-app: apps\/(embedded|worker\/test)/);
    expect(output).toMatch(/1 dependency violations? \(1 error/);
  });

  it('pass a tree without either', () => {
    const dir = tree({
      'apps/api/src/index.ts':
        "import { x } from '../../../packages/core/src/index.ts';\nexport const a = x;\n",
      'packages/core/src/index.ts': 'export const x = 1;\n',
    });
    const { status, output } = cruise(dir);
    expect(status).toBe(0);
    expect(output).toContain('no dependency violations found');
  });
});
