/**
 * Configuration that differs per installation and is read at run time from the API (GET
 * /api/v1/config), so one build serves every municipality and every test setup.
 */
export interface WebConfig {
  municipality: { name: string; code: string };
  pdok: {
    /** PDOK Locatieserver v3.1 base, e.g. https://api.pdok.nl/bzk/locatieserver/search/v3_1 (suggest, lookup, reverse). */
    locatieserverUrl: string;
  };
  map: {
    /** XYZ tile URL template, e.g. PDOK BRT-Achtergrondkaart in EPSG:3857. */
    tileUrl: string;
    attribution: string;
    /** Where the map opens: [lat, lng] and zoom. */
    center: [number, number];
    zoom: number;
    maxZoom: number;
  };
}

/**
 * The API's base URL: empty (the page's own origin, as the API serves the web app), or set at build
 * time with VITE_API_BASE_URL when the web app is hosted elsewhere.
 */
export const apiBaseUrl: string = (import.meta.env.VITE_API_BASE_URL as string | undefined) ?? '';

export const apiUrl = (path: string): string => `${apiBaseUrl}${path}`;

let cached: Promise<WebConfig> | undefined;

export function loadWebConfig(): Promise<WebConfig> {
  cached ??= fetch(apiUrl('/api/v1/config')).then((res) => {
    if (!res.ok) throw new Error(`config: HTTP ${res.status}`);
    return res.json() as Promise<WebConfig>;
  });
  return cached;
}
