import { useSuspenseQuery } from '@tanstack/react-query';
import { roleAtLeast } from '../../../contract/auth';
import { DEFAULT_MAX_MUTE_HOURS } from '../../../contract/monitors';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { useRole } from '../../../lib/session';

export interface MuteCap {
  admin: boolean;
  maxMuteHours: number;
}

/** Who may go past the responder cap (admins, with a reason), and the cap itself from /api/config. */
export function useMuteCap(): MuteCap & { role: string } {
  const role = useRole();
  const { data: config } = useSuspenseQuery(appConfigQueryOptions);
  return {
    role: role ?? 'viewer',
    admin: role !== null && roleAtLeast(role, 'admin'),
    maxMuteHours: config.maxMuteHours ?? DEFAULT_MAX_MUTE_HOURS,
  };
}
