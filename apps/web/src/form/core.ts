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

export type PublicQuestion = import('@buurtsignaal/core').PublicCategory['questions'][number];
