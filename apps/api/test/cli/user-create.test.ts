import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@buurtsignaal/db';
import { findStaffUserByEmail, listTeamsOfStaffUser } from '@buurtsignaal/db/tables/staff-users-repository';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/staff/passwords.ts';

// `pnpm --filter @buurtsignaal/api user:create …` runs this entry point.
const entry = fileURLToPath(new URL('../../src/cli/user-create.ts', import.meta.url));
const cwd = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'bs-user-create-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'DATABASE_URL' && k !== 'BS_NEW_PASSWORD') base[k] = v;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd,
    env: { ...base, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

const adminArgs = [
  '--email',
  'Eerste.Admin@Soest.nl',
  '--name',
  'Eerste Beheerder',
  '--role',
  'admin',
  '--team',
  'boa-team',
];

describe('user:create', () => {
  it('refuses a password shorter than 12 characters and creates nothing', async () => {
    const { code, out } = await run(adminArgs, { BS_NEW_PASSWORD: 'kort' });
    expect(code).toBe(1);
    expect(out).toContain('minstens 12 tekens');
  });

  it('refuses without a password when there is no terminal to ask on', async () => {
    const { code, out } = await run(adminArgs, {});
    expect(code).toBe(1);
    expect(out).toContain('BS_NEW_PASSWORD');
  });

  it('creates the first admin on a fresh embedded database and says TOTP comes at first login', async () => {
    const { code, out } = await run(adminArgs, { BS_NEW_PASSWORD: 'een heel goed wachtwoord' });
    expect(out).toContain('Account eerste.admin@soest.nl (admin) aangemaakt');
    expect(out).toContain('tweestapsverificatie');
    expect(out).not.toContain('een heel goed wachtwoord');
    expect(code).toBe(0);

    const again = await run(adminArgs, { BS_NEW_PASSWORD: 'een heel goed wachtwoord' });
    expect(again.code).toBe(1);
    expect(again.out).toContain('bestaat al een account');

    const database = await createDatabase({ pgliteDataDir: join(dataDir, 'pglite') });
    try {
      const user = await findStaffUserByEmail(database.db, 'eerste.admin@soest.nl');
      expect(user).toMatchObject({ name: 'Eerste Beheerder', role: 'admin', totpConfirmedAt: null });
      expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user?.passwordHash ?? '', 'een heel goed wachtwoord')).toBe(true);
      expect(await listTeamsOfStaffUser(database.db, user?.id ?? '')).toEqual([
        { id: 'boa-team', name: 'Boa-team Soest' },
      ]);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('shows the usage for a missing or unknown role', async () => {
    const { code, out } = await run(['--email', 'a@soest.nl', '--name', 'A', '--role', 'baas'], {
      BS_NEW_PASSWORD: 'een heel goed wachtwoord',
    });
    expect(code).toBe(2);
    expect(out).toContain('Gebruik:');
  });
});
