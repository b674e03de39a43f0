// "Anterior · Página 2 de 9 · Siguiente", keeping every other filter of the address.
import { Link, useLocation } from "@remix-run/react";

export function Pagination({ page, pages }: { page: number; pages: number }) {
  const location = useLocation();
  if (pages <= 1) return null;
  const link = (n: number) => {
    const params = new URLSearchParams(location.search);
    params.set("pagina", String(n));
    return `?${params.toString()}`;
  };
  return (
    <nav className="pagination" aria-label="Páginas">
      {page > 1 ? <Link to={link(page - 1)}>Anterior</Link> : null}
      <span>
        Página {page} de {pages}
      </span>
      {page < pages ? <Link to={link(page + 1)}>Siguiente</Link> : null}
    </nav>
  );
}
