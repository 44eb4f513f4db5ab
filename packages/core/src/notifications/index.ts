export * from './mail-coalescing.ts';
export * from './mail-policy.ts';
