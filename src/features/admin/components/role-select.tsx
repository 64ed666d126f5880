import type { ChangeEvent } from 'react';
import { ROLES, type Role } from '../../../contract/auth';

export const ROLE_HINTS: Record<Role, string> = {
  viewer: 'reads everything',
  responder: 'also mutes, unmutes and cancels downtimes',
  admin: 'also manages users and reads the audit log',
};

interface RoleSelectProps {
  id?: string;
  value: Role;
  onChange: (role: Role) => void;
  'aria-label'?: string;
  'aria-describedby'?: string;
  disabled?: boolean;
  className?: string;
}

/** The three roles, lowest first. */
export function RoleSelect({ value, onChange, className = 'input', ...rest }: RoleSelectProps) {
  return (
    <select
      {...rest}
      className={className}
      value={value}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value as Role)}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}
