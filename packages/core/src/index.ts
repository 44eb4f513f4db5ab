export * from './answers.ts';
export * from './categories.ts';
export * from './geo/areas.ts';
export type * from './geo/geojson-types.ts';
export * from './geo/h3-cells.ts';
export * from './intake-schema.ts';
export * from './reference.ts';
export * from './status-machine.ts';
export * from './texts-nl.ts';
