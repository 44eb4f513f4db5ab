import type { DbOrTx } from '@buurtsignaal/db';
import {
  confirmTotp,
  findStaffUserById,
  listStaffUsers,
  setPendingTotpSecret,
} from '@buurtsignaal/db/tables/staff-users-repository';
import { staffUserView } from './auth-service.ts';
import { createStaffAccount, type NewAccountInput } from './user-service.ts';

type StaffUser = NonNullable<Awaited<ReturnType<typeof findStaffUserById>>>;

/** Staff accounts as the routes see them: list and create, the signed-in user, TOTP enrolment. */
export function createAccountService(deps: { db: DbOrTx; now: () => Date }) {
  const { db, now } = deps;
  return {
    list: () => listStaffUsers(db),
    create: (input: NewAccountInput) => createStaffAccount(db, input),
    findById: (id: string) => findStaffUserById(db, id),
    view: (user: StaffUser) => staffUserView(db, user),
    /** false when the account has TOTP already. */
    setPendingTotpSecret: (userId: string, sealed: string) => setPendingTotpSecret(db, userId, sealed),
    /** Confirms enrolment with the code of `step`, which is then used up; false when another confirmation won. */
    confirmTotp: (userId: string, step: number) => confirmTotp(db, userId, now(), step),
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
