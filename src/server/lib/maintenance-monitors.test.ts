import { previewWindow } from '../../contract/maintenance';
import { NOW, rawGroup, rawMonitor } from '../testing/fixtures';
import { readListMonitors } from '../upstreams/datadog/list-schemas';
import { candidateMonitors, indexNames, monitorIndex, monitorNames, previewTargets, unknownMonitorIds } from './maintenance-monitors';
import { buildMonitorList, MonitorListBuilder, MonitorPageBuilder, previewRows, type MonitorList } from './monitor-list';

const listOf = (raws: unknown[]) => buildMonitorList(readListMonitors(raws), NOW, (t) => t);

const raws = [
  rawMonitor(1, { tags: ['Team:Payments', 'env:prod'] }),
  rawMonitor(2, { tags: ['team:payments'] }),
  rawMonitor(3, { tags: ['team:web', 'env:prod'] }),
  rawMonitor(4, { tags: [], state: { groups: {} } }),
];
const monitors = await listOf(raws);

/** The list as a multi-page load keeps it: one chunk per page. */
async function pagedList(pages: unknown[][]): Promise<MonitorList> {
  const list = new MonitorListBuilder(NOW);
  for (const page of pages) {
    const builder = new MonitorPageBuilder(NOW, (t) => t);
    for (const raw of readListMonitors(page)) builder.add(raw);
    list.addPage(await builder.finish());
  }
  return list.finish();
}

describe('the monitor index', () => {
  it('is built once per loaded list', async () => {
    expect(monitorIndex(monitors)).toBe(monitorIndex(monitors));
    expect(monitorIndex(await listOf(raws))).not.toBe(monitorIndex(monitors));
  });

  it('reads the groups and their states', async () => {
    expect(monitorIndex(monitors).byId.get(1)).toEqual({
      id: 1,
      name: 'Monitor 1',
      tags: ['Team:Payments', 'env:prod'],
      groups: [
        { name: 'host:web-1', status: 'Alert' },
        { name: 'host:web-2', status: 'OK' },
        { name: 'host:web-3', status: 'OK' },
      ],
    });
  });

  it('picks the candidates by id and by the rarest wanted tag (any case), in list order', async () => {
    const index = monitorIndex(monitors);
    const ids = (targets: { monitorIds: number[]; monitorTags: string[] }) => candidateMonitors(index, targets).map((m) => m.id);
    expect(ids({ monitorIds: [3], monitorTags: [] })).toEqual([3]);
    expect(ids({ monitorIds: [], monitorTags: ['team:payments'] })).toEqual([1, 2]);
    // A superset of the matches (previewWindow still checks every wanted tag): the first of the rarest lists.
    expect(ids({ monitorIds: [4], monitorTags: ['env:prod', 'TEAM:PAYMENTS'] })).toEqual([1, 3, 4]);
    expect(ids({ monitorIds: [], monitorTags: ['team:nobody', 'env:prod'] })).toEqual([]);
    expect(ids({ monitorIds: [], monitorTags: [] })).toEqual([1, 2, 3, 4]);
    expect(ids({ monitorIds: [2], monitorTags: ['*'] })).toEqual([1, 2, 3, 4]);
  });

  it('previews exactly what previewWindow over every monitor would', async () => {
    const index = monitorIndex(monitors);
    for (const targets of [
      { monitorIds: [3], monitorTags: ['team:payments'] },
      { monitorIds: [], monitorTags: ['env:prod', 'team:payments'] },
      { monitorIds: [], monitorTags: [] },
    ]) {
      for (const scope of ['*', 'host:web-1', 'NOT host:web-2']) {
        expect(previewTargets(index, targets, scope)).toEqual(previewWindow(index.all, targets, scope));
      }
    }
  });

  it('names the ids it does not know', async () => {
    expect(unknownMonitorIds(monitorIndex(monitors), [1, 9, 9, 4, 7])).toEqual([9, 7]);
  });

  it('previews a tagged window over 10,000 monitors × 20 groups by touching only the tagged ones', async () => {
    const big = await listOf(
      Array.from({ length: 10_000 }, (_, i) =>
        rawMonitor(i + 1, {
          tags: [`team:t${i % 100}`, 'env:prod'],
          state: {
            groups: Object.fromEntries(
              Array.from({ length: 20 }, (_, g) => [`host:h${g},env:${g % 2 ? 'prod' : 'dev'}`, rawGroup(`host:h${g},env:${g % 2 ? 'prod' : 'dev'}`, g === 0 ? 'Alert' : 'OK')]),
            ),
          },
        }),
      ),
    );
    const index = monitorIndex(big);
    const targets = { monitorIds: [], monitorTags: ['env:prod', 'team:t7'] };
    expect(candidateMonitors(index, targets)).toHaveLength(100);
    const preview = previewTargets(index, targets, 'env:prod', 0);
    expect([preview.monitorCount, preview.groups.length, preview.truncated]).toEqual([100, 0, true]);
  });
});

describe('monitor names for the windows list', () => {
  it('names the monitors by id, and nothing for an id the list does not have', async () => {
    const names = monitorNames(monitors);
    expect([1, 2, 3, 4].map(names)).toEqual(['Monitor 1', 'Monitor 2', 'Monitor 3', 'Monitor 4']);
    expect(names(99)).toBeUndefined();
    // The same answers as the index gives, with or without it made first.
    const index = monitorIndex(monitors);
    expect([1, 4, 99].map(indexNames(index))).toEqual([1, 4, 99].map(monitorNames(monitors)));
  });

  it('reads a list of several pages a page at a time, and names every monitor on each', async () => {
    const list = await pagedList([[rawMonitor(1, { name: 'a' }), rawMonitor(2, { name: 'b' })], [], [rawMonitor(3, { name: 'Ünïcødé "c"' })]]);
    // One array of entries per page kept (an empty page keeps none): a reader holds one page's objects at a time.
    expect([...previewRows(list)].map((rows) => rows.map(([id]) => id))).toEqual([[1, 2], [3]]);
    expect([1, 2, 3].map(monitorNames(list))).toEqual(['a', 'b', 'Ünïcødé "c"']);
    // The index, made the same way, keeps the list's order across pages.
    expect(monitorIndex(list).all.map((m) => m.id)).toEqual([1, 2, 3]);
  });
});
