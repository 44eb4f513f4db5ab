export * from './mail-policy.ts';
