// Imported first by main.tsx, before any schema is made. The API's CSP has no 'unsafe-eval': zod would
// compile its object parsers with `new Function`, and finds out whether it may by trying — a refusal the
// browser reports as a CSP violation even though zod catches it. Jitless, it never tries.
// Set through the global that zod reads its configuration from (`globalThis.__zod_globalConfig`, what
// `z.config()` writes to), so that zod itself stays out of the first screen's JavaScript: it arrives
// with the chunks that validate (form steps 2–5, status page, console), always after this has run.
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = Object.assign(scope.__zod_globalConfig ?? {}, { jitless: true });
