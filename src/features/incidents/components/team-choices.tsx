import { useId, useState, type ComponentType } from 'react';

/** What the incident forms need from a team picker: the chosen handles, and a way to change them. */
export interface TeamChoicesProps {
  selected: string[];
  onChange: (handles: string[]) => void;
  /** Names the group of choices. */
  legend: string;
}

/**
 * Teams belong to the teams feature, which the incidents feature may not import:
 * the route passes its picker in (app/routes compose features). Without one,
 * handles are typed, comma-separated.
 */
export type TeamChoicesComponent = ComponentType<TeamChoicesProps>;

export function TypedTeamChoices({ selected, onChange, legend }: TeamChoicesProps) {
  const id = useId();
  const [text, setText] = useState(selected.join(', '));
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {legend}
      </label>
      <input
        id={id}
        className="input"
        value={text}
        placeholder="team handles, comma-separated"
        onChange={(e) => {
          setText(e.target.value);
          onChange([...new Set(e.target.value.split(',').map((h) => h.trim()).filter(Boolean))]);
        }}
      />
    </div>
  );
}
