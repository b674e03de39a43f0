// The authorization matrix: one entry for every route module in app/routes, with the answer each
// role gets for GET and for POST. The Vitest matrix calls every loader and action with these rows
// and the Playwright security spec reads the same table for CSRF and headers, so a new route
// without an entry fails the suite (tests/security/authorization-matrix.test.ts).
//
// Answers: a status, or "302 <path>" for a redirect to that path (the query string is not compared).
// POST rows send an empty or minimal form: roles allowed to act get the 400 of validation, never a
// change of state; the others a 403, a 404 when they may not know the thing exists, or the
// redirect to sign in.
import type { MatrixRole, Scenario } from "./scenario";

export type Answer = 200 | 400 | 403 | 404 | `302 ${string}`;
export type Expected = Record<MatrixRole, Answer>;
type Params = Record<string, string>;

export interface Case {
  /** What the row checks, when a route has several: an intent, or another thing of the scenario. */
  label?: string;
  /** Overrides the entry's params (another thing of the scenario). */
  params?: (s: Scenario) => Params;
  /** A query string, with its "?". */
  query?: string | ((s: Scenario) => string);
  /** The form a POST sends (an intent, an id); an empty form when absent. */
  fields?: (s: Scenario) => Record<string, string>;
  expect: Expected;
  /** The request ends the session it comes with (signing out): it gets a session of its own. */
  endsSession?: boolean;
}

export interface RouteEntry {
  /** The module's file name in app/routes. */
  file: string;
  /** The URL, with :params. */
  pattern: string;
  params?: (s: Scenario) => Params;
  /** null when the module has no loader. */
  get: Case[] | null;
  /** null when the module has no action. */
  post: Case[] | null;
  /**
   * The content type of a resource route's answer (a file, a feed, JSON); HTML pages have none.
   * Checked, with nosniff, by the headers part of the Playwright spec.
   */
  resource?: RegExp;
}

const LOGIN = "302 /ingresar" as const;

/** The answer of each role; the deactivated account, whose session is no longer valid, gets the visitor's. */
function roles(a: Omit<Expected, "deactivated"> & { deactivated?: Answer }): Expected {
  return { ...a, deactivated: a.deactivated ?? a.visitor };
}
/** The same answer for everyone, signed in or not. */
const everyone = (answer: Answer): Expected => roles({ visitor: answer, gestor: answer, otherGestor: answer, experto: answer, difoca: answer });
/** Every member gets the answer; visitors are sent to sign in. */
const members = (answer: Answer): Expected => roles({ visitor: LOGIN, gestor: answer, otherGestor: answer, experto: answer, difoca: answer });
/** Only DIFOCA gets the answer; other members a 403; visitors are sent to sign in. */
const difocaOnly = (answer: Answer): Expected => roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 403, difoca: answer });
/** Gestores and DIFOCA (practices.create, transfers.request): experts get a 403. */
const gestoresAndDifoca = (answer: Answer): Expected => roles({ visitor: LOGIN, gestor: answer, otherGestor: answer, experto: 403, difoca: answer });
/** Everyone who takes part in the walls: every member. */
const participants = members;
/** Only visitors: members are sent home. */
const anonymousOnly = (answer: Answer): Expected => roles({ visitor: answer, gestor: "302 /", otherGestor: "302 /", experto: "302 /", difoca: "302 /" });
/** The practice's team and DIFOCA; everyone else signed in a 403. */
const teamAndDifoca = (answer: Answer): Expected => roles({ visitor: LOGIN, gestor: answer, otherGestor: 403, experto: 403, difoca: answer });

const practice = (s: Scenario) => ({ slug: s.practice.slug });
const draft = (s: Scenario) => ({ slug: s.draft.slug });
const challenge = (s: Scenario) => ({ id: String(s.challengeId) });
const initiative = (s: Scenario) => ({ id: String(s.initiativeId) });
const pastEvent = (s: Scenario) => ({ id: String(s.pastEventId) });
const upcomingEvent = (s: Scenario) => ({ id: String(s.upcomingEventId) });
const advisory = (s: Scenario) => ({ id: String(s.advisoryId) });
const transfer = (s: Scenario) => ({ id: String(s.transferId) });
const intent = (name: string) => () => ({ intent: name });

