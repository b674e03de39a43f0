import { Form, Link, NavLink } from "@remix-run/react";
import { SECTIONS } from "~/utils/sections";

export interface HeaderUser {
  id: number;
  name: string;
  isDifoca: boolean;
  unread: number;
}

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  return (
    <header className="site-header">
      <div className="site-header__top container">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">CoP</span>
          <span className="brand__text">
            Comunidad de Práctica <span className="brand__sub">de Gestión Educativa</span>
          </span>
        </Link>
        <div className="account">
          {user ? (
            <>
              <Link to="/notificaciones" className="bell">
                <span aria-hidden="true">🔔</span>
                <span className="visually-hidden">Notificaciones</span>
                {user.unread > 0 ? (
                  <span className="bell__count">
                    {user.unread}
                    <span className="visually-hidden"> sin leer</span>
                  </span>
                ) : null}
              </Link>
              <Link to={`/perfil/${user.id}`} className="account__name">
                {user.name}
              </Link>
              {user.isDifoca ? <Link to="/admin">Administración</Link> : null}
              <Form method="post" action="/salir" className="inline-form">
                <button type="submit" className="button button--link">
                  Salir
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/ingresar">Ingresar</Link>
              <Link to="/registro" className="button button--small">
                Registrarse
              </Link>
            </>
          )}
        </div>
      </div>
      <nav className="main-nav" aria-label="Secciones">
        <ul className="container">
          {SECTIONS.map((section) => (
            <li key={section.path}>
              <NavLink to={section.path} prefetch="intent">
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Comunidad de Práctica de Gestión Educativa. Ministerio de Educación del Perú, Dirección de Fortalecimiento de
          Capacidades (DIFOCA) de la Dirección General de Gestión Descentralizada.
        </p>
        <p>Calle Del Comercio N.º 193, San Borja, Lima. Teléfono (511) 615 5800.</p>
      </div>
    </footer>
  );
}
