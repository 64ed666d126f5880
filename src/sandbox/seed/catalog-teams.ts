import type { Team } from './catalog-types';

/** The demo org's six teams: their handles are the `team:` tags of the demo monitors. */
export interface DemoTeamSpec {
  id: string;
  handle: Team;
  name: string;
  description: string;
  /** First names of the members (DEMO_USERS); the first one is the team's admin. */
  members: string[];
  /** Days before seeding that it was created. */
  createdDaysAgo: number;
}

export const DEMO_TEAMS: readonly DemoTeamSpec[] = [
  {
    id: '5d3c2b1a-7e6f-4a8b-9c0d-1e2f3a4b5c01',
    handle: 'payments',
    name: 'Payments',
    description: 'Card authorisation, refunds, the ledger and payments-db. #payments-oncall',
    members: ['priya', 'diego', 'lucas'],
    createdDaysAgo: 700,
  },
  {
    id: '5d3c2b1a-7e6f-4a8b-9c0d-1e2f3a4b5c02',
    handle: 'checkout',
    name: 'Checkout',
    description: 'checkout-api, checkout-web and cart-service. #checkout-oncall',
    members: ['lucas', 'hannah', 'diego'],
    createdDaysAgo: 690,
  },
  {
    id: '5d3c2b1a-7e6f-4a8b-9c0d-1e2f3a4b5c03',
    handle: 'platform',
    name: 'Platform',
    description: 'Kubernetes, ingress, Kafka, Redis, DNS and CI. #platform-oncall',
    members: ['sam', 'tomasz', 'hannah', 'jonas', 'priya'],
    createdDaysAgo: 720,
  },
  {
    id: '5d3c2b1a-7e6f-4a8b-9c0d-1e2f3a4b5c04',
    handle: 'data',
    name: 'Data',
    description: 'The warehouse, Airflow, Spark and analytics-db. #data-oncall',
    members: ['mei', 'fatima'],
    createdDaysAgo: 540,
  },
  {
    id: '5d3c2b1a-7e6f-4a8b-9c0d-1e2f3a4b5c05',
    handle: 'search',
    name: 'Search',
    description: 'search-api, the indexer and Elasticsearch. #search-oncall',
    members: ['jonas', 'mei', 'tomasz'],
    createdDaysAgo: 480,
  },
  {
    id: '5d3c2b1a-7e6f-4a8b-9c0d-1e2f3a4b5c06',
    handle: 'mobile',
    name: 'Mobile',
    description: 'The iOS and Android apps, mobile-bff and push. #mobile-oncall',
    members: ['aisha', 'lucas'],
    createdDaysAgo: 400,
  },
];
