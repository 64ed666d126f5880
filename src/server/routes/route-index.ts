import { pathPattern, type BoundRoute } from './define-route';

/**
 * Finds the table entry for a method and path, the same way the router does
 * (same templates, parameters are one non-empty segment). The middleware uses
 * it before the route runs: to know the lowest role, the audit action and
 * target, and whether the path exists at all (404) or only with another
 * method (405).
 */
export interface RouteMatch {
  route: BoundRoute;
  /** Raw path parameters, percent-decoded. */
  params: Record<string, string>;
}

export interface RouteIndex {
  match(method: string, path: string): RouteMatch | null;
  /** Methods the path answers (GET implies HEAD); empty when the path is not in the table. */
  allowedMethods(path: string): string[];
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function createRouteIndex(routes: readonly BoundRoute[]): RouteIndex {
  const entries = routes.map((route) => ({ route, method: route.spec.method.toUpperCase(), pattern: pathPattern(route.spec.path) }));
  return {
    match(method, path) {
      const wanted = method === 'HEAD' ? 'GET' : method;
      for (const entry of entries) {
        if (entry.method !== wanted) continue;
        const m = entry.pattern.exec(path);
        if (!m) continue;
        const params: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decode(v);
        return { route: entry.route, params };
      }
      return null;
    },
    allowedMethods(path) {
      const methods = entries.filter((e) => e.pattern.test(path)).flatMap((e) => (e.method === 'GET' ? ['GET', 'HEAD'] : [e.method]));
      return [...new Set(methods)];
    },
  };
}
