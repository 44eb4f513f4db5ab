import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { text } from '@buurtsignaal/core';
import { DataDirLockedError, openCliDatabase, seedReferenceData } from '@buurtsignaal/db';
import { type StaffRole, staffRoles } from '@buurtsignaal/db/tables/staff-users-repository';
import { z } from 'zod';
import { loadApiConfig, newPasswordFromEnv } from '../config.ts';
import { isApiError } from '../errors.ts';
import { rolesRequiringTotp } from '../staff/access-policy.ts';
import { MIN_PASSWORD_LENGTH } from '../staff/passwords.ts';
import { createStaffAccount } from '../staff/user-service.ts';
import { staffCliTexts, staffErrorTexts } from '../texts/index.ts';

// pnpm --filter @buurtsignaal/api user:create --email … --name … --role admin [--team boa-team …]
// Creates a staff account (e.g. the first admin) on the database of DATABASE_URL / DATA_DIR.

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let muted = false;
    // readline has no hidden mode: swallow the echo once the question has been written.
    output._writeToOutput = (s: string) => {
      if (!muted) process.stdout.write(s);
    };
    rl.question(question, (answer) => {
      process.stdout.write('\n');
      rl.close();
      resolve(answer);
    });
    muted = true;
    rl.on('SIGINT', () => reject(new Error('afgebroken')));
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = newPasswordFromEnv();
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) throw new Error(staffCliTexts.noTty);
  const first = await askHidden(staffCliTexts.passwordPrompt);
  if (first.length < MIN_PASSWORD_LENGTH) return first;
  const second = await askHidden(staffCliTexts.passwordRepeat);
  if (first !== second) throw new Error(staffCliTexts.passwordMismatch);
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      team: { type: 'string', multiple: true },
    },
  });
  const role = values.role as StaffRole | undefined;
  // The same checks as POST /api/v1/staff/users: no control characters in what reaches the database.
  const name = text({ trim: true }).min(1).max(200).safeParse(values.name);
  const valid =
    text().max(254).pipe(z.email()).safeParse(values.email).success &&
    (values.team ?? []).every((team) => text().min(1).max(100).safeParse(team).success);
  if (!valid || !name.success || !role || !staffRoles.includes(role)) {
    console.error(staffCliTexts.usage);
    return 2;
  }
  const password = await readPassword();
  if (password.length < MIN_PASSWORD_LENGTH) {
    console.error(staffErrorTexts.passwordTooShort(MIN_PASSWORD_LENGTH));
    return 1;
  }

  const config = loadApiConfig();
  const cli = await openCliDatabase({ DATABASE_URL: config.databaseUrl, DATA_DIR: config.dataDir });
  try {
    await cli.database.migrate();
    await seedReferenceData(cli.database.db);
    await createStaffAccount(cli.database.db, {
      email: values.email ?? '',
      name: name.data,
      role,
      teamIds: values.team ?? [],
      password,
    });
    console.log(staffCliTexts.created((values.email ?? '').trim().toLowerCase(), role, cli.describe));
    if (rolesRequiringTotp.has(role)) console.log(staffCliTexts.totpAtFirstLogin);
    return 0;
  } finally {
    await cli.close();
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  if (isApiError(err) || err instanceof DataDirLockedError || err instanceof Error) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
}
