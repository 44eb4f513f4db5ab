// The one place where the web app imports @buurtsignaal/core, so that it is easy to see (and to keep)
// that only small, side-effect-free parts end up in the bundle (no h3-js: see the build output).
export type {
  AnswerValue,
  CategoriesResponse,
  CategoryId,
  IntakeInput,
  IntakeResponse,
  PublicCategory,
} from '@buurtsignaal/core';
export { DESCRIPTION_MAX, DESCRIPTION_MIN, intakeMessages, intakeSchema } from '@buurtsignaal/core';
// The replies of the API to the form, as the API's route schemas say (the contract).
export {
  categoriesResponseSchema,
  errorResponseSchema,
  intakeResponseSchema,
  parseReply,
  type ResponseErrorCode,
  safeParseReply,
  type Wire,
} from '@buurtsignaal/core/contract';

export type PublicQuestion = import('@buurtsignaal/core').PublicCategory['questions'][number];
