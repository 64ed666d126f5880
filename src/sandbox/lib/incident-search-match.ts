import type { IncidentRow } from '../store/incident-rows';
import type { UserRow } from '../store/types';
import type { QueryNode } from './incident-search-query';
import { servicesOf, teamsOf } from './incident-values';

export type CommanderLookup = (i: IncidentRow) => UserRow | undefined;

function lower(values: readonly string[]): string[] {
  return values.map((v) => v.toLowerCase());
}

function matchesTerm(node: Extract<QueryNode, { kind: 'term' }>, i: IncidentRow, commander: CommanderLookup): boolean {
  switch (node.field) {
    case 'state':
      return node.values.includes(i.state);
    case 'severity':
      return node.values.includes(i.severity);
    case 'teams': {
      const teams = lower(teamsOf(i.fields));
      return node.values.some((v) => teams.includes(v));
    }
    case 'services': {
      const services = lower(servicesOf(i.fields));
      return node.values.some((v) => services.includes(v));
    }
    case 'commander': {
      const u = commander(i);
      if (!u) return false;
      const keys = lower([u.uuid, u.handle, u.email, u.name ?? '']);
      return node.values.some((v) => keys.includes(v));
    }
    case 'customer_impacted':
      return node.values.includes(String(i.customer_impacted));
    case 'title':
      return node.values.some((v) => i.title.toLowerCase().includes(v));
  }
}

/** Free text: a substring of the title, or the incident's slug ("IR-12"). */
function matchesText(value: string, i: IncidentRow): boolean {
  const slug = /^ir-(\d+)$/.exec(value);
  if (slug) return Number(slug[1]) === i.public_id;
  return i.title.toLowerCase().includes(value);
}

export function matchesQuery(node: QueryNode, i: IncidentRow, commander: CommanderLookup): boolean {
  switch (node.kind) {
    case 'all':
      return true;
    case 'and':
      return node.items.every((n) => matchesQuery(n, i, commander));
    case 'or':
      return node.items.some((n) => matchesQuery(n, i, commander));
    case 'not':
      return !matchesQuery(node.item, i, commander);
    case 'term':
      return matchesTerm(node, i, commander);
    case 'text':
      return matchesText(node.value, i);
  }
}
