/**
 * Every Dutch (nl-NL) text of the web app, in one place for review and translation, split by area:
 * the public pages (app, form, location, status page) and the staff console (console-*).
 */
export { appTexts } from './app.ts';
export { consoleTexts } from './console.ts';
export { consoleStandardTextsTexts, consoleStuckTexts, consoleUsersTexts } from './console-admin.ts';
export { consoleActionTexts, consoleDetailTexts, consoleNotableTexts } from './console-detail.ts';
export { consoleLoginTexts, consoleTotpTexts } from './console-login.ts';
export { consoleCellTexts, consoleMapTexts, resolutionLabel } from './console-map.ts';
export { consoleQueueTexts } from './console-queue.ts';
export { consoleRulesTexts } from './console-rules.ts';
export { consoleWeekTexts } from './console-week.ts';
export { formTexts } from './form.ts';
export { locationTexts } from './location.ts';
export {
  answerTexts,
  MELDER_TEXT_MAX,
  satisfactionTexts,
  statusExplanations,
  statusPageTexts,
} from './status-page.ts';