/** The wall pages are the same for challenges and initiatives. */
function wallEntries(base: "desafios" | "iniciativas", newPage: "nuevo" | "nueva", post: (s: Scenario) => Params): RouteEntry[] {
  return [
    { file: `${base}._index.tsx`, pattern: `/${base}`, get: [{ expect: everyone(200) }], post: null },
    { file: `${base}.${newPage}.tsx`, pattern: `/${base}/${newPage}`, get: [{ expect: participants(200) }], post: [{ expect: participants(400) }] },
    {
      file: `${base}.$id._index.tsx`,
      pattern: `/${base}/:id`,
      params: post,
      get: [{ expect: everyone(200) }],
      post: [
        { label: "sin acción", expect: members(400) },
        { label: "aportar (vacío)", fields: intent("reply"), expect: participants(400) },
        base === "desafios"
          ? { label: "estado del desafío (solo su autor)", fields: intent("status"), expect: roles({ visitor: LOGIN, gestor: 400, otherGestor: 403, experto: 403, difoca: 403 }) }
          : { label: "estado (solo los desafíos lo tienen)", fields: intent("status"), expect: members(400) },
        // Ending an accompaniment that never started changes nothing: DIFOCA is sent back to the post.
        { label: "terminar el acompañamiento (solo DIFOCA)", fields: intent("end-accompany"), expect: difocaOnly(`302 /${base}/:id`) },
        { label: "ocultar (solo DIFOCA)", fields: intent("hide-post"), expect: difocaOnly(400) },
        {
          label: "editar un aporte ajeno (solo su autor)",
          fields: (s) => ({ intent: "edit-reply", replyId: String(s.replyIds[base === "desafios" ? "challenge" : "initiative"]) }),
          expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 400, experto: 403, difoca: 403 }),
        },
        {
          label: "ocultar un aporte (solo DIFOCA)",
          fields: (s) => ({ intent: "hide-reply", replyId: String(s.replyIds[base === "desafios" ? "challenge" : "initiative"]) }),
          expect: difocaOnly(400),
        },
      ],
    },
    {
      file: `${base}.$id.editar.tsx`,
      pattern: `/${base}/:id/editar`,
      params: post,
      get: [{ expect: roles({ visitor: LOGIN, gestor: 200, otherGestor: 403, experto: 403, difoca: 403 }) }],
      post: [{ expect: roles({ visitor: LOGIN, gestor: 400, otherGestor: 403, experto: 403, difoca: 403 }) }],
    },
  ];
}

