// The testimonials of an event: the attendee's own form (write or rewrite), the list, and DIFOCA's
// hide/show buttons. Testimonials are plain text; the list keeps the writer's line breaks.
import { Form } from "@remix-run/react";
import { TextareaField } from "~/components/forms";
import { failedFor } from "~/components/event-registration";
import { TESTIMONIAL_MAX } from "~/utils/event-labels";
import type { EventActionData, EventPageData } from "~/utils/event-pages.server";

interface Props {
  testimonials: EventPageData["testimonials"];
  viewer: EventPageData["viewer"];
  actionData?: EventActionData;
}

export function EventTestimonials({ testimonials, viewer, actionData }: Props) {
  const failed = failedFor(actionData, "testimonial");
  return (
    <section aria-labelledby="testimonios" className="event-testimonials">
      <h2 id="testimonios">Testimonios</h2>
      {viewer.canWriteTestimonial ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="testimonial" />
          <TextareaField
            label={viewer.ownTestimonial ? "Tu testimonio" : "Deja tu testimonio"}
            name="text"
            required
            rows={4}
            maxLength={TESTIMONIAL_MAX}
            hint={`Qué te llevas del evento, en pocas palabras (hasta ${TESTIMONIAL_MAX.toLocaleString("es-PE")} caracteres).`}
            defaultValue={failed?.values.text ?? viewer.ownTestimonial ?? ""}
            errors={failed?.errors}
          />
          <button type="submit">{viewer.ownTestimonial ? "Guardar cambios" : "Publicar testimonio"}</button>
        </Form>
      ) : null}
      {testimonials.length === 0 ? (
        <p className="hint">Aún no hay testimonios.</p>
      ) : (
        <ul className="event-testimonials__list">
          {testimonials.map((t) => (
            <li key={t.id} className={t.hidden ? "event-testimonial event-testimonial--hidden" : "event-testimonial"}>
              <blockquote>
                <p className="event-testimonial__text">{t.text}</p>
              </blockquote>
              <p className="event-testimonial__author">
                <strong>{t.name}</strong>
                {[t.position, t.igedName, t.regionName].filter(Boolean).length > 0 ? ` · ${[t.position, t.igedName, t.regionName].filter(Boolean).join(", ")}` : ""}
              </p>
              {viewer.isManager ? (
                <Form method="post" className="inline-form">
                  {t.hidden ? <span className="tag">Oculto</span> : null}{" "}
                  <input type="hidden" name="testimonialId" value={t.id} />
                  <input type="hidden" name="intent" value={t.hidden ? "show-testimonial" : "hide-testimonial"} />
                  <button type="submit" className="button--secondary button--small">
                    {t.hidden ? "Mostrar" : "Ocultar"}
                    <span className="visually-hidden"> el testimonio de {t.name}</span>
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
