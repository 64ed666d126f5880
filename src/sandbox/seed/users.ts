import type { UserRow } from '../store/types';

/** The demo org's people. The first one owns the sandbox's API key. */
export const DEMO_USERS: readonly Omit<UserRow, 'created_us' | 'modified_us'>[] = [
  { id: 1445001, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e01', name: 'Sam Okafor', handle: 'sam.okafor@acme-shop.example', email: 'sam.okafor@acme-shop.example', title: 'Platform lead' },
  { id: 1445002, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e02', name: 'Priya Natarajan', handle: 'priya.natarajan@acme-shop.example', email: 'priya.natarajan@acme-shop.example', title: 'Payments SRE' },
  { id: 1445003, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e03', name: 'Lucas Ferreira', handle: 'lucas.ferreira@acme-shop.example', email: 'lucas.ferreira@acme-shop.example', title: 'Checkout engineer' },
  { id: 1445004, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e04', name: 'Mei Tanaka', handle: 'mei.tanaka@acme-shop.example', email: 'mei.tanaka@acme-shop.example', title: 'Data engineer' },
  { id: 1445005, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e05', name: 'Jonas Weber', handle: 'jonas.weber@acme-shop.example', email: 'jonas.weber@acme-shop.example', title: 'Search engineer' },
  { id: 1445006, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e06', name: 'Aisha Bello', handle: 'aisha.bello@acme-shop.example', email: 'aisha.bello@acme-shop.example', title: 'Mobile engineer' },
  { id: 1445007, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e07', name: null, handle: 'terraform@acme-shop.example', email: 'terraform@acme-shop.example', title: null },
];

export const API_KEY_OWNER_ID = DEMO_USERS[0]!.id;
export const DEMO_ORG_ID = 424242;
