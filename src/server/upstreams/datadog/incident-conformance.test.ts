import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  IncidentListResponseSchema,
  IncidentSummarySchema,
  TodoSchema,
} from '../../../contract/incidents';
import { MemberSchema, TeamListResponseSchema, TeamSchema } from '../../../contract/teams';
import { createRedactor } from '../../lib/redact';
import { errorMessages } from './http';
import { includedPeople, toIncidentList, toIncidentSummary, toTodo } from './incident-map';
import {
  RawIncidentListSchema,
  RawIncidentOneSchema,
  RawIncidentSearchSchema,
  RawTodoListSchema,
  RawTodoOneSchema,
} from './incident-schemas';
import { toMember, toTeam, toTeamList } from './team-map';
import { RawMembershipOneSchema, RawTeamListSchema, RawTeamOneSchema } from './team-schemas';

/**
 * Every recorded Datadog incident, team and incident-team response goes
 * through the raw schema, the mapping and the contract (DESIGN.md: "The
 * contract must parse every recorded body in that folder"). Each file is
 * sorted into exactly one group below, so a new recording fails this test
 * until someone decides what it is.
 */
const DIR = path.resolve(process.cwd(), '../shared/conformance/datadog');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));
const recorded = readdirSync(DIR).filter((f) => /^(incidents|teams|incident_teams)\..*\.response\.json$/.test(f));

const GROUPS = {
  incidentOne: [
    'incidents.create.response.json',
    'incidents.get.response.json',
    'incidents.update.response.json',
    'incidents.update.add_commander.response.json',
    'incidents.update.remove_commander.response.json',
    'incidents.import.response.json',
  ],
  incidentList: ['incidents.list.response.json', 'incidents.list.page0.response.json', 'incidents.list.page1.response.json'],
  incidentSearch: ['incidents.search.response.json'],
  todoOne: ['incidents.todos.create.response.json'],
  todoList: ['incidents.todos.list.response.json'],
  /** Incident sub-resources the BFF does not call (attachments, integrations, impacts): still read without a crash. */
  incidentOther: [
    'incidents.attachments.create.response.json',
    'incidents.attachments.list.response.json',
    'incidents.integrations.create.response.json',
    'incidents.impacts.create.response.json',
  ],
  teamOne: [
    'teams.create.response.json',
    'teams.create.v2_fields.response.json',
    'teams.get.response.json',
    'teams.update.response.json',
    'teams.update.partial.response.json',
    'incident_teams.create.response.json',
    'incident_teams.get.response.json',
    'incident_teams.update.response.json',
  ],
  teamList: ['teams.list.response.json', 'teams.list.page0.response.json', 'teams.list.page1.response.json', 'incident_teams.list.response.json'],
  membership: ['teams.memberships.add.response.json'],
  error: [
    'incidents.delete.404.response.json',
    'incidents.impacts.create.400.response.json',
    'incidents.impacts.create.404.response.json',
    'teams.create.409.response.json',
    'teams.get.404.response.json',
    'teams.delete.404.response.json',
    'teams.memberships.add.409.response.json',
  ],
} as const;

const redact = createRedactor([]);
const requestOf = (file: string) => {
  const name = file.replace('.response.json', '.request.json');
  return readdirSync(DIR).includes(name) ? read(name) : null;
};

