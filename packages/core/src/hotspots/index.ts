export * from './hotspot-pass.ts';
export * from './hotspot-teams.ts';
