import type { TeamsStore } from '../store/teams-store';
import { DEMO_TEAMS } from './catalog-teams';
import { DEMO_USERS, demoUserIndex } from './users';

const DAY_US = 86_400_000_000;

/** Inserts the six demo teams and their members (the first member of each is its admin). */
export function seedDemoTeams(teams: TeamsStore, nowUs: number): void {
  for (const spec of DEMO_TEAMS) {
    const created = nowUs - spec.createdDaysAgo * DAY_US;
    const admin = DEMO_USERS[demoUserIndex(spec.members[0]!)]!.id;
    teams.insert({
      id: spec.id,
      name: spec.name,
      handle: spec.handle,
      summary: null,
      description: spec.description,
      avatar: null,
      banner: null,
      visible_modules: [],
      hidden_modules: [],
      created_us: created,
      modified_us: created,
      created_by: admin,
      modified_by: admin,
    });
    spec.members.forEach((first, n) => {
      teams.addMember({
        team_id: spec.id,
        user_id: DEMO_USERS[demoUserIndex(first)]!.id,
        role: n === 0 ? 'admin' : null,
        created_us: created + n * DAY_US,
      });
    });
  }
}
