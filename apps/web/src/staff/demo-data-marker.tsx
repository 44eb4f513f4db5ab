import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { staffTexts } from '../texts/index.ts';
import { staffRequest } from './api.ts';

const demoDataSchema = z.object({ demoMeldingen: z.number() });

/**
 * On every console page, while the database holds demo meldingen (the embedded default started with
 * DEMO_SEED=1): a marker that says so, so that nobody takes the map or the overview for real reports.
 */
export function DemoDataMarker() {
  const query = useQuery({
    queryKey: ['demo-data'],
    queryFn: () => staffRequest('GET', '/demo-data', demoDataSchema),
    staleTime: 5 * 60_000,
  });
  const count = query.data?.demoMeldingen ?? 0;
  if (count === 0) return null;
  return (
    <p className="utrecht-paragraph bs-demo-data" data-testid="demo-data-marker">
      <strong className="bs-demo-data__badge">{staffTexts.demoData.badge}</strong>{' '}
      {staffTexts.demoData.note(count)}
    </p>
  );
}
