/**
 * Every Dutch (nl-NL) text of the web app, in one place for review and translation, split by area:
 * the public pages (app, form, location, status page) and the staff console (console-*).
 */
export { appTexts } from './app.ts';
export { formTexts } from './form.ts';
export { locationTexts } from './location.ts';
export { staffTexts } from './staff.ts';
export { staffStandardTextsTexts, staffStuckTexts, staffUsersTexts } from './staff-admin.ts';
export { staffAdviceTexts } from './staff-advice.ts';
export { staffActionTexts, staffDetailTexts, staffNotableTexts } from './staff-detail.ts';
export { staffEscalationTexts } from './staff-escalation.ts';
export { staffGroupTexts } from './staff-grouping.ts';
export { staffLiveTexts } from './staff-live.ts';
export { staffLoginTexts, staffTotpTexts } from './staff-login.ts';
export { resolutionLabel, staffCellTexts, staffMapTexts } from './staff-map.ts';
export { staffPushTexts } from './staff-push.ts';
export { staffQueueTexts } from './staff-queue.ts';
export { staffAreasTexts, staffRostersTexts } from './staff-rosters.ts';
export { staffRoutingTexts } from './staff-routing.ts';
export { staffRulesTexts } from './staff-rules.ts';
export { staffWeekTexts } from './staff-week.ts';
export {
  answerTexts,
  MELDER_TEXT_MAX,
  satisfactionTexts,
  statusExplanations,
  statusPageTexts,
} from './status-page.ts';
