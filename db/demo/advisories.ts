// Demo content of the advisories: the hours that two experts, a third one and a DIFOCA specialist
// publish, and the advisories of the demo practices. Every practice in the intermediate or advanced
// stage had at least one advisory held before it was promoted (the maturity route's criterion reads
// it). A series follows the shape of seed 004 (a bilateral cooperation run as a coordination
// meeting and dated sessions that end in a product): the DRE Cajamarca builds, with the CNE's
// expert and the UGEL 09 Huaura as the team that already does it, a tool for its CETPRO to
// recognise labour competence certificates. Past times are fixed dates in Lima; what must stay
// upcoming is given relative to the day the demo is loaded.
import type { AdvisoryModality, AdvisoryType } from "../schema";

/** Lima wall-clock time, "YYYY-MM-DD HH:MM". */
export type LimaTime = string;

/** A time some days before the demo is loaded (at that time of day in Lima). */
export interface DaysAgo {
  daysAgo: number;
  time: string;
}

export type PastTime = LimaTime | DaysAgo;

/**
 * When a session starts: a fixed Lima time; the first free slot of the advisor at least
 * `afterDays` days ahead (for requests made on an advisor's published hours); or a fixed time
 * kept only while it is still at least `minDaysAhead` days ahead, else the same weekday and time
 * `fallbackDaysAhead` days or more from the day the demo is loaded.
 */
export type SessionTime = LimaTime | { firstFreeSlotAfterDays: number } | { preferred: LimaTime; minDaysAhead: number; fallbackDaysAhead: number };

export interface AvailabilitySeed {
  advisor: string; // email
  weekly: { weekday: number; startTime: string; endTime: string; sessionMinutes: number }[];
  /** One-off dates, this many days after the demo is loaded. */
  dates?: { daysAhead: number; startTime: string; endTime: string; sessionMinutes: number }[];
  daysOff?: { daysAhead: number; note: string }[];
}

export interface CommitmentSeed {
  description: string;
  /** The e-mail of a team member, or the name of someone outside the platform's team. */
  responsible: string;
  due: string; // YYYY-MM-DD
  /** When a team member marked it done (by `doneBy`, an e-mail). */
  done?: { at: LimaTime; by: string };
}

export interface AdvisorySeed {
  practice: string; // exact title
  requestedBy: string; // e-mail of a team member
  type: AdvisoryType;
  topic: string;
  needs: string;
  modality: AdvisoryModality;
  seriesTitle?: string;
  requestedAt: PastTime;
  /**
   * "horario": the team picked a free slot of the advisor, who confirms it.
   * "difoca": the team left it to DIFOCA, who assigns the advisor and the time.
   */
  via: "horario" | "difoca";
  /** Absent only for a request still waiting for DIFOCA to assign it. */
  advisor?: string;
  startsAt?: SessionTime;
  minutes?: number;
  meetingUrl?: string;
  place?: string;
  /** When the advisor (via "horario") or DIFOCA (via "difoca") confirmed; absent: still waiting. */
  confirmedAt?: PastTime;
  /** Instead of confirming, DIFOCA proposed this time to the team, who has not answered yet. */
  proposal?: { at: PastTime; note: string };
  cancelled?: { by: string; at: LimaTime; reason: string };
  /** Recorded by the advisor a few hours after the session. */
  outcome?: { attendees: string[]; summary: string; agreements: string; commitments: CommitmentSeed[] };
}

export const DIFOCA = "difoca@ejemplo.pe";

export const AVAILABILITY: readonly AvailabilitySeed[] = [
  {
    advisor: "jorge.chavez@ejemplo.pe",
    weekly: [
      { weekday: 2, startTime: "09:00", endTime: "12:00", sessionMinutes: 60 },
      { weekday: 4, startTime: "15:00", endTime: "17:00", sessionMinutes: 60 },
    ],
  },
  {
    advisor: "silvia.jaime@ejemplo.pe",
    weekly: [{ weekday: 3, startTime: "15:00", endTime: "18:00", sessionMinutes: 45 }],
    dates: [{ daysAhead: 19, startTime: "09:00", endTime: "11:15", sessionMinutes: 45 }],
    daysOff: [{ daysAhead: 15, note: "Aplicación de la evaluación regional en Huancavelica." }],
  },
  {
    advisor: "indira.alvarez@ejemplo.pe",
    weekly: [{ weekday: 1, startTime: "10:00", endTime: "13:00", sessionMinutes: 60 }],
  },
  {
    advisor: DIFOCA,
    weekly: [
      { weekday: 5, startTime: "09:00", endTime: "13:00", sessionMinutes: 60 },
      { weekday: 1, startTime: "15:00", endTime: "17:00", sessionMinutes: 60 },
    ],
  },
];

const CAJAMARCA = "Ampliación del acceso a la Educación Técnico Productiva mediante Centros de Extensión de los CETPRO";
const HUAURA = "Puentes para la inclusión, emprendimiento e inserción laboral";
const SERIES = "Cooperación Cajamarca–Huaura: reconocimiento de competencias laborales en los CETPRO";
const SERIES_LINK = "https://meet.ejemplo.pe/cooperacion-cajamarca-huaura";

