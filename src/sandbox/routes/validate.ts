import type { Hono } from 'hono';

export function registerValidateRoutes(app: Hono): void {
  app.get('/api/v1/validate', (c) => c.json({ valid: true }));
}
