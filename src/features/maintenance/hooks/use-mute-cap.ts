import { useSuspenseQuery } from '@tanstack/react-query';
import { roleAtLeast } from '../../../contract/auth';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { useRole } from '../../../lib/session';

export interface MuteCap {
  admin: boolean;
  maxMuteHours: number;
}

/** The BFF's default WATCHDECK_MAX_MUTE_HOURS, for a config that does not say. */
export const DEFAULT_MAX_MUTE_HOURS = 168;

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
