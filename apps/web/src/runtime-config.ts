import { parseReply, type Wire, webConfigSchema } from '@buurtsignaal/core/contract';

/**
 * Configuration that differs per installation and is read at run time from the API (GET
 * /api/v1/config), so one build serves every municipality and every test setup.
 */
export type WebConfig = Wire<typeof webConfigSchema>;

/**
 * The API's base URL: empty (the page's own origin, as the API serves the web app), or set at build
 * time with VITE_API_BASE_URL when the web app is hosted elsewhere.
 */
export const apiBaseUrl: string = (import.meta.env.VITE_API_BASE_URL as string | undefined) ?? '';

export const apiUrl = (path: string): string => `${apiBaseUrl}${path}`;

let cached: Promise<WebConfig> | undefined;

export function loadWebConfig(): Promise<WebConfig> {
  cached ??= fetch(apiUrl('/api/v1/config')).then(async (res) => {
    if (!res.ok) throw new Error(`config: HTTP ${res.status}`);
    return parseReply(webConfigSchema, await res.json());
  });
  return cached;
}
