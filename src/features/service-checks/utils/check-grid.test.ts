import { buildCheckResult, recentResults } from '../../../testing/service-check-fixtures';
import { buildCheckGrid, checkStatusStyle, GRID_MAX_HOSTS } from './check-grid';

describe('buildCheckGrid', () => {
  it('puts checks in rows and hosts in columns, each cell the latest result', () => {
    const older = buildCheckResult({ check: 'app.ok', host: 'app-1', status: 0, at: 1 });
    const grid = buildCheckGrid([older, ...recentResults]);
    expect(grid.checks).toEqual(['app.ok', 'db.can_connect']);
    expect(grid.hosts).toEqual(['app-1', 'app-2', 'db-1']);
    expect(grid.cell('app.ok', 'app-1')?.status).toBe(2);
    expect(grid.cell('app.ok', 'db-1')).toBeUndefined();
    expect(grid.latest.map((r) => `${r.check}@${r.host}`)).toEqual(['app.ok@app-1', 'app.ok@app-2', 'db.can_connect@app-1', 'db.can_connect@db-1']);
    expect(grid.compact).toBe(false);
  });

  it('turns into a compact list beyond a few hosts', () => {
    const many = Array.from({ length: GRID_MAX_HOSTS + 1 }, (_, i) => buildCheckResult({ check: 'app.ok', host: `app-${i}`, status: 0 }));
    expect(buildCheckGrid(many).compact).toBe(true);
    expect(buildCheckGrid(many.slice(0, GRID_MAX_HOSTS)).compact).toBe(false);
  });

  it('gives every status a colour and a shape, and an unknown one a neutral look', () => {
    expect(checkStatusStyle(2)).toEqual({ cls: 'st-alert', icon: '▲' });
    expect(checkStatusStyle(7)).toEqual({ cls: 'st-other', icon: '•' });
  });
});
