import type { IndexHtmlTransformContext } from 'vite';
import { EARLY_ENTRY, earlyRequestsScript } from './early-requests-script';

function transform(bundle: Record<string, unknown>, base = '/') {
  const plugin = earlyRequestsScript();
  (plugin.configResolved as unknown as (config: { base: string }) => void)({ base });
  const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => unknown };
  return hook.handler('<html></html>', { bundle } as unknown as IndexHtmlTransformContext);
}

const chunk = (name: string, fileName: string, imports: string[] = []) => ({ type: 'chunk', isEntry: true, name, fileName, imports });

describe('the early requests script in index.html', () => {
  it('is added first in <head>, as its own async module script', () => {
    const tags = transform({ a: chunk('index', 'assets/index-1.js'), b: chunk(EARLY_ENTRY, 'assets/early-2.js') });
    expect(tags).toEqual([
      { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: '/assets/early-2.js' }, injectTo: 'head-prepend' },
    ]);
  });

  it('stops the build when the entry is missing, or imports another chunk (it would wait for it)', () => {
    expect(() => transform({ a: chunk('index', 'assets/index-1.js') })).toThrow(/no "early" entry/);
    expect(() => transform({ b: chunk(EARLY_ENTRY, 'assets/early-2.js', ['assets/react-3.js']) })).toThrow(/must stand alone/);
  });
});
