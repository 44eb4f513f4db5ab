// The parts of @buurtsignaal/core that the first screen (step 1) needs, without zod: the categories as
// core defines them, so that step 1 renders without waiting for GET /api/v1/categories. Everything
// with a schema comes from ./core.ts, which only the later steps' chunks load.
export { toPublicCategories } from '@buurtsignaal/core';
