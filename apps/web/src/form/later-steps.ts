import { lazy } from 'react';
import { loadSubmit } from './use-submission.ts';

// Only step 1 is in the first screen's chunk. The later steps, the confirmation and the shared intake
// schema (zod) are chunks of their own, asked for as soon as the resident picks a category (see
// `prefetchLaterSteps`), so that they are there by the time "Volgende" is pressed.
export const loadValidation = () => import('./validation.ts');
const loadDetails = () => import('./steps/details-step.tsx');
const loadContact = () => import('./steps/contact-step.tsx');
const loadReview = () => import('./steps/review-step.tsx');
const loadConfirmation = () => import('./confirmation-view.tsx');
export const DetailsStep = lazy(() => loadDetails().then((m) => ({ default: m.DetailsStep })));
export const ContactStep = lazy(() => loadContact().then((m) => ({ default: m.ContactStep })));
export const ReviewSummary = lazy(() => loadReview().then((m) => ({ default: m.ReviewSummary })));
export const ConfirmationView = lazy(() => loadConfirmation().then((m) => ({ default: m.ConfirmationView })));
export const prefetchLaterSteps = () => {
  for (const load of [loadValidation, loadDetails, loadContact, loadReview, loadSubmit])
    void load().catch(() => {});
};
