// Server-side only: date-holidays is ~240 KB gz. Imported as '@buurtsignaal/core/sla', never from the
// package index, so the web bundle cannot pull it in.

export * from '../time/amsterdam-time.ts';
export * from './afhandeltermijn.ts';
export * from './werkdagen.ts';
