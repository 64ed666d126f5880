import type { IndexHtmlTransformContext, Plugin } from 'vite';

/** The entry's name in the build's inputs (vite.config.ts). */
export const EARLY_ENTRY = 'early';

/**
 * Adds the early-requests entry (src/app/early-entry.ts, see early-requests.ts) to the built
 * index.html as its own async module script, first in <head>. Vite would merge a second
 * module script written in index.html into the app's entry, which defeats its purpose: it must
 * run as soon as its few hundred bytes arrive, not after the app has loaded.
 */
export function earlyRequestsScript(): Plugin {
  let base = '/';
  return {
    name: 'watchdeck:early-requests-script',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html: string, ctx: IndexHtmlTransformContext) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === EARLY_ENTRY);
        if (!chunk || chunk.type !== 'chunk') throw new Error(`early-requests-script: no "${EARLY_ENTRY}" entry chunk in the build`);
        if (chunk.imports.length > 0) {
          throw new Error(`early-requests-script: the early entry imports ${chunk.imports.join(', ')}; it must stand alone to run first`);
        }
        return [
          { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `${base}${chunk.fileName}` }, injectTo: 'head-prepend' },
        ];
      },
    },
  };
}
