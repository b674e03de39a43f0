import { Link } from "@remix-run/react";
import type { Section } from "~/utils/sections";

/** What a section that has not been built yet shows: what it will hold, said plainly. */
export function ComingSoon({ section }: { section: Section }) {
  return (
    <section className="container page">
      <h1>{section.title}</h1>
      <p className="lead">{section.summary}</p>
      <div className="notice" role="note">
        <h2>Sección en preparación</h2>
        <p>
          Esta sección todavía no está disponible en la plataforma. Mientras tanto, puedes{" "}
          <Link to="/registro">crear tu cuenta</Link> o <Link to="/">volver al inicio</Link>.
        </p>
      </div>
    </section>
  );
}
