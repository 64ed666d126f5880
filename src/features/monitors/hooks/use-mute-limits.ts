import { useSuspenseQuery } from '@tanstack/react-query';
import { appConfigQueryOptions } from '../../../lib/app-config-query';
import { useRole } from '../../../lib/session';
import { muteLimitsFor, type MuteLimits } from '../utils/mute-end';

/** The signed-in user's mute limits: admins have none; others are capped at the BFF's maxMuteHours. */
export function useMuteLimits(): MuteLimits {
  const role = useRole();
  const { data: config } = useSuspenseQuery(appConfigQueryOptions);
  return muteLimitsFor(role, config.maxMuteHours);
}
