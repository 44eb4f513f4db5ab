// Loaded lazily (on leaving the "Waar?" step), so that the municipality boundary and the
// point-in-polygon code are not part of the first screen.
export { isInsideMunicipality } from '@buurtsignaal/core';
