// A member's place at an event: register, the waiting list, cancelling, and typing the day's code
// to record their own attendance. Plain posts with a hidden intent; the server checks them again.
import { Form, Link } from "@remix-run/react";
import { Field, FormError } from "~/components/forms";
import type { EventActionData, EventPageData } from "~/utils/event-pages.server";

export function failedFor(actionData: EventActionData | undefined, ...intents: string[]): EventActionData | undefined {
  return actionData && intents.includes(actionData.intent) ? actionData : undefined;
}

interface Props {
  viewer: EventPageData["viewer"];
  phase: EventPageData["phase"];
  full: boolean;
  actionData?: EventActionData;
}

function Status({ viewer }: { viewer: Props["viewer"] }) {
  if (viewer.attended) return <p className="event-status event-status--ok">Tu asistencia a este evento está registrada.</p>;
  if (viewer.status === "inscrito") return <p className="event-status event-status--ok">Estás inscrito.</p>;
  if (viewer.status === "en_espera") {
    return <p className="event-status">Estás en la lista de espera (puesto {viewer.waitingPosition}). Te avisaremos si se libera un cupo.</p>;
  }
  return null;
}

export function EventRegistration({ viewer, phase, full, actionData }: Props) {
  const registration = failedFor(actionData, "register", "cancel");
  const checkIn = failedFor(actionData, "check-in");
  if (!viewer.signedIn) {
    if (phase.finished) return null;
    return (
      <p>
        <Link to={viewer.signInPath}>Ingresa para inscribirte</Link> en este evento.
      </p>
    );
  }
  return (
    <div className="event-registration">
      <Status viewer={viewer} />
      <FormError message={registration?.errors.form} />
      {viewer.canRegister ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="register" />
          {full ? <p className="hint">Los cupos están completos: al inscribirte quedarás en la lista de espera.</p> : null}
          <button type="submit">Inscribirme</button>
        </Form>
      ) : null}
      {viewer.canCancel ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="cancel" />
          <button type="submit" className="button--secondary">
            Cancelar mi inscripción
          </button>
        </Form>
      ) : null}
      {viewer.canCheckIn ? (
        <Form method="post" className="form event-check-in">
          <input type="hidden" name="intent" value="check-in" />
          <FormError message={checkIn?.errors.form} />
          <Field
            label="Código del día"
            name="code"
            required
            maxLength={20}
            autoComplete="off"
            hint="DIFOCA lo muestra durante el evento."
            defaultValue={checkIn?.values.code}
            errors={checkIn?.errors}
          />
          <button type="submit">Registrar mi asistencia</button>
        </Form>
      ) : null}
    </div>
  );
}
