import { z } from 'zod';

/**
 * The sandbox's configuration, from the environment. The only file in
 * src/sandbox that reads process.env; a bad value prints which variable is
 * wrong and exits 1.
 */
const EnvSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(8126),
  SANDBOX_HOST: z.string().trim().min(1).default('127.0.0.1'),
  SANDBOX_API_KEY: z.string().min(1).default('sandbox-api-key'),
  SANDBOX_APP_KEY: z.string().min(1).default('sandbox-app-key'),
  SANDBOX_ATLAS_PUBLIC_KEY: z.string().min(1).default('sandbox-atlas-public-key'),
  SANDBOX_ATLAS_PRIVATE_KEY: z.string().min(1).default('sandbox-atlas-private-key'),
  WATCHDECK_DATA_DIR: z.string().trim().min(1).default('./data'),
  SANDBOX_SEED: z.enum(['demo', 'empty']).default('demo'),
  SANDBOX_SEED_MONITORS: z.coerce.number().int().positive().optional(),
  // Datadog's rate limits: "on" (the defaults), "off", or a positive factor applied to every limit.
  SANDBOX_RATE_LIMITS: z
    .string()
    .trim()
    .toLowerCase()
    .default('on')
    .transform((v, ctx): { scale: number } | false => {
      if (v === 'off') return false;
      if (v === 'on') return { scale: 1 };
      const n = Number(v);
      if (v !== '' && Number.isFinite(n) && n > 0) return { scale: n };
      ctx.addIssue({ code: 'custom', message: 'expected "on", "off" or a positive number (a factor on every limit)' });
      return z.NEVER;
    }),
});

export type SandboxEnv = z.output<typeof EnvSchema>;

/** Parses an environment; returns the problems instead of throwing. */
export function parseSandboxEnv(
  source: Record<string, string | undefined>,
): { ok: true; env: SandboxEnv } | { ok: false; problems: string[] } {
  // An empty string means "not set", like an unset variable.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const r = EnvSchema.safeParse(cleaned);
  if (r.success) return { ok: true, env: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`) };
}

/** Reads process.env; prints and exits 1 on a bad value. */
export function loadSandboxEnv(): SandboxEnv {
  const r = parseSandboxEnv(process.env);
  if (!r.ok) {
    console.error(`[sandbox] invalid environment:\n  ${r.problems.join('\n  ')}`);
    process.exit(1);
  }
  return r.env;
}
