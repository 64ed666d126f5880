/** Team rows as the sandbox's code sees them (JSON columns parsed, times in epoch µs). */

export interface TeamRow {
  id: string;
  name: string;
  handle: string;
  summary: string | null;
  description: string | null;
  avatar: string | null;
  banner: number | null;
  visible_modules: string[] | null;
  hidden_modules: string[] | null;
  created_us: number;
  modified_us: number;
  created_by: number;
  modified_by: number;
}

export interface MembershipRow {
  team_id: string;
  user_id: number;
  role: string | null;
  created_us: number;
}
