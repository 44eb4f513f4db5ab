import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  findUnknownTeamIds,
  insertStaffUser,
  type StaffRole,
} from '@buurtsignaal/db/tables/staff-users-repository';
import { ApiError } from '../errors.ts';
import { staffErrorTexts } from '../texts/index.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';

export interface NewAccountInput {
  email: string;
  name: string;
  role: StaffRole;
  teamIds: readonly string[];
  password: string;
}

/** Creates a staff account (API and user:create). Errors are ApiErrors with a Dutch message. */
export async function createStaffAccount(db: DbOrTx, input: NewAccountInput): Promise<{ id: string }> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    const message = staffErrorTexts.passwordTooShort(MIN_PASSWORD_LENGTH);
    throw new ApiError(400, 'PASSWORD_TOO_SHORT', message, [{ field: 'password', message }]);
  }
  const teamIds = [...new Set(input.teamIds)];
  const [unknown] = await findUnknownTeamIds(db, teamIds);
  if (unknown !== undefined) {
    const message = staffErrorTexts.unknownTeam(unknown);
    throw new ApiError(400, 'UNKNOWN_TEAM', message, [{ field: 'teamIds', message }]);
  }
  const id = randomUUID();
  const inserted = await insertStaffUser(db, {
    id,
    email: input.email,
    name: input.name.trim(),
    role: input.role,
    passwordHash: await hashPassword(input.password),
    teamIds,
  });
  if (!inserted) {
    throw new ApiError(409, 'EMAIL_TAKEN', staffErrorTexts.emailTaken, [
      { field: 'email', message: staffErrorTexts.emailTaken },
    ]);
  }
  return { id };
}
