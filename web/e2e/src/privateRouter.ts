// A router of a test's own, on its own port, in front of the shared
// product subgraph: the offline tests stop and restart it without
// disturbing the files that run in parallel on the shared router.
import { join } from 'node:path';
import { freePort, startService, stopService, waitReady, type Service } from './processes.ts';
import { stack } from './harness.ts';

/** A router the test controls: stopRouter() and startRouter() keep its origin (same port). */
export interface PrivateRouter {
  origin: string;
  stopRouter(): Promise<void>;
  startRouter(): Promise<void>;
}

/** Starts a second router serving web/dist (same config, same product subgraph) on a free port. */
export async function privateRouter(): Promise<PrivateRouter> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let svc: Service | undefined;
  const startRouter = async (): Promise<void> => {
    svc = startService(`router-${port}`, join(stack.root, 'bin/router'), ['serve', '--config', 'router/router.yaml', '--listen', `127.0.0.1:${port}`], stack.routerEnv, stack.root);
    await waitReady(`${origin}/readyz`, svc);
  };
  const stopRouter = async (): Promise<void> => {
    if (svc) await stopService(svc);
    svc = undefined;
  };
  await startRouter();
  return { origin, stopRouter, startRouter };
}
