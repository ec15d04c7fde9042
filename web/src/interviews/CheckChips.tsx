// A set of choices as a row of checkable chips under a legend: a round's interviewers, a story's competencies.
interface Props<Value extends string | number> {
  legend: string;
  className: string;
  options: ReadonlyArray<{ value: Value; label: string }>;
  chosen: readonly Value[];
  onChange: (chosen: Value[]) => void;
}

export function CheckChips<Value extends string | number>({ legend, className, options, chosen, onChange }: Props<Value>) {
  return (
    <fieldset className={`field field-wide ${className}`}>
      <legend className="field-label">{legend}</legend>
      <div className="chips">
        {options.map((option) => (
          <label key={option.value} className="check-field">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