export const ADVISORIES: readonly AdvisorySeed[] = [
  // ─── DRE Lima Metropolitana, Escuela de la Confianza (before its intermediate stage, Oct 2024) ───
  {
    practice: "Escuela de la Confianza",
    requestedBy: "diana.perez@ejemplo.pe",
    type: "personalizada",
    topic: "Incorporar la Escuela de la Confianza en el PEI y el PAT de la DRE",
    needs:
      "La estrategia funciona en las II.EE. focalizadas, pero depende de la voluntad de cada directivo. Queremos orientación para incorporarla en el PEI y el PAT de la DRE y de las UGEL, con metas e indicadores que se puedan seguir.",
    modality: "virtual",
    requestedAt: "2024-09-30 11:20",
    via: "horario",
    advisor: "jorge.chavez@ejemplo.pe",
    startsAt: "2024-10-08 10:00",
    minutes: 60,
    meetingUrl: "https://meet.ejemplo.pe/escuela-confianza-pei",
    confirmedAt: "2024-10-01 09:05",
    outcome: {
      attendees: ["diana.perez@ejemplo.pe", "gladys.guerra@ejemplo.pe"],
      summary:
        "Se revisó cómo aparece hoy la estrategia en los instrumentos de gestión de la DRE. El experto recomendó no crear un documento aparte, sino vincularla a un objetivo estratégico del PEI (convivencia y bienestar) y traducirla en actividades del PAT con responsables, metas físicas y presupuesto.",
      agreements: "- Proponer un objetivo estratégico y dos indicadores para la actualización del PEI.\n- Incluir las jornadas con familias como actividad del PAT 2025 de la Dirección de Gestión Pedagógica.",
      commitments: [
        { description: "Redactar la propuesta de objetivo estratégico e indicadores para el PEI", responsible: "diana.perez@ejemplo.pe", due: "2024-10-31", done: { at: "2024-10-29 17:40", by: "diana.perez@ejemplo.pe" } },
      ],
    },
  },

  // ─── UGEL Nasca, lectura en la comunidad rural (before its intermediate stage, Mar 2025) ───
  {
    practice: "Compartimos nuestro amor por la lectura en mi comunidad rural, potenciado por la tecnología",
    requestedBy: "ana.huarcaya@ejemplo.pe",
    type: "personalizada",
    topic: "Sostenibilidad de las tertulias literarias cuando cambian los directivos",
    needs:
      "Las tertulias y la plataforma de lectura dependen de pocos docentes líderes. Necesitamos ideas para que la práctica siga cuando cambien los directivos y para sumar a más II.EE. de la UGEL.",
    modality: "presencial",
    requestedAt: "2025-02-24 10:15",
    via: "difoca",
    advisor: "liliana.coaguila@ejemplo.pe",
    startsAt: "2025-03-11 10:00",
    minutes: 120,
    place: "UGEL Nasca, auditorio (Jr. Lima 350, Nasca)",
    confirmedAt: "2025-02-26 16:30",
    outcome: {
      attendees: ["ana.huarcaya@ejemplo.pe", "luis.cahua@ejemplo.pe"],
      summary:
        "La experta visitó la UGEL y conversó con el equipo y con dos directoras de las II.EE. participantes. Se identificó que la práctica descansa en el liderazgo de tres docentes y que no figura en el PAT de la UGEL. Se propuso organizar una comunidad profesional de aprendizaje que reúna a los docentes de las II.EE. cada mes.",
      agreements: "- Conformar la comunidad profesional de aprendizaje de docentes lectores.\n- Registrar la práctica en el PAT 2025 de la UGEL Nasca.",
      commitments: [
        { description: "Convocar la primera reunión de la comunidad profesional de aprendizaje", responsible: "luis.cahua@ejemplo.pe", due: "2025-03-28", done: { at: "2025-03-27 18:10", by: "luis.cahua@ejemplo.pe" } },
        { description: "Incluir las tertulias literarias en el PAT 2025 de la UGEL", responsible: "ana.huarcaya@ejemplo.pe", due: "2025-04-15", done: { at: "2025-04-10 12:00", by: "ana.huarcaya@ejemplo.pe" } },
      ],
    },
  },

  // ─── DRE Callao, Estrategia Inclusión Total (before its intermediate stage, Apr 2025) ───
  {
    practice: "Estrategia Inclusión Total",
    requestedBy: "patricia.luna@ejemplo.pe",
    type: "personalizada",
    topic: "El enfoque DUA en la planificación de las sesiones de aprendizaje",
    needs:
      "Los núcleos inclusivos ya acompañan a los docentes, pero el Diseño Universal para el Aprendizaje se queda en los talleres. Queremos orientación para llevarlo a la planificación de las sesiones y para registrar evidencias de su uso en el aula.",
    modality: "presencial",
    requestedAt: "2025-03-10 09:30",
    via: "difoca",
    advisor: "isela.borja@ejemplo.pe",
    startsAt: "2025-03-25 09:00",
    minutes: 120,
    place: "DRE Callao, sala de reuniones de la Dirección de Gestión Pedagógica",
    confirmedAt: "2025-03-12 15:00",
    outcome: {
      attendees: ["patricia.luna@ejemplo.pe", "julio.pacheco@ejemplo.pe"],
      summary:
        "Se analizaron tres sesiones de aprendizaje planificadas por docentes acompañados. La experta mostró cómo incorporar múltiples formas de representación, de expresión y de implicación desde la planificación, y propuso una lista de cotejo breve para el monitoreo de los núcleos inclusivos.",
      agreements: "- Adaptar la lista de cotejo DUA para el monitoreo de los núcleos inclusivos.\n- Incluir en los talleres de 2025 el análisis de sesiones reales de los docentes.",
      commitments: [
        { description: "Validar la lista de cotejo DUA con dos núcleos inclusivos", responsible: "julio.pacheco@ejemplo.pe", due: "2025-04-11", done: { at: "2025-04-09 16:20", by: "julio.pacheco@ejemplo.pe" } },
      ],
    },
  },

  // ─── UGEL Angaraes, bienestar emocional (before its intermediate stage, Jun 2025) ───
  {
    practice: "Facilitadores del bienestar emocional y la convivencia positiva en las instituciones educativas focalizadas de la UGEL Angaraes",
    requestedBy: "edith.ccanto@ejemplo.pe",
    type: "personalizada",
    topic: "Reducir el subregistro de casos de violencia en el SíseVe",
    needs:
      "Los facilitadores atienden casos que luego no se reportan en el SíseVe. Necesitamos orientación sobre protocolos y sobre cómo acompañar a los directivos para que registren los casos sin temor.",
    modality: "virtual",
    requestedAt: "2025-05-06 08:45",
    via: "difoca",
    advisor: "sofia.meza@ejemplo.pe",
    startsAt: "2025-05-20 16:00",
    minutes: 90,
    meetingUrl: "https://meet.ejemplo.pe/angaraes-siseve",
    confirmedAt: "2025-05-07 10:00",
    outcome: {
      attendees: ["edith.ccanto@ejemplo.pe", "marco.taipe@ejemplo.pe"],
      summary:
        "Se compararon los casos atendidos por los facilitadores en el primer trimestre con los registrados en el SíseVe: solo uno de cada tres se había reportado. La experta explicó los protocolos vigentes y propuso una jornada con directivos centrada en el reporte seguro y la confidencialidad.",
      agreements: "- Realizar una jornada de reporte seguro con los directivos de las II.EE. focalizadas.\n- Revisar cada mes, con los facilitadores, los casos atendidos y su registro.",
      commitments: [
        { description: "Organizar la jornada de reporte seguro con los directivos", responsible: "marco.taipe@ejemplo.pe", due: "2025-06-06", done: { at: "2025-06-05 11:30", by: "marco.taipe@ejemplo.pe" } },
      ],
    },
  },

  // ─── DRE Lima Metropolitana, Evaluando aprendizajes (before its intermediate stage, Jul 2025) ───
  {
    practice: "Evaluando aprendizajes: de la evidencia a la acción y de la acción a la mejora de los aprendizajes en Lima Metropolitana",
    requestedBy: "rocio.benavente@ejemplo.pe",
    type: "personalizada",
    topic: "Reportes de resultados por estudiante y aula para los directivos",
    needs:
      "Los directivos reciben tablas largas que no usan. Queremos diseñar reportes breves por estudiante y por aula que ayuden a decidir qué reforzar, y saber qué análisis técnicos respaldan la confiabilidad de las pruebas.",
    modality: "virtual",
    requestedAt: "2025-06-09 12:10",
    via: "horario",
    advisor: "silvia.jaime@ejemplo.pe",
    startsAt: "2025-06-18 15:00",
    minutes: 45,
    meetingUrl: "https://meet.ejemplo.pe/evaluando-aprendizajes",
    confirmedAt: "2025-06-10 08:30",
    outcome: {
      attendees: ["rocio.benavente@ejemplo.pe", "gladys.guerra@ejemplo.pe"],
      summary:
        "Se revisaron los reportes de la evaluación regional de 2024. La experta sugirió un reporte de una página por aula con los niveles de logro y las preguntas con más errores, y un anexo técnico con el análisis de ítems para respaldar la confiabilidad de las pruebas.",
      agreements: "- Diseñar el reporte de una página por aula.\n- Preparar el anexo técnico de la evaluación de 2025.",
      commitments: [
        { description: "Diseñar el prototipo del reporte por aula y probarlo con diez directivos", responsible: "rocio.benavente@ejemplo.pe", due: "2025-07-04", done: { at: "2025-07-02 19:00", by: "rocio.benavente@ejemplo.pe" } },
      ],
    },
  },

  // ─── DRE Pasco (before its intermediate stage, Sep 2025) ───
  {
    practice: "Gestión educativa con impacto para la mejora sostenible de los aprendizajes y la calidad educativa en la región Pasco",
    requestedBy: "raul.espinoza@ejemplo.pe",
    type: "personalizada",
    topic: "Menos carga administrativa para ganar tiempo de acompañamiento pedagógico",
    needs:
      "Los especialistas de las UGEL dedican más de la mitad de su tiempo a informes y oficios. Queremos identificar qué procesos simplificar o digitalizar para ampliar el acompañamiento a los docentes.",
    modality: "virtual",
    requestedAt: "2025-08-12 10:00",
    via: "difoca",
    advisor: "juana.sono@ejemplo.pe",
    startsAt: "2025-08-26 10:00",
    minutes: 90,
    meetingUrl: "https://meet.ejemplo.pe/pasco-acompanamiento",
    confirmedAt: "2025-08-14 12:45",
    outcome: {
      attendees: ["raul.espinoza@ejemplo.pe", "milagros.tello@ejemplo.pe"],
      summary:
        "Se mapearon los informes que las UGEL envían a la DRE cada mes: varios piden los mismos datos. La experta propuso un formulario único en línea y un calendario de reportes que libere dos días al mes de cada especialista para visitas a las aulas.",
      agreements: "- Unificar en un solo formulario en línea los tres informes mensuales de las UGEL.\n- Publicar un calendario regional de reportes.",
      commitments: [
        { description: "Presentar a las UGEL el formulario único de reporte mensual", responsible: "milagros.tello@ejemplo.pe", due: "2025-09-15", done: { at: "2025-09-12 10:30", by: "milagros.tello@ejemplo.pe" } },
      ],
    },
  },

  // ─── DRE Junín, seguimiento al PAT (before its intermediate stage, Nov 2025) ───
  {
    practice: "Estrategia de seguimiento y evaluación al Plan Anual de Trabajo de la DRE Junín y las 13 UGEL en el marco de gestión por procesos",
    requestedBy: "pilar.orihuela@ejemplo.pe",
    type: "personalizada",
    topic: "Indicadores directos para el tablero de seguimiento del PAT",
    needs:
      "El tablero de seguimiento tiene más de 80 indicadores y las UGEL no saben cuáles priorizar. Queremos reducirlos a los que se conectan con los objetivos estratégicos y definir alertas tempranas.",
    modality: "virtual",
    requestedAt: "2025-10-06 09:00",
    via: "difoca",
    advisor: "victor.chavez@ejemplo.pe",
    startsAt: "2025-10-21 15:00",
    minutes: 90,
    meetingUrl: "https://meet.ejemplo.pe/junin-tablero-pat",
    confirmedAt: "2025-10-08 11:15",
    outcome: {
      attendees: ["pilar.orihuela@ejemplo.pe", "hugo.baquerizo@ejemplo.pe"],
      summary:
        "Se clasificaron los indicadores del tablero según su relación con los objetivos del PEI regional. El especialista de DAGED propuso quedarse con 15 indicadores de resultado y de proceso, cada uno con un umbral de alerta y un responsable en la DRE y en cada UGEL.",
      agreements: "- Reducir el tablero a 15 indicadores priorizados.\n- Definir umbrales de alerta para el seguimiento trimestral.",
      commitments: [
        { description: "Publicar la versión priorizada del tablero con sus umbrales de alerta", responsible: "hugo.baquerizo@ejemplo.pe", due: "2025-11-07", done: { at: "2025-11-06 17:00", by: "hugo.baquerizo@ejemplo.pe" } },
      ],
    },
  },

  // ─── UGEL 09 Huaura, Puentes para la inclusión (before its advanced stage, Mar 2026) ───
  {
    practice: HUAURA,
    requestedBy: "rosa.castillo@ejemplo.pe",
    type: "transferencia",
    topic: "Condiciones para transferir el modelo de inserción laboral a otras regiones",
    needs:
      "Otras IGED nos piden replicar el modelo de CETPRO inclusivo con empresas aliadas. Queremos saber qué debemos documentar (convenios, perfiles, costos, equipo) para que una IGED receptora pueda adoptarlo.",
    modality: "virtual",
    requestedAt: "2026-03-02 16:40",
    via: "horario",
    advisor: DIFOCA,
    startsAt: "2026-03-13 10:00",
    minutes: 60,
    meetingUrl: "https://meet.ejemplo.pe/huaura-transferencia",
    confirmedAt: "2026-03-03 09:10",
    outcome: {
      attendees: ["rosa.castillo@ejemplo.pe", "walter.manrique@ejemplo.pe"],
      summary:
        "Se revisó la ficha de condiciones para la transferencia: el modelo está documentado en lo pedagógico, pero faltan los convenios con empresas y el costo por estudiante. DIFOCA explicó el proceso de transferencia y escalamiento y las evidencias que pide el estadio avanzado.",
      agreements: "- Completar la ficha de condiciones para la transferencia.\n- Anexar a la práctica los convenios vigentes con empresas.",
      commitments: [
        { description: "Completar la ficha de condiciones para la transferencia (convenios, perfiles, costos)", responsible: "walter.manrique@ejemplo.pe", due: "2026-03-31", done: { at: "2026-03-25 18:30", by: "walter.manrique@ejemplo.pe" } },
      ],
    },
  },

  // ─── DRE Cajamarca, before its intermediate stage (Jul 2026) ───
  {
    practice: CAJAMARCA,
    requestedBy: "fernando.quiroz@ejemplo.pe",
    type: "personalizada",
    topic: "Disposiciones regionales para autorizar los Centros de Extensión",
    needs:
      "Las UGEL necesitan criterios comunes para verificar las condiciones de un Centro de Extensión antes de emitir la resolución directoral. Queremos revisar el borrador de la disposición regional.",
    modality: "virtual",
    requestedAt: "2026-05-06 11:00",
    via: "horario",
    advisor: DIFOCA,
    startsAt: "2026-05-15 09:00",
    minutes: 60,
    meetingUrl: "https://meet.ejemplo.pe/cajamarca-disposiciones",
    confirmedAt: "2026-05-06 15:20",
    outcome: {
      attendees: ["fernando.quiroz@ejemplo.pe", "percy.cubas@ejemplo.pe"],
      summary:
        "Se revisó el borrador de la disposición regional. Se precisaron los criterios técnicos de verificación (infraestructura, equipamiento, docente a cargo, demanda registrada) y el contenido mínimo de los convenios con gobiernos locales y Tambos del Programa PAIS.",
      agreements: "- Incorporar una ficha única de verificación para las UGEL.\n- Pedir la opinión de la UGEL Chota antes de aprobar la disposición.",
      commitments: [
        { description: "Incorporar la ficha única de verificación en la disposición regional", responsible: "percy.cubas@ejemplo.pe", due: "2026-06-05", done: { at: "2026-06-03 16:00", by: "percy.cubas@ejemplo.pe" } },
      ],
    },
  },

  // ─── The cooperation series (seed 004's shape): coordination meeting, dated sessions, a product ───
  {
    practice: CAJAMARCA,
    requestedBy: "fernando.quiroz@ejemplo.pe",
    type: "personalizada",
    seriesTitle: SERIES,
    topic: "Reunión de coordinación: objetivos, contenidos y calendario de la cooperación",
    needs:
      "Tras la retroalimentación del experto del CNE queremos alinear la oferta de los Centros de Extensión con el Marco Nacional de Cualificaciones. Pedimos una cooperación con el equipo de la UGEL 09 Huaura, que ya articula su CETPRO con empresas, para construir una herramienta que permita reconocer los certificados de competencia laboral de los estudiantes.",
    modality: "virtual",
    requestedAt: "2026-06-22 10:30",
    via: "difoca",
    advisor: "jorge.chavez@ejemplo.pe",
    startsAt: "2026-07-07 10:00",
    minutes: 90,
    meetingUrl: SERIES_LINK,
    confirmedAt: "2026-06-24 12:00",
    outcome: {
      attendees: ["fernando.quiroz@ejemplo.pe", "percy.cubas@ejemplo.pe"],
      summary:
        "Reunión de coordinación con el equipo de la DRE Cajamarca, el experto del CNE y, como equipo invitado, Rosa Elena Castillo Méndez y Walter Manrique Salazar, de la UGEL 09 Huaura. La DRE Cajamarca explicó su objetivo: que los CETPRO y sus Centros de Extensión reconozcan los certificados de competencia laboral de quienes ya trabajan, como forma de continuar su trayectoria formativa. La UGEL 09 Huaura presentó cómo define los perfiles de sus módulos con las empresas aliadas. Se acordó el producto final y el calendario de tres sesiones de cooperación, con intercambio de documentos entre sesión y sesión.",
      agreements:
        "- **Producto final**: una herramienta metodológica (guía y matriz de equivalencias) para reconocer los certificados de competencia laboral en los CETPRO de Cajamarca.\n- Piloto con un perfil priorizado de mayor oferta en los Centros de Extensión.\n- Tres sesiones de cooperación de dos horas y media: agosto, septiembre y noviembre; una sesión final para presentar la versión definitiva.\n- Los documentos de cada sesión se comparten en la carpeta común de la cooperación.",
      commitments: [
        { description: "Enviar al experto los reglamentos internos de convalidación de tres CETPRO de la región", responsible: "percy.cubas@ejemplo.pe", due: "2026-07-24", done: { at: "2026-07-21 17:15", by: "percy.cubas@ejemplo.pe" } },
        { description: "Compartir los perfiles de los módulos y dos convenios con empresas del CETPRO de Huaura", responsible: "Rosa Elena Castillo Méndez (UGEL 09 Huaura)", due: "2026-07-31", done: { at: "2026-07-30 09:40", by: "fernando.quiroz@ejemplo.pe" } },
      ],
    },
  },
  {
    practice: CAJAMARCA,
    requestedBy: "fernando.quiroz@ejemplo.pe",
    type: "personalizada",
    seriesTitle: SERIES,
    topic: "Primera sesión: perfiles ocupacionales y estándares de competencia",
    needs: "Conocer cómo se estructura un estándar de competencia laboral y cómo se relaciona con los módulos de los CETPRO, a partir de la experiencia de Huaura.",
    modality: "virtual",
    requestedAt: "2026-07-08 09:00",
    via: "difoca",
    advisor: "jorge.chavez@ejemplo.pe",
    startsAt: "2026-08-11 09:00",
    minutes: 150,
    meetingUrl: SERIES_LINK,
    confirmedAt: "2026-07-09 11:30",
    outcome: {
      attendees: ["fernando.quiroz@ejemplo.pe", "percy.cubas@ejemplo.pe"],
      summary:
        "La DRE Cajamarca presentó los 19 Centros de Extensión, sus especialidades y sus módulos. El experto explicó cómo se estructura un estándar de competencia laboral (unidades de competencia, criterios de desempeño, conocimientos y competencias para la empleabilidad) y su ubicación en un nivel del Marco Nacional de Cualificaciones. El equipo de Huaura mostró cómo sus empresas aliadas validan los perfiles de los módulos. Al cierre se respondieron las preguntas del equipo y se fijó la fecha de la segunda sesión.",
      agreements: "- Priorizar dos perfiles para el piloto: producción agropecuaria y confección textil.\n- Sistematizar los módulos de los Centros de Extensión con sus capacidades terminales antes de la segunda sesión.",
      commitments: [
        { description: "Sistematizar los módulos de los 19 Centros de Extensión con sus capacidades terminales", responsible: "percy.cubas@ejemplo.pe", due: "2026-09-04", done: { at: "2026-09-03 20:00", by: "percy.cubas@ejemplo.pe" } },
        { description: "Confirmar los dos perfiles del piloto con las UGEL Chota y Cutervo", responsible: "fernando.quiroz@ejemplo.pe", due: "2026-09-11", done: { at: "2026-09-10 12:30", by: "fernando.quiroz@ejemplo.pe" } },
      ],
    },
  },
  {
    practice: CAJAMARCA,
    requestedBy: "fernando.quiroz@ejemplo.pe",
    type: "personalizada",
    seriesTitle: SERIES,
    topic: "Segunda sesión: matriz de equivalencias y criterios de convalidación",
    needs: "Construir con el experto la matriz que compara las unidades de competencia de un certificado con las capacidades de los módulos, y acordar el porcentaje mínimo de equivalencia.",
    modality: "virtual",
    requestedAt: "2026-08-12 10:00",
    via: "difoca",
    advisor: "jorge.chavez@ejemplo.pe",
    startsAt: "2026-09-22 09:00",
    minutes: 150,
    meetingUrl: SERIES_LINK,
    confirmedAt: "2026-08-13 09:30",
    outcome: {
      attendees: ["fernando.quiroz@ejemplo.pe", "percy.cubas@ejemplo.pe"],
      summary:
        "Se trabajó el análisis de congruencia entre el perfil de producción agropecuaria y el módulo equivalente: actividades clave, criterios de desempeño y conocimientos frente a las capacidades del módulo. El experto recomendó fijar un mínimo de 80 % de equivalencia, como en la convalidación de los institutos, y documentar cada decisión en la matriz. Huaura compartió su modelo de constancia de reconocimiento.",
      agreements: "- La matriz registra, por cada unidad de competencia, la capacidad equivalente y su porcentaje.\n- Se reconoce el módulo cuando la equivalencia llega al 80 %.\n- La DRE envía la primera versión de la herramienta antes de la tercera sesión.",
      commitments: [
        { description: "Enviar la primera versión de la herramienta metodológica y las preguntas para la tercera sesión", responsible: "fernando.quiroz@ejemplo.pe", due: "2026-10-20", done: { at: "2026-10-19 18:45", by: "fernando.quiroz@ejemplo.pe" } },
        { description: "Consultar a las UGEL Chota y Cutervo qué resolución respaldaría el reconocimiento en sus CETPRO", responsible: "percy.cubas@ejemplo.pe", due: "2026-10-09" },
      ],
    },
  },
  {
    practice: CAJAMARCA,
    requestedBy: "fernando.quiroz@ejemplo.pe",
    type: "personalizada",
    seriesTitle: SERIES,
    topic: "Tercera sesión: revisión de la primera versión de la herramienta",
    needs: "Recibir la retroalimentación del experto y del equipo de Huaura sobre la primera versión de la guía y la matriz, y preparar el piloto.",
    modality: "virtual",
    requestedAt: "2026-09-23 09:15",
    via: "difoca",
    advisor: "jorge.chavez@ejemplo.pe",
    startsAt: "2026-11-03 09:00",
    minutes: 150,
    meetingUrl: SERIES_LINK,
    confirmedAt: "2026-09-24 10:00",
    outcome: {
      attendees: ["fernando.quiroz@ejemplo.pe", "percy.cubas@ejemplo.pe"],
      summary:
        "La DRE Cajamarca presentó la primera versión de la herramienta: la ruta de reconocimiento (solicitud, revisión del certificado, análisis con la matriz, constancia) y la matriz para los dos perfiles priorizados. El experto pidió simplificar la ruta para los Centros de Extensión rurales y precisar quién firma la constancia. Huaura sugirió incluir una entrevista breve con la persona certificada.",
      agreements: "- Simplificar la ruta a cuatro pasos con plazos.\n- Aplicar la matriz en un piloto con certificados reales antes de la sesión final.\n- Presentar la versión final en la cuarta sesión.",
      commitments: [
        { description: "Aplicar la matriz en el piloto con 20 certificados del perfil de producción agropecuaria", responsible: "percy.cubas@ejemplo.pe", due: "2026-11-27" },
        { description: "Incorporar los comentarios del experto y del equipo de Huaura en la versión final", responsible: "fernando.quiroz@ejemplo.pe", due: "2026-12-04" },
      ],
    },
  },
  {
    practice: CAJAMARCA,
    requestedBy: "fernando.quiroz@ejemplo.pe",
    type: "personalizada",
    seriesTitle: SERIES,
    topic: "Cuarta sesión: versión final de la herramienta y siguientes pasos",
    needs: "Presentar la versión final de la herramienta metodológica con los resultados del piloto, recibir la retroalimentación final y acordar su difusión a los CETPRO de la región.",
    modality: "virtual",
    requestedAt: "2026-11-04 08:30",
    via: "difoca",
    advisor: "jorge.chavez@ejemplo.pe",
    startsAt: { preferred: "2026-12-09 09:00", minDaysAhead: 3, fallbackDaysAhead: 14 },
    minutes: 150,
    meetingUrl: SERIES_LINK,
    confirmedAt: "2026-11-05 10:00",
  },

  // ─── DRE Pasco: a session cancelled with its reason, then held on another date ───
  {
    practice: "Gestión educativa con impacto para la mejora sostenible de los aprendizajes y la calidad educativa en la región Pasco",
    requestedBy: "raul.espinoza@ejemplo.pe",
    type: "personalizada",
    topic: "Usar los resultados de la evaluación regional en los planes de mejora de las UGEL",
    needs: "Las UGEL elaboran planes de mejora que no se vinculan con los resultados de la evaluación regional. Queremos criterios para priorizar competencias y aulas.",
    modality: "virtual",
    requestedAt: "2026-10-05 09:20",
    via: "horario",
    advisor: "silvia.jaime@ejemplo.pe",
    startsAt: "2026-10-14 15:00",
    minutes: 45,
    meetingUrl: "https://meet.ejemplo.pe/pasco-planes-de-mejora",
    confirmedAt: "2026-10-05 18:00",
    cancelled: {
      by: "raul.espinoza@ejemplo.pe",
      at: "2026-10-12 08:15",
      reason: "La DRE convocó ese día a los directores de UGEL para el cierre del año escolar. Pediremos otra fecha en el horario de la especialista.",
    },
  },
  {
    practice: "Gestión educativa con impacto para la mejora sostenible de los aprendizajes y la calidad educativa en la región Pasco",
    requestedBy: "raul.espinoza@ejemplo.pe",
    type: "personalizada",
    topic: "Usar los resultados de la evaluación regional en los planes de mejora de las UGEL",
    needs: "Las UGEL elaboran planes de mejora que no se vinculan con los resultados de la evaluación regional. Queremos criterios para priorizar competencias y aulas.",
    modality: "virtual",
    requestedAt: "2026-10-12 08:30",
    via: "horario",
    advisor: "silvia.jaime@ejemplo.pe",
    startsAt: "2026-10-28 15:45",
    minutes: 45,
    meetingUrl: "https://meet.ejemplo.pe/pasco-planes-de-mejora",
    confirmedAt: "2026-10-12 12:00",
    outcome: {
      attendees: ["raul.espinoza@ejemplo.pe", "milagros.tello@ejemplo.pe"],
      summary:
        "Se revisaron los planes de mejora de tres UGEL junto con sus resultados de la evaluación regional. La experta propuso priorizar, en cada UGEL, las dos competencias con más estudiantes en inicio y las aulas con mayor brecha, y medir el avance con la misma prueba al cierre del año.",
      agreements: "- Cada UGEL ajusta su plan de mejora con dos competencias priorizadas.\n- La DRE consolida los planes ajustados en un solo reporte.",
      commitments: [
        { description: "Enviar a las UGEL la plantilla del plan de mejora ajustado", responsible: "milagros.tello@ejemplo.pe", due: "2026-11-06", done: { at: "2026-11-05 10:00", by: "milagros.tello@ejemplo.pe" } },
        { description: "Consolidar los planes de mejora ajustados de las UGEL", responsible: "raul.espinoza@ejemplo.pe", due: "2026-12-11" },
      ],
    },
  },

  // ─── DRE Ayacucho: one held, one confirmed in the coming weeks ───
  {
    practice: "Fortalecemos la gestión del riesgo de desastres para garantizar la continuidad del servicio educativo en la región Ayacucho",
    requestedBy: "ernesto.palomino@ejemplo.pe",
    type: "personalizada",
    topic: "Módulo de inducción asincrónica en gestión del riesgo para el personal nuevo",
    needs:
      "Cada año rota gran parte de los especialistas y directivos. Queremos diseñar un módulo de inducción en gestión del riesgo de desastres que puedan seguir por su cuenta al incorporarse a la DRE o a una UGEL.",
    modality: "virtual",
    requestedAt: "2026-05-07 17:00",
    via: "horario",
    advisor: "indira.alvarez@ejemplo.pe",
    startsAt: "2026-05-18 11:00",
    minutes: 60,
    meetingUrl: "https://meet.ejemplo.pe/ayacucho-induccion-grd",
    confirmedAt: "2026-05-08 09:00",
    outcome: {
      attendees: ["ernesto.palomino@ejemplo.pe", "yolanda.huaman@ejemplo.pe"],
      summary:
        "Se acordó la estructura del módulo: marco normativo, plan de contingencia de la II.EE., uso del sistema de alerta «Kayllayta Amauta» y reporte de simulacros. La experta de ODENAGED compartió materiales del curso nacional que se pueden adaptar al contexto de Ayacucho.",
      agreements: "- El módulo tiene cuatro unidades de autoaprendizaje con una evaluación breve.\n- Se publica en el aula virtual de la DRE.",
      commitments: [
        { description: "Publicar la primera unidad del módulo en el aula virtual de la DRE", responsible: "yolanda.huaman@ejemplo.pe", due: "2026-07-15", done: { at: "2026-07-10 16:00", by: "yolanda.huaman@ejemplo.pe" } },
        { description: "Incluir las acciones de gestión del riesgo en el PAT 2027 de las UGEL", responsible: "ernesto.palomino@ejemplo.pe", due: "2026-12-15" },
      ],
    },
  },
  {
    practice: "Fortalecemos la gestión del riesgo de desastres para garantizar la continuidad del servicio educativo en la región Ayacucho",
    requestedBy: "ernesto.palomino@ejemplo.pe",
    type: "personalizada",
    topic: "Plan de contingencia ante la temporada de lluvias en II.EE. rurales",
    needs:
      "Se acerca la temporada de lluvias y varias II.EE. rurales quedan aisladas cada año. Queremos revisar el plan de contingencia regional y el protocolo de reporte diferido para las escuelas sin conectividad.",
    modality: "virtual",
    requestedAt: { daysAgo: 3, time: "10:40" },
    via: "horario",
    advisor: "indira.alvarez@ejemplo.pe",
    startsAt: { firstFreeSlotAfterDays: 5 },
    meetingUrl: "https://meet.ejemplo.pe/ayacucho-lluvias",
    confirmedAt: { daysAgo: 2, time: "09:15" },
  },

  // ─── Waiting: a request on an expert's hours, for him to confirm ───
  {
    practice: "Escuela de la Confianza",
    requestedBy: "diana.perez@ejemplo.pe",
    type: "transferencia",
    topic: "Preparar la transferencia de la Escuela de la Confianza a otra DRE",
    needs:
      "La DRE Callao se interesó en adoptar la estrategia. Queremos ordenar qué materiales, capacitaciones y acuerdos necesita la IGED receptora y cómo acompañarla el primer año.",
    modality: "virtual",
    requestedAt: { daysAgo: 1, time: "18:20" },
    via: "horario",
    advisor: "jorge.chavez@ejemplo.pe",
    startsAt: { firstFreeSlotAfterDays: 6 },
  },

  // ─── Waiting: a request left to DIFOCA, to be assigned from the queue ───
  {
    practice: "Evaluando aprendizajes: de la evidencia a la acción y de la acción a la mejora de los aprendizajes en Lima Metropolitana",
    requestedBy: "gladys.guerra@ejemplo.pe",
    type: "personalizada",
    topic: "Devolución de los resultados de la evaluación regional 2026 a las UGEL",
    needs:
      "En diciembre devolveremos los resultados de la evaluación regional a las siete UGEL. Queremos preparar una jornada presencial con los especialistas para que interpreten los reportes con criterios comunes y los traduzcan en acciones de mejora.",
    modality: "presencial",
    requestedAt: { daysAgo: 2, time: "11:05" },
    via: "difoca",
  },

  // ─── Waiting for the team: DIFOCA proposed an advisor and a time ───
  {
    practice: "Estrategia de seguimiento y evaluación al Plan Anual de Trabajo de la DRE Junín y las 13 UGEL en el marco de gestión por procesos",
    requestedBy: "pilar.orihuela@ejemplo.pe",
    type: "personalizada",
    topic: "Boletín trimestral de resultados del PAT para las UGEL",
    needs:
      "Queremos difundir los resultados del seguimiento del PAT en un boletín trimestral que las UGEL conviertan en tareas concretas de mejora, como recomendó el experto en el intercambio.",
    modality: "virtual",
    requestedAt: { daysAgo: 5, time: "15:30" },
    via: "difoca",
    advisor: "victor.chavez@ejemplo.pe",
    startsAt: { preferred: "2026-12-03 16:00", minDaysAhead: 4, fallbackDaysAhead: 10 },
    minutes: 60,
    meetingUrl: "https://meet.ejemplo.pe/junin-boletin-pat",
    proposal: {
      at: { daysAgo: 3, time: "12:00" },
      note: "El especialista de DAGED que acompañó la retroalimentación puede atenderlos en esa fecha. Si les acomoda, acepten el horario; si no, respóndanos con otra fecha.",
    },
  },
];