describe('recorded incident and team bodies', () => {
  it('sorts every recorded incidents.*, teams.* and incident_teams.* response into exactly one group', () => {
    const grouped: string[] = Object.values(GROUPS).flat();
    expect(new Set(grouped).size).toBe(grouped.length);
    expect([...grouped].sort()).toEqual([...recorded].sort());
    expect(recorded.length).toBeGreaterThanOrEqual(35);
  });

  describe.each(GROUPS.incidentOne)('%s', (file) => {
    it('parses, maps and satisfies the contract', () => {
      const raw = RawIncidentOneSchema.parse(read(file));
      const incident = IncidentSummarySchema.parse(toIncidentSummary(raw.data, includedPeople(raw.included)));
      const a = (read(file) as { data: { id: string; attributes: Record<string, unknown> } }).data;
      expect(incident.id).toBe(a.id);
      expect(incident.publicId).toBe(a.attributes.public_id);
      expect(incident.title).toBe(a.attributes.title);
      expect(incident.state).toBe((a.attributes.fields as { state: { value: string } }).state.value);
      expect(incident.severity).toBe((a.attributes.fields as { severity: { value: string } }).severity.value);
      expect(incident.createdAt).toBe(Date.parse(a.attributes.created as string));
      expect(incident.teams).toEqual([]);
      // The commander the request set or removed is the one the answer shows.
      const request = requestOf(file) as { data?: { relationships?: { commander_user?: { data: { id: string } | null } } } } | null;
      const asked = request?.data?.relationships?.commander_user;
      if (asked !== undefined) expect(incident.commander?.id ?? null).toBe(asked.data?.id ?? null);
    });
  });

  it('names the embedded commander of a create answer, and none on a plain GET', () => {
    const created = RawIncidentOneSchema.parse(read('incidents.create.response.json'));
    expect(toIncidentSummary(created.data).commander).toMatchObject({
      id: '654d8602-a17a-45dc-b651-ed566eb8a26b',
      name: null,
      handle: 'test-create_an_incident_returns_created_response-1771855591@datadoghq.com',
    });
    expect(toIncidentSummary(RawIncidentOneSchema.parse(read('incidents.get.response.json')).data).commander).toBeNull();
    expect(toIncidentSummary(RawIncidentOneSchema.parse(read('incidents.update.remove_commander.response.json')).data).commander).toBeNull();
  });

  describe.each(GROUPS.incidentList)('%s', (file) => {
    it('parses, maps and satisfies the contract', () => {
      const raw = RawIncidentListSchema.parse(read(file));
      expect(raw.data.length).toBeGreaterThan(0);
      for (const item of raw.data) {
        const incident = IncidentSummarySchema.parse(toIncidentSummary(item, includedPeople(raw.included)));
        expect(incident.id).toBe(item.id);
        // GET and list name the commander only by id.
        const commanderId = item.relationships?.commander_user?.data?.id;
        expect(incident.commander?.id ?? null).toBe(commanderId ?? null);
      }
    });
  });

  it('maps the recorded search: total, state and severity facets, the incidents, and the last page', () => {
    const raw = RawIncidentSearchSchema.parse(read('incidents.search.response.json'));
    const list = IncidentListResponseSchema.parse(toIncidentList(raw, { offset: 0, size: 25 }));
    expect(list.total).toBe(5);
    expect(list.incidents).toHaveLength(5);
    expect(list.facets).toEqual({
      state: { active: 4, resolved: 1, stable: 0 },
      severity: { 'SEV-5': 4, UNKNOWN: 1, 'SEV-1': 0, 'SEV-2': 0, 'SEV-3': 0, 'SEV-4': 0 },
    });
    // Datadog sends next_offset 5 with total 5: that is still the last page.
    expect(list.nextOffset).toBeNull();
    expect(list.incidents[0]).toMatchObject({ id: '77afaefe-9585-5eba-9e1e-195149b3dc66', publicId: 336599, state: 'resolved', customerImpactScope: null });
    expect(list.incidents[0]?.commander).toMatchObject({ id: '677cf521-c579-4b83-988f-bf8eb6fb2d6c', name: null });
    // A smaller page of the same search would go on.
    expect(toIncidentList(raw, { offset: 0, size: 5 }).nextOffset).toBeNull();
    expect(toIncidentList({ ...raw, data: { ...raw.data, attributes: { ...raw.data.attributes, total: 12 } } }, { offset: 0, size: 5 }).nextOffset).toBe(5);
  });

  it('maps the recorded todos (string and Slack assignees)', () => {
    const one = TodoSchema.parse(toTodo(RawTodoOneSchema.parse(read('incidents.todos.create.response.json')).data));
    expect(one).toEqual({
      id: 'fcbc4d56-bca2-5d1d-9b81-da1a2da35d28',
      content: 'Restore lost data.',
      completedAt: null,
      dueAt: null,
      assignees: ['@test.user@test.com'],
      createdAt: Date.parse('2023-03-08T20:44:17.781860+00:00'),
    });
    const list = RawTodoListSchema.parse(read('incidents.todos.list.response.json')).data.map((t) => TodoSchema.parse(toTodo(t)));
    expect(list[0]?.assignees).toEqual(['@test.user@test.com', 'Slackbot']);
  });

  describe.each(GROUPS.incidentOther)('%s', (file) => {
    it('is a JSON:API document the generic reader takes', () => {
      const doc = z
        .looseObject({ data: z.union([z.looseObject({ id: z.string(), type: z.string() }), z.array(z.looseObject({ id: z.string(), type: z.string() }))]) })
        .parse(read(file));
      expect(doc.data).toBeDefined();
    });
  });

  describe.each(GROUPS.teamOne)('%s', (file) => {
    it('parses, maps and satisfies the contract', () => {
      const raw = RawTeamOneSchema.parse(read(file));
      const team = TeamSchema.parse(toTeam(raw.data));
      const a = (read(file) as { data: { id: string; attributes: Record<string, unknown> } }).data;
      expect(team.id).toBe(a.id);
      expect(team.name).toBe(a.attributes.name);
      // Incident Teams have no handle: their name stands in.
      expect(team.handle).toBe(a.attributes.handle ?? a.attributes.name);
      expect(team.createdAt).toBe(Date.parse((a.attributes.created_at ?? a.attributes.created) as string));
      expect(team.userCount).toBe(a.attributes.user_count ?? 0);
    });
  });

  it.each([
    ['teams.list.response.json', { page: 0, size: 100 }, { total: 3, lastPage: 0, count: 3 }],
    ['teams.list.page0.response.json', { page: 0, size: 2 }, { total: 3, lastPage: 1, count: 2 }],
    ['teams.list.page1.response.json', { page: 1, size: 2 }, { total: 3, lastPage: 1, count: 1 }],
    ['incident_teams.list.response.json', { page: 0, size: 1 }, { total: 3852, lastPage: 3851, count: 1 }],
  ])('maps the team list %s with its total and last page', (file, page, want) => {
    const list = TeamListResponseSchema.parse(toTeamList(RawTeamListSchema.parse(read(file)), page));
    expect({ total: list.total, lastPage: list.lastPage, count: list.teams.length }).toEqual(want);
    expect(list).toMatchObject(page);
  });

  it('maps the recorded membership with its user from included', () => {
    const raw = RawMembershipOneSchema.parse(read('teams.memberships.add.response.json'));
    const member = MemberSchema.parse(toMember(raw.data, includedPeople(raw.included)));
    expect(member).toMatchObject({
      id: 'ebb17d15-5e46-4440-856f-75710cbbce4b',
      membershipId: 'TeamMembership-95ac9e78-0a56-4a6a-9e5e-21580dc141cc-66215040',
      role: 'admin',
      name: null,
    });
    expect(member.handle).toContain('@datadoghq.com');
  });

  it.each(GROUPS.error)('reads the messages of the error body %s (plain or JSON:API)', (file) => {
    const messages = errorMessages(JSON.stringify(read(file)), redact);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m.length).toBeGreaterThan(3);
  });

  it('keeps unknown states, severities and fields as data, and survives fields of the wrong type', () => {
    const base = read('incidents.get.response.json') as { data: { attributes: Record<string, unknown> } };
    const odd = {
      data: {
        ...base.data,
        attributes: {
          ...base.data.attributes,
          fields: { state: { type: 'dropdown', value: 'investigating' }, severity: { type: 'dropdown', value: 'SEV-9' }, teams: { type: 'autocomplete', value: ['web', 3] } },
          brand_new: { x: 1 },
          notification_handles: ['@slack-x', { handle: '@pd', display_name: 'PD' }, 42],
        },
      },
    };
    const parsed = RawIncidentOneSchema.parse(odd);
    expect((parsed.data.attributes as Record<string, unknown>).brand_new).toEqual({ x: 1 });
    expect(IncidentSummarySchema.parse(toIncidentSummary(parsed.data))).toMatchObject({
      state: 'investigating',
      severity: 'SEV-9',
      teams: ['web'],
      notificationHandles: [
        { handle: '@slack-x', displayName: null },
        { handle: '@pd', displayName: 'PD' },
      ],
    });
    const broken = RawIncidentOneSchema.parse({
      data: { id: 'x', type: 'incidents', attributes: { public_id: 'seven', title: 5, fields: 'none', created: 12, customer_impacted: 'yes', time_to_detect: 'soon' } },
    });
    expect(IncidentSummarySchema.parse(toIncidentSummary(broken.data))).toMatchObject({
      id: 'x',
      publicId: 0,
      title: '',
      state: 'unknown',
      severity: 'UNKNOWN',
      createdAt: 0,
      customerImpacted: false,
      timeToDetect: null,
    });
    const team = RawTeamOneSchema.parse({ data: { id: 't', attributes: { name: 7, user_count: -2, description: '' } } });
    expect(TeamSchema.parse(toTeam(team.data))).toMatchObject({ name: '', handle: '', userCount: 0, description: null });
  });
});
