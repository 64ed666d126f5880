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
  { id: 1445008, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e08', name: 'Diego Alvarez', handle: 'diego.alvarez@acme-shop.example', email: 'diego.alvarez@acme-shop.example', title: 'Payments engineer' },
  { id: 1445009, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e09', name: 'Hannah Kim', handle: 'hannah.kim@acme-shop.example', email: 'hannah.kim@acme-shop.example', title: 'Site reliability engineer' },
  { id: 1445010, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e10', name: 'Tomasz Nowak', handle: 'tomasz.nowak@acme-shop.example', email: 'tomasz.nowak@acme-shop.example', title: 'Infrastructure engineer' },
  { id: 1445011, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e11', name: 'Fatima Zahra', handle: 'fatima.zahra@acme-shop.example', email: 'fatima.zahra@acme-shop.example', title: 'Analytics engineer' },
  { id: 1445012, uuid: '3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e12', name: 'Noor Haddad', handle: 'noor.haddad@acme-shop.example', email: 'noor.haddad@acme-shop.example', title: 'Engineering manager' },
];

export const API_KEY_OWNER_ID = DEMO_USERS[0]!.id;
export const DEMO_ORG_ID = 424242;
export const DEMO_ORG_UUID = '8d6c1f0e-2b4a-4e5f-9a7b-3c2d1e0f4242';

/** Index into DEMO_USERS by handle prefix, for readable seed specs ("priya" -> 1). */
export function demoUserIndex(firstName: string): number {
  const i = DEMO_USERS.findIndex((u) => u.handle.startsWith(`${firstName}.`) || u.handle.startsWith(`${firstName}@`));
  if (i === -1) throw new Error(`No demo user ${firstName}`);
  return i;
}
