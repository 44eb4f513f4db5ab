import { z } from 'zod';

// Imported first by main.tsx, before any schema is made. The API's CSP has no 'unsafe-eval': zod would
// compile its object parsers with `new Function`, and finds out whether it may by trying — a refusal the
// browser reports as a CSP violation even though zod catches it. Jitless, it never tries.
z.config({ jitless: true });
