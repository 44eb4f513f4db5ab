import { get, set } from 'idb-keyval';
import { apiUrl } from '../runtime-config.ts';
import { categoriesResponseSchema, type PublicCategory, parseReply } from './core.ts';

const CACHE_KEY = 'buurtsignaal:categories';
let pending: Promise<PublicCategory[]> | undefined;

async function fetchCategories(): Promise<PublicCategory[]> {
  try {
    const res = await fetch(apiUrl('/api/v1/categories'));
    if (!res.ok) throw new Error(`categories: HTTP ${res.status}`);
    // A body that is not the contract's (a proxy's page) counts as a failure: the cached copy is used.
    const body = parseReply(categoriesResponseSchema, await res.json());
    // Kept so that a draft restored without a connection still shows its questions.
    void set(CACHE_KEY, body.categories).catch(() => {});
    return body.categories;
  } catch (err) {
    const cached = await get<PublicCategory[]>(CACHE_KEY).catch(() => undefined);
    if (Array.isArray(cached) && cached.length > 0) return cached;
    throw err;
  }
}

/** The categories with their questions; one request per page load, retried after a failure. */
export function loadCategories(): Promise<PublicCategory[]> {
  pending ??= fetchCategories().catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}
