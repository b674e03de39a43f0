// The IGED picker: the real list, grouped by region.
import { SelectField, type Errors } from "~/components/forms";

export interface IgedChoice {
  id: number;
  name: string;
  regionName: string;
}

interface IgedSelectProps {
  igeds: IgedChoice[];
  defaultValue?: string | string[];
  errors?: Errors;
  required?: boolean;
  label?: string;
  name?: string;
  hint?: string;
  multiple?: boolean;
}

export function IgedSelect({
  igeds,
  defaultValue,
  errors,
  required = true,
  label = "IGED donde trabajas",
  name = "igedId",
  hint = "DRE/GRE, UGEL o gobierno local, agrupados por región.",
  multiple = false,
}: IgedSelectProps) {
  const regions = new Map<string, IgedChoice[]>();
  for (const iged of igeds) {
    const list = regions.get(iged.regionName) ?? [];
    list.push(iged);
    regions.set(iged.regionName, list);
  }
  return (
    <SelectField
      label={label}
      name={name}
      defaultValue={defaultValue ?? (multiple ? [] : "")}
      errors={errors}
      required={required}
      hint={hint}
      multiple={multiple}
      size={multiple ? 8 : undefined}
    >
      {multiple ? null : <option value="">Elige una IGED</option>}
      {[...regions].map(([region, list]) => (
        <optgroup key={region} label={region}>
          {list.map((iged) => (
            <option key={iged.id} value={iged.id}>
              {iged.name}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
