import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  findStaffUserByEmail,
  insertStaffUser,
  type StaffRole,
  updateStaffCredentials,
} from '@buurtsignaal/db/tables/staff-users-repository';
import { rolesRequiringTotp } from './access-policy.ts';
import { hashPassword } from './passwords.ts';
import { createStaffKeys } from './staff-keys.ts';
import { newTotpSecret, totpUri } from './totp.ts';

// Demo accounts of the embedded default (`pnpm start`), one per role, so that a demo can log in at once.
// Only the launcher in apps/embedded calls this — never server.ts: production accounts come from `user:create`.

export interface DemoAccount {
  email: string;
  name: string;
  role: StaffRole;
  teamIds: string[];
  password: string;
  /** coordinator/admin: the pre-confirmed TOTP secret as an otpauth:// URI for an authenticator app. */
  totpUri?: string;
}

const demoAccounts: readonly Omit<DemoAccount, 'password'>[] = [
  { email: 'boa@soest.demo', name: 'Demo Boa', role: 'boa', teamIds: ['boa-team'] },
  { email: 'politie@soest.demo', name: 'Demo Politie', role: 'politie', teamIds: ['politie-basisteam'] },
  {
    email: 'coordinator@soest.demo',
    name: 'Demo Coördinator',
    role: 'coordinator',
    teamIds: ['boa-team', 'politie-basisteam'],
  },
  { email: 'admin@soest.demo', name: 'Demo Beheerder', role: 'admin', teamIds: [] },
];

/**
 * Creates the demo accounts, or gives existing ones a new password: a fresh random password per start,
 * shown in the start-up banner. A TOTP secret that still opens is kept, so the entry in an authenticator
 * app survives restarts.
 */
export async function seedDemoAccounts(db: DbOrTx, staffKey: Buffer): Promise<DemoAccount[]> {
  const { totpBox } = createStaffKeys(staffKey);
  const result: DemoAccount[] = [];
  for (const account of demoAccounts) {
    const password = randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(password);
    const existing = await findStaffUserByEmail(db, account.email);
    const needsTotp = rolesRequiringTotp.has(account.role);
    let secret: string | null = null;
    if (needsTotp && existing?.totpSecretSealed)
      secret = totpBox.open(existing.totpSecretSealed, existing.id);
    const fresh = needsTotp && secret === null;
    if (fresh) secret = newTotpSecret();

    if (existing) {
      await updateStaffCredentials(db, existing.id, {
        passwordHash,
        ...(fresh && secret
          ? { totpSecretSealed: totpBox.seal(secret, existing.id), totpConfirmedAt: new Date() }
          : {}),
      });
    } else {
      const id = crypto.randomUUID();
      await insertStaffUser(db, {
        id,
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash,
        teamIds: account.teamIds,
        ...(secret ? { totpSecretSealed: totpBox.seal(secret, id), totpConfirmedAt: new Date() } : {}),
      });
    }
    result.push({ ...account, password, ...(secret ? { totpUri: totpUri(secret, account.email) } : {}) });
  }
  return result;
}

/** The lines of the start-up banner. */
export function demoAccountLines(accounts: readonly DemoAccount[]): string[] {
  return [
    '  demo-accounts (wachtwoorden gelden tot de volgende start):',
    ...accounts.flatMap((a) => [
      `    ${a.role.padEnd(12)} ${a.email.padEnd(24)} wachtwoord ${a.password}`,
      ...(a.totpUri ? [`    ${''.padEnd(12)} TOTP: ${a.totpUri}`] : []),
    ]),
  ];
}
