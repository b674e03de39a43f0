// The responsible people of a transfer, on each side: the practice's team and the receiving IGED's
// team. DIFOCA and the responsible people may add someone by e-mail or take someone off.
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
  actionData?: TransferActionData;
}

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
              {canManage ? (
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

export function TransferPeople({ source, receiving, sourceLabel, receivingLabel, canManage, actionData }: Props) {
  const failedAdd = failedFor(actionData, "add-participant");
  const failedRemove = failedFor(actionData, "remove-participant");
  return (
    <>
      <FormError message={failedRemove?.errors.form ?? failedRemove?.errors.userId} />
      <div className="transfer-people">
        <Side id="responsables-origen" title={`Equipo de la práctica: ${sourceLabel}`} people={source} canManage={canManage} />
        <Side id="responsables-receptora" title={`Equipo de la IGED receptora: ${receivingLabel}`} people={receiving} canManage={canManage} />
      </div>
      {canManage ? (
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
              hint="El correo con el que ingresa a la plataforma. Debe tener una cuenta activa."
            />
            <SelectField label="Lado" name="side" required defaultValue={failedAdd?.values.side ?? "receiving"} errors={failedAdd?.errors}>
              <option value="source">Equipo de la práctica</option>
              <option value="receiving">Equipo de la IGED receptora</option>
            </SelectField>
            <button type="submit" className="button--secondary">
              Agregar
            </button>
          </Form>
        </details>
      ) : null}
    </>
  );
}