export const ROUTES: RouteEntry[] = [
  // ---------------------------------------------------------------- public pages and accounts
  { file: "_index.tsx", pattern: "/", get: [{ expect: everyone(200) }], post: null },
  { file: "$section.tsx", pattern: "/:section", params: () => ({ section: "no-existe" }), get: [{ expect: everyone(404) }], post: null },
  { file: "healthz.ts", pattern: "/healthz", get: [{ expect: everyone(200) }], post: null, resource: /^application\/json/ },
  { file: "ingresar.tsx", pattern: "/ingresar", get: [{ expect: anonymousOnly(200) }], post: [{ expect: anonymousOnly(400) }] },
  // The second step of signing in (multi-factor): without a pending sign-in it sends back to the first.
  {
    file: "ingresar_.verificacion.tsx",
    pattern: "/ingresar/verificacion",
    get: [{ expect: anonymousOnly(LOGIN) }],
    post: [{ expect: anonymousOnly(400) }],
  },
  {
    file: "ingresar_.configurar-verificacion.tsx",
    pattern: "/ingresar/configurar-verificacion",
    get: [{ expect: anonymousOnly(200) }],
    post: [{ expect: anonymousOnly(400) }],
  },
  {
    file: "cuenta.seguridad.tsx",
    pattern: "/cuenta/seguridad",
    get: [{ expect: members(200) }],
    post: [
      { label: "sin acción", expect: members(400) },
      {
        label: "desactivar la verificación (DIFOCA no puede)",
        fields: () => ({ intent: "disable", password: "clave-de-prueba-segura", code: "123456" }),
        expect: roles({ visitor: LOGIN, gestor: 400, otherGestor: 400, experto: 400, difoca: 403 }),
      },
      { label: "cambiar la contraseña", fields: intent("change_password"), expect: members(400) },
      { label: "cerrar sesiones", fields: intent("end_sessions"), expect: members(400) },
    ],
  },
  // A one-time link DIFOCA issues to reset a forgotten password: it works signed in or not; an
  // unknown link is a 404 for everyone (used or expired ones are a 410, shown by its own tests).
  {
    file: "restablecer.$token.tsx",
    pattern: "/restablecer/:token",
    params: () => ({ token: "A".repeat(43) }),
    get: [{ expect: everyone(404) }],
    post: [{ expect: everyone(404) }],
  },
  { file: "registro.tsx", pattern: "/registro", get: [{ expect: anonymousOnly(200) }], post: [{ expect: anonymousOnly(400) }] },
  {
    file: "salir.tsx",
    pattern: "/salir",
    get: [{ expect: everyone("302 /") }],
    post: [{ expect: everyone("302 /"), endsSession: true }],
  },
  { file: "panel.tsx", pattern: "/panel", get: [{ expect: everyone(200) }], post: null },
  {
    file: "perfil.$id.tsx",
    pattern: "/perfil/:id",
    params: (s) => ({ id: String(s.ids.gestor) }),
    get: [
      { expect: everyone(200) },
      { label: "de una cuenta desactivada", params: (s) => ({ id: String(s.ids.deactivated) }), expect: roles({ visitor: 404, gestor: 404, otherGestor: 404, experto: 404, difoca: 200 }) },
    ],
    post: null,
  },
  {
    file: "perfil.$id_.puntos.tsx",
    pattern: "/perfil/:id/puntos",
    params: (s) => ({ id: String(s.ids.gestor) }),
    get: [
      { expect: everyone(200) },
      { label: "página fuera de rango", query: "?pagina=9999", expect: everyone(200) },
      { label: "de una cuenta desactivada", params: (s) => ({ id: String(s.ids.deactivated) }), expect: roles({ visitor: 404, gestor: 404, otherGestor: 404, experto: 404, difoca: 200 }) },
    ],
    post: null,
  },
  {
    file: "notificaciones.tsx",
    pattern: "/notificaciones",
    get: [{ expect: members(200) }],
    post: [
      { label: "sin acción", expect: members(400) },
      { label: "leer una que no existe", fields: () => ({ intent: "read", notificationId: "0" }), expect: members(400) },
    ],
  },
  {
    file: "ranking._index.tsx",
    pattern: "/ranking",
    get: [{ expect: everyone(200) }],
    post: [{ expect: members(400) }],
  },

  // ---------------------------------------------------------------- practices
  { file: "practicas._index.tsx", pattern: "/practicas", get: [{ expect: everyone(200) }], post: null },
  { file: "practicas.nueva.tsx", pattern: "/practicas/nueva", get: [{ expect: gestoresAndDifoca(200) }], post: [{ expect: gestoresAndDifoca(400) }] },
  {
    file: "practicas.$slug._index.tsx",
    pattern: "/practicas/:slug",
    params: practice,
    get: [
      { expect: everyone(200) },
      { label: "borrador", params: draft, expect: roles({ visitor: 404, gestor: 200, otherGestor: 404, experto: 404, difoca: 200 }) },
    ],
    post: [
      { label: "sin acción", expect: members(400) },
      { label: "enviar a revisión (equipo)", fields: intent("submit"), expect: teamAndDifoca(400) },
      { label: "devolver (DIFOCA)", fields: intent("return"), expect: difocaOnly(400) },
      { label: "desarchivar (DIFOCA)", fields: intent("unarchive"), expect: difocaOnly(400) },
      { label: "borrador, sin acción", params: draft, expect: roles({ visitor: LOGIN, gestor: 400, otherGestor: 404, experto: 404, difoca: 400 }) },
    ],
  },
  {
    file: "practicas.$slug.editar.tsx",
    pattern: "/practicas/:slug/editar",
    params: practice,
    get: [
      { expect: teamAndDifoca(200) },
      { label: "borrador", params: draft, expect: roles({ visitor: LOGIN, gestor: 200, otherGestor: 404, experto: 404, difoca: 200 }) },
    ],
    post: [
      { label: "sin acción", expect: teamAndDifoca(400) },
      { label: "guardar (vacío)", fields: intent("save"), expect: teamAndDifoca(400) },
      { label: "agregar al equipo (vacío)", fields: intent("add-member"), expect: teamAndDifoca(400) },
    ],
  },
  {
    file: "practicas.$slug.estadio.tsx",
    pattern: "/practicas/:slug/estadio",
    params: practice,
    get: [{ expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 403, difoca: "302 /practicas/:slug" }) }],
    post: [{ expect: difocaOnly(400) }],
  },
  {
    file: "practicas.$slug.evidencias.tsx",
    pattern: "/practicas/:slug/evidencias",
    params: practice,
    get: [{ expect: teamAndDifoca(200) }],
    post: [
      { label: "sin acción", expect: teamAndDifoca(400) },
      { label: "subir sin archivo", fields: intent("upload"), expect: teamAndDifoca(400) },
      // The id of another practice's evidence, sent through this practice's form: nothing is deleted.
      {
        label: "borrar una evidencia de otra práctica",
        fields: (s) => ({ intent: "delete", evidenceId: String(s.foreignEvidenceId) }),
        expect: teamAndDifoca(400),
      },
    ],
  },
  {
    file: "practicas.$slug.historial.tsx",
    pattern: "/practicas/:slug/historial",
    params: practice,
    get: [
      { expect: roles({ visitor: 403, gestor: 200, otherGestor: 403, experto: 403, difoca: 200 }) },
      { label: "borrador", params: draft, expect: roles({ visitor: 404, gestor: 200, otherGestor: 404, experto: 404, difoca: 200 }) },
    ],
    post: null,
  },
  {
    file: "practicas.$slug.oportunidades.$itemId.tsx",
    pattern: "/practicas/:slug/oportunidades/:itemId",
    params: (s) => ({ slug: s.practice.slug, itemId: String(s.opportunityId) }),
    get: [{ expect: everyone("302 /practicas/:slug") }],
    post: [
      { expect: teamAndDifoca(400) },
      // The team of the advanced practice is the same, but the opportunity belongs to the other practice.
      {
        label: "una oportunidad de otra práctica",
        params: (s) => ({ slug: s.advanced.slug, itemId: String(s.opportunityId) }),
        fields: () => ({ addressed: "1", note: "Aprobamos los indicadores en el PAT." }),
        expect: teamAndDifoca(400),
      },
    ],
  },
  {
    file: "practicas.$slug.promocion.tsx",
    pattern: "/practicas/:slug/promocion",
    params: practice,
    get: [{ expect: teamAndDifoca(200) }],
    post: [{ expect: teamAndDifoca(400) }],
  },
  {
    file: "practicas.$slug.retroalimentacion.tsx",
    pattern: "/practicas/:slug/retroalimentacion",
    params: practice,
    get: [{ expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 200, difoca: 200 }) }],
    post: [{ expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 400, difoca: 400 }) }],
  },
  {
    file: "evidencias.$id.tsx",
    pattern: "/evidencias/:id",
    params: (s) => ({ id: String(s.evidenceId) }),
    get: [
      { expect: everyone(200) },
      { label: "de un borrador", params: (s) => ({ id: String(s.draftEvidenceId) }), expect: roles({ visitor: 404, gestor: 200, otherGestor: 404, experto: 404, difoca: 200 }) },
    ],
    post: null,
    resource: /^application\/pdf$/,
  },

  // ---------------------------------------------------------------- walls
  ...wallEntries("desafios", "nuevo", challenge),
  ...wallEntries("iniciativas", "nueva", initiative),

  // ---------------------------------------------------------------- advisories
  {
    file: "asesorias._index.tsx",
    pattern: "/asesorias",
    get: [{ expect: members(200) }],
    post: [{ expect: members(400) }],
  },
  { file: "asesorias.calendario.tsx", pattern: "/asesorias/calendario", get: [{ expect: members(200) }], post: null },
  {
    file: "asesorias.nueva.tsx",
    pattern: "/asesorias/nueva",
    get: [{ expect: members(200) }],
    post: [
      { expect: members(400) },
      { label: "para una práctica ajena", fields: (s) => ({ practiceId: String(s.practice.id) }), expect: roles({ visitor: LOGIN, gestor: 400, otherGestor: 403, experto: 403, difoca: 403 }) },
    ],
  },
  {
    file: "asesorias.disponibilidad.tsx",
    pattern: "/asesorias/disponibilidad",
    get: [{ expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 200, difoca: 200 }) }],
    post: [{ expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 400, difoca: 400 }) }],
  },
  {
    file: "asesorias.$id._index.tsx",
    pattern: "/asesorias/:id",
    params: advisory,
    get: [{ expect: teamAndDifoca(200) }],
    post: [
      { label: "sin acción", expect: teamAndDifoca(400) },
      { label: "confirmar (asesor o DIFOCA)", fields: intent("confirm"), expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 403, difoca: 400 }) },
      { label: "registrar el acta (asesor o DIFOCA)", fields: intent("record"), expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 403, difoca: 400 }) },
      { label: "aceptar una propuesta (equipo)", fields: intent("accept"), expect: roles({ visitor: LOGIN, gestor: 400, otherGestor: 403, experto: 403, difoca: 403 }) },
    ],
  },
  {
    file: "asesorias.$id.ics.ts",
    pattern: "/asesorias/:id/ics",
    params: advisory,
    get: [{ expect: teamAndDifoca(200) }],
    post: null,
    resource: /^text\/calendar/,
  },
  {
    file: "asesorias.feed.$token.ts",
    pattern: "/asesorias/feed/:token",
    params: (s) => ({ token: `${s.feedToken}.ics` }),
    get: [{ expect: everyone(200) }, { label: "con un token inventado", params: () => ({ token: "inventado.ics" }), expect: everyone(404) }],
    post: null,
    resource: /^text\/calendar/,
  },

  // ---------------------------------------------------------------- transfers
  { file: "transferencias._index.tsx", pattern: "/transferencias", get: [{ expect: everyone(200) }], post: null },
  { file: "transferencias.mapa.tsx", pattern: "/transferencias/mapa", get: [{ expect: everyone(200) }], post: null },
  {
    file: "transferencias.nueva.tsx",
    pattern: "/transferencias/nueva",
    get: [{ expect: gestoresAndDifoca(200) }, { label: "de una práctica avanzada", query: (s) => `?practica=${s.advanced.slug}`, expect: gestoresAndDifoca(200) }],
    post: [{ expect: gestoresAndDifoca(400) }],
  },
  {
    file: "transferencias.$id._index.tsx",
    pattern: "/transferencias/:id",
    params: transfer,
    get: [{ expect: everyone(200) }],
    post: [
      { label: "sin acción", expect: teamAndDifoca(400) },
      { label: "decidir (DIFOCA)", fields: intent("decide"), expect: roles({ visitor: LOGIN, gestor: 403, otherGestor: 403, experto: 403, difoca: 400 }) },
    ],
  },
  {
    file: "transferencias.$id.evidencias.$evidenceId.tsx",
    pattern: "/transferencias/:id/evidencias/:evidenceId",
    params: (s) => ({ id: String(s.transferId), evidenceId: String(s.transferEvidenceId) }),
    get: [{ expect: roles({ visitor: 404, gestor: 200, otherGestor: 404, experto: 404, difoca: 200 }) }],
    post: null,
    resource: /^application\/pdf$/,
  },

  // ---------------------------------------------------------------- events
  { file: "eventos._index.tsx", pattern: "/eventos", get: [{ expect: everyone(200) }], post: null },
  { file: "eventos.nuevo.tsx", pattern: "/eventos/nuevo", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  {
    file: "eventos.$id._index.tsx",
    pattern: "/eventos/:id",
    params: upcomingEvent,
    get: [{ expect: everyone(200) }],
    post: [
      { label: "sin acción", expect: members(400) },
      { label: "testimonio (vacío)", fields: intent("testimonial"), expect: members(400) },
      { label: "ocultar un testimonio (DIFOCA)", fields: () => ({ intent: "hide-testimonial", testimonialId: "0" }), expect: difocaOnly(404) },
    ],
  },
  { file: "eventos.$id.editar.tsx", pattern: "/eventos/:id/editar", params: upcomingEvent, get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  {
    file: "eventos.$id.asistencia.tsx",
    pattern: "/eventos/:id/asistencia",
    params: pastEvent,
    get: [{ expect: difocaOnly(200) }],
    post: [{ expect: difocaOnly(400) }],
  },
  { file: "eventos.$id.ics.ts", pattern: "/eventos/:id/ics", params: upcomingEvent, get: [{ expect: everyone(200) }], post: null, resource: /^text\/calendar/ },
  {
    file: "eventos.$id.reporte.tsx",
    pattern: "/eventos/:id/reporte",
    params: pastEvent,
    get: [
      { expect: everyone(200) },
      { label: "de un evento que no termina", params: upcomingEvent, expect: roles({ visitor: 404, gestor: 404, otherGestor: 404, experto: 404, difoca: 200 }) },
    ],
    post: null,
  },
  {
    file: "eventos.$id.reporte[.]pdf.ts",
    pattern: "/eventos/:id/reporte.pdf",
    params: pastEvent,
    get: [{ expect: everyone(200) }],
    post: null,
    resource: /^application\/pdf$/,
  },

  // ---------------------------------------------------------------- badges and credentials
  { file: "insignias._index.tsx", pattern: "/insignias", get: [{ expect: everyone(200) }], post: null },
  { file: "insignias.$slug._index.tsx", pattern: "/insignias/:slug", params: (s) => ({ slug: s.badgeSlug }), get: [{ expect: everyone(200) }], post: null },
  { file: "mapas.regiones[.]svg.ts", pattern: "/mapas/regiones.svg", get: [{ expect: everyone(200) }], post: null, resource: /^image\/svg\+xml/ },
  {
    file: "insignias.$slug.imagen[.]svg.tsx",
    pattern: "/insignias/:slug/imagen.svg",
    params: (s) => ({ slug: s.badgeSlug }),
    get: [{ expect: everyone(200) }],
    post: null,
    resource: /^image\/svg\+xml/,
  },
  {
    file: "credenciales.$id._index.tsx",
    pattern: "/credenciales/:id",
    params: (s) => ({ id: s.credentialId }),
    get: [{ expect: everyone(200) }],
    post: [{ expect: everyone(400) }],
  },
  {
    file: "credenciales.$id[.]json.tsx",
    pattern: "/credenciales/:id.json",
    params: (s) => ({ id: s.credentialId }),
    get: [{ expect: everyone(200) }],
    post: null,
    resource: /^application\/(ld\+)?json/,
  },
  { file: "emisor.tsx", pattern: "/emisor", get: [{ expect: everyone(200) }], post: null, resource: /^application\/json/ },
  { file: "emisor.jwks[.]json.tsx", pattern: "/emisor/jwks.json", get: [{ expect: everyone(200) }], post: null, resource: /^application\/(jwk-set\+)?json/ },

  // ---------------------------------------------------------------- DIFOCA's administration
  { file: "admin._index.tsx", pattern: "/admin", get: [{ expect: difocaOnly(200) }], post: null },
  {
    file: "admin.usuarios.tsx",
    pattern: "/admin/usuarios",
    get: [{ expect: difocaOnly(200) }],
    post: [{ expect: difocaOnly(400) }, { label: "enlace para restablecer la contraseña", fields: intent("reset_password"), expect: difocaOnly(400) }],
  },
  { file: "admin.practicas.tsx", pattern: "/admin/practicas", get: [{ expect: difocaOnly(200) }], post: null },
  { file: "admin.promociones.tsx", pattern: "/admin/promociones", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.criterios.tsx", pattern: "/admin/criterios", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.lineas.tsx", pattern: "/admin/lineas", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.regiones.tsx", pattern: "/admin/regiones", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.igeds.tsx", pattern: "/admin/igeds", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.puntos.tsx", pattern: "/admin/puntos", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.escalas.tsx", pattern: "/admin/escalas", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.insignias._index.tsx", pattern: "/admin/insignias", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  {
    file: "admin.insignias.$id.tsx",
    pattern: "/admin/insignias/:id",
    params: (s) => ({ id: String(s.badgeId) }),
    get: [{ expect: difocaOnly(200) }],
    post: [{ expect: difocaOnly(400) }],
  },
  { file: "admin.reportes.tsx", pattern: "/admin/reportes", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.asesorias.tsx", pattern: "/admin/asesorias", get: [{ expect: difocaOnly(200) }], post: [{ expect: difocaOnly(400) }] },
  { file: "admin.exportes.tsx", pattern: "/admin/exportes", get: [{ expect: difocaOnly(200) }], post: null },
  {
    file: "admin.exportes.$dataset.ts",
    pattern: "/admin/exportes/:dataset",
    params: () => ({ dataset: "practicas" }),
    get: [{ query: "?formato=csv", expect: difocaOnly(200) }],
    post: null,
    resource: /^text\/csv/,
  },

  // ---------------------------------------------------------------- the load benchmark's ceiling
  // Exists only when the server runs with BENCH=1 (npm run bench); otherwise a page that does not exist.
  { file: "bench.tsx", pattern: "/bench", get: [{ expect: everyone(404) }], post: null },
];

/** The URL of an entry for a scenario, with its params filled in. */
export function urlOf(pattern: string, params: Params, query = ""): string {
  const path = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
  return `${path}${query}`;
}
