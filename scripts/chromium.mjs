import { readFileSync } from 'node:fs';

// The Chromium the bench (scripts/bench) launches: the one the e2e specs run
// in, with the same flags. They are written once, in playwright.config.ts (its
// `launchOptions`, where a reader of the specs looks for them), and read from
// there: Debian's package, which Playwright cannot download here.
// scripts/ensure-chromium.sh (shell) installs it at that path.

const PLAYWRIGHT_CONFIG = new URL('../playwright.config.ts', import.meta.url);

/**
 * `launchOptions.executablePath` and `args` from the text of
 * playwright.config.ts. They must stay string literals there; anything else
 * is an error that says so, not a guess.
 */
export function chromiumFromPlaywrightConfig(text) {
  const launch = /launchOptions:\s*\{([\s\S]*?)\n\s*\},?\n/.exec(text)?.[1] ?? '';
  const path = /executablePath:\s*'([^']+)'/.exec(launch)?.[1];
  const argList = /args:\s*\[([^\]]*)\]/.exec(launch)?.[1];
  const args = argList === undefined ? [] : [...argList.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  if (!path || args.length === 0) {
    throw new Error(
      'playwright.config.ts: found no launchOptions with executablePath and args as string literals (the bench launches the same Chromium)',
    );
  }
  return { path, args: Object.freeze(args) };
}

const { path, args } = chromiumFromPlaywrightConfig(readFileSync(PLAYWRIGHT_CONFIG, 'utf8'));
/** Debian's Chromium, as the e2e specs launch it. */
export const CHROMIUM_PATH = path;
/** The e2e specs' launch flags (frozen: spread it into a new array to pass it on). */
export const CHROMIUM_ARGS = args;
