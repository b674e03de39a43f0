// The responsible people of a transfer, on each side: the practice's team and the receiving IGED's
// team. DIFOCA may add someone by e-mail to either side or take someone off; a responsible person
// only on their own side. A side always keeps one person.
import { Form } from "@remix-run/react";
import { Field, FormError, SelectField } from "~/components/forms";
import { failedFor } from "~/components/transfer-forms";
import type { TransferActionData } from "~/utils/transfer-page.server";

export interface TransferPerson {
  userId: number;
  name: string;
  position: string;
  igedName: string | null;
}

interface Props {
  source: TransferPerson[];
  receiving: TransferPerson[];
  sourceLabel: string;
  receivingLabel: string;
  canManage: boolean;
  managedSides: ("source" | "receiving")[];
  actionData?: TransferActionData;
}

const WHO_MAY_JOIN: Record<"source" | "receiving" | "both", string> = {
  source: "Debe tener una cuenta activa y ser del equipo de la práctica o de una IGED que la lidera o comparte.",
  receiving: "Debe tener una cuenta activa en la IGED receptora.",
  both: "Del lado de la práctica, alguien de su equipo o de una IGED que la lidera o comparte; del lado receptor, alguien de la IGED receptora. Debe tener una cuenta activa.",
};

function Side({ id, title, people, canManage }: { id: string; title: string; people: TransferPerson[]; canManage: boolean }) {
  return (
    <section aria-labelledby={id} className="transfer-people__side">
      <h3 id={id}>{title}</h3>
      {people.length === 0 ? (
        <p className="hint">Aún no hay personas responsables de este lado.</p>
      ) : (
        <ul className="transfer-people__list">
          {people.map((person) => (
            <li key={person.userId}>
              <strong>{person.name}</strong>
              <span className="hint">
                {person.position ? ` · ${person.position}` : ""}
                {person.igedName ? ` · ${person.igedName}` : ""}
              </span>
              {canManage && people.length > 1 ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-participant" />
                  <input type="hidden" name="userId" value={person.userId} />
                  <button type="submit" className="button--link">
                    Quitar<span className="visually-hidden"> a {person.name}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TransferPeople({ source, receiving, sourceLabel, receivingLabel, canManage, managedSides, actionData }: Props) {
  const failedAdd = failedFor(actionData, "add-participant");
  const failedRemove = failedFor(actionData, "remove-participant");
  const manages = (side: "source" | "receiving") => canManage && managedSides.includes(side);
  return (
    <>
      <FormError message={failedRemove?.errors.form ?? failedRemove?.errors.userId} />
      <div className="transfer-people">
        <Side id="responsables-origen" title={`Equipo de la práctica: ${sourceLabel}`} people={source} canManage={manages("source")} />
        <Side id="responsables-receptora" title={`Equipo de la IGED receptora: ${receivingLabel}`} people={receiving} canManage={manages("receiving")} />
      </div>
      {canManage && managedSides.length > 0 ? (
        <details className="transfer-details" open={failedAdd ? true : undefined}>
          <summary>Agregar una persona responsable</summary>
          <Form method="post" className="form">
            <FormError message={failedAdd?.errors.form} />
            <input type="hidden" name="intent" value="add-participant" />
            <Field
              label="Correo de la persona"
              name="email"
              type="email"
              required
              maxLength={254}
              defaultValue={failedAdd?.values.email}
              errors={failedAdd?.errors}
              hint={`El correo con el que ingresa a la plataforma. ${WHO_MAY_JOIN[managedSides.length > 1 ? "both" : managedSides[0]!]}`}
            />
            {managedSides.length > 1 ? (
              <SelectField label="Lado" name="side" required defaultValue={failedAdd?.values.side ?? "receiving"} errors={failedAdd?.errors}>
                <option value="source">Equipo de la práctica</option>
                <option value="receiving">Equipo de la IGED receptora</option>
              </SelectField>
            ) : (
              <input type="hidden" name="side" value={managedSides[0]} />
            )}
            <button type="submit" className="button--secondary">
              Agregar
            </button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
