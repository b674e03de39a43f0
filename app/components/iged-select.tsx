// The IGED picker: the real list, grouped by region.
import { SelectField, type Errors } from "~/components/forms";

export interface IgedChoice {
  id: number;
  name: string;
  regionName: string;
}

export function IgedSelect({ igeds, defaultValue, errors, required = true }: { igeds: IgedChoice[]; defaultValue?: string; errors?: Errors; required?: boolean }) {
  const regions = new Map<string, IgedChoice[]>();
  for (const iged of igeds) {
    const list = regions.get(iged.regionName) ?? [];
    list.push(iged);
    regions.set(iged.regionName, list);
  }
  return (
    <SelectField
      label="IGED donde trabajas"
      name="igedId"
      defaultValue={defaultValue ?? ""}
      errors={errors}
      required={required}
      hint="DRE/GRE, UGEL o gobierno local, agrupados por región."
    >
      <option value="">Elige tu IGED</option>
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
