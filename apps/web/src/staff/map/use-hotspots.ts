import { resolutionForZoom } from '@buurtsignaal/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { loadWebConfig } from '../../runtime-config.ts';
import { asApiError } from '../api.ts';
import { type HotspotFilters, insightApi } from '../insight-api.ts';
import type { View } from './hotspot-map.tsx';

/** The map's configuration and the active hotspots: read once per visit. */
export function useMapBasics() {
  const config = useQuery({
    queryKey: ['web-config'],
    queryFn: loadWebConfig,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const active = useQuery({ queryKey: ['active-hotspots'], queryFn: () => insightApi.activeHotspots() });
  return {
    config: config.data?.map ?? null,
    configFailed: config.isError,
    // The outlines are extra: without them the map still works.
    active: active.data?.items ?? [],
  };
}

/**
 * The cells in view for the filters, with the counts of the period before (for the trend). The newest
 * view wins; while another view loads, the previous cells stay on the map.
 */
export function useHotspots(view: View | null, filters: HotspotFilters, previous: HotspotFilters) {
  const res = view ? resolutionForZoom(view.zoom) : null;
  const query = useQuery({
    queryKey: ['hotspots', view?.bbox, res, filters, previous],
    enabled: view !== null && res !== null,
    queryFn: async () => {
      if (!view || res === null) throw new Error('no view');
      const [now, prev] = await Promise.all([
        insightApi.hotspots(view.bbox, res, filters),
        insightApi.hotspots(view.bbox, res, previous).catch(() => null),
      ]);
      return { now, before: prev ? new Map(prev.cells.map((c) => [c.cell, c.count])) : null };
    },
    placeholderData: keepPreviousData,
  });
  return {
    res,
    data: query.data?.now ?? null,
    before: query.data?.before ?? null,
    loading: query.isFetching,
    error: query.error ? asApiError(query.error).message : null,
  };
}
