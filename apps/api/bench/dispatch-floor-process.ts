// `pnpm bench:dispatch`'s floor in a process of its own, as the API and the worker are.
import { testEnv } from '@buurtsignaal/testkit';
import { childOptions, serve } from './bench-process.ts';
import { startFloor } from './dispatch-floor.ts';

const o = childOptions<{ databaseUrl: string; prefix: string; concurrency: number }>();
const floor = await startFloor({ ...o, redisUrl: testEnv.redisUrl });
serve({ baseUrl: floor.baseUrl }, () => floor.close());
