import type { ServerDeps } from './deps';

/** Hono bindings shared by the app, its middleware and the route table. */
export interface AppEnv {
  Variables: {
    requestId: string;
    deps: ServerDeps;
  };
}
