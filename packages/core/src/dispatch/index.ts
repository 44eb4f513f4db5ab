export * from './dispatch-plan.ts';
export * from './escalation-policy.ts';
export * from './pickup-expectation.ts';
export * from './pickup-notice.ts';
export * from './reopen-plan.ts';
