// Demo events: the I Intercambio de Buenas Prácticas de Gestión Educativa of the Macrorregión
// Centro (23–24 April 2026, seed 003) with its pasantía at the UGEL 09 Huaura on the second day, a
// past webinar, and two events still to come (dated from the day the demo is loaded).
import type { EventModality, EventType } from "../schema";

/** Participants the exchange needs beyond the other demo members: directors and people of the invited regions. */
export interface EventMemberSeed {
  name: string;
  email: string; // firstname.lastname@ejemplo.pe, lower case, no accents
  position: string;
  iged: string; // exact IGED name
}

export const EVENT_MEMBERS: readonly EventMemberSeed[] = [
  // Seed 003: "3 directores de DRE: Pasco, Huánuco y Lima Provincias y más de 40 directores de UGEL".
  { name: "Hernán Cárdenas Villar", email: "hernan.cardenas@ejemplo.pe", position: "Director Regional de Educación de Lima Provincias", iged: "DRE Lima Provincias" },
  { name: "Teodoro Ramírez Soto", email: "teodoro.ramirez@ejemplo.pe", position: "Director Regional de Educación de Pasco", iged: "DRE Pasco" },
  { name: "Nelly Ortiz Berrospi", email: "nelly.ortiz@ejemplo.pe", position: "Directora Regional de Educación de Huánuco", iged: "DRE Huánuco" },
  { name: "Félix Lozano Chumpitaz", email: "felix.lozano@ejemplo.pe", position: "Director de la UGEL 09 Huaura", iged: "UGEL 09 Huaura" },
  { name: "Gloria Quispe Ayala", email: "gloria.quispe@ejemplo.pe", position: "Directora de la UGEL Huamanga", iged: "UGEL Huamanga" },
  { name: "Alberto Rivas Mendoza", email: "alberto.rivas@ejemplo.pe", position: "Director de la UGEL Huancayo", iged: "UGEL Huancayo" },
  { name: "Sonia Paucar Ramos", email: "sonia.paucar@ejemplo.pe", position: "Directora de la UGEL Angaraes", iged: "UGEL Angaraes" },
  { name: "César Alarcón Peña", email: "cesar.alarcon@ejemplo.pe", position: "Director de la UGEL Nasca", iged: "UGEL Nasca" },
  { name: "Miriam Salazar Torres", email: "miriam.salazar@ejemplo.pe", position: "Directora de la UGEL Ventanilla", iged: "UGEL Ventanilla" },
  { name: "Jorge Ccori Huamán", email: "jorge.ccori@ejemplo.pe", position: "Director de la UGEL Abancay", iged: "UGEL Abancay" },
  // Invited regions with no other demo member.
  { name: "Lizbeth Apaza Mamani", email: "lizbeth.apaza@ejemplo.pe", position: "Especialista en Gestión Institucional", iged: "GRE Arequipa" },
  { name: "Wilder Panduro Rengifo", email: "wilder.panduro@ejemplo.pe", position: "Especialista en Planificación", iged: "DRE Ucayali" },
  { name: "Karina Flores Chávez", email: "karina.flores@ejemplo.pe", position: "Especialista de Educación Básica Especial", iged: "DRE Tacna" },
  { name: "Roxana Infante Noblecilla", email: "roxana.infante@ejemplo.pe", position: "Especialista en Gestión del Riesgo de Desastres", iged: "DRE Tumbes" },
];

/** "YYYY-MM-DD HH:MM" in Lima. */
export type LimaTime = `${number}-${number}-${number} ${number}:${number}`;

export interface DemoEventSeed {
  type: EventType;
  title: string;
  summary: string;
  agenda: string; // markdown
  modality: EventModality;
  place: string;
  startTime: string;
  endTime: string;
  capacity: number | null;
  macroregion: string | null; // macroregion name
  hostRegion: string | null; // region name
  invitedRegions: string[];
  /**
   * Past events have fixed dates; upcoming ones start on the first `weekday` (0 Sunday … 4 Thursday)
   * at least `inDays` days after the day the demo is loaded, and last `days` days.
   */
  when: { startsOn: string; endsOn: string; createdAt: LimaTime } | { inDays: number; weekday: number; days: number };
  /**
   * The practices presented with their commentators (by e-mail). "commented-here": the practices
   * whose demo feedback was given at this event (db/demo/practices.ts), with that feedback's expert.
   */
  practices: "commented-here" | { title: string; commentator: string }[];
  /** Who registered, in order (a full event puts the last ones on the waiting list). */
  registered: { email: string; at?: LimaTime }[];
  /** Of those, who attended (past events). */
  attended: string[];
  testimonials: { email: string; text: string; at: LimaTime }[];
  /** A badge DIFOCA gives to every attendee at once. */
  attendeeBadge?: { name: string; description: string; criteria: string };
}

export const EXCHANGE_TITLE = "I Intercambio de Buenas Prácticas de Gestión Educativa – Macrorregión Centro";

// The exchange's participants: the teams that presented, the members who wrote the testimonials,
// directors, and people of the ten invited regions (18 regions in all, as in seed 003).
const PRESENTING_TEAMS = [
  "rosa.castillo@ejemplo.pe",
  "walter.manrique@ejemplo.pe",
  "ernesto.palomino@ejemplo.pe",
  "yolanda.huaman@ejemplo.pe",
  "raul.espinoza@ejemplo.pe",
  "milagros.tello@ejemplo.pe",
  "patricia.luna@ejemplo.pe",
  "julio.pacheco@ejemplo.pe",
  "edith.ccanto@ejemplo.pe",
  "marco.taipe@ejemplo.pe",
  "pilar.orihuela@ejemplo.pe",
  "hugo.baquerizo@ejemplo.pe",
  "ana.huarcaya@ejemplo.pe",
  "luis.cahua@ejemplo.pe",
  "rocio.benavente@ejemplo.pe",
];
const EXCHANGE_GUESTS = [
  "carolina.garcia@ejemplo.pe",
  "rayda.hermitano@ejemplo.pe",
  "martha.herrera@ejemplo.pe",
  "vicente.rojas@ejemplo.pe",
  "jaime.ortega@ejemplo.pe",
  "gladys.guerra@ejemplo.pe",
  "rosmery.mamani@ejemplo.pe",
  "luis.tapullima@ejemplo.pe",
  "milagros.zapata@ejemplo.pe",
  "renzo.salas@ejemplo.pe",
  ...EVENT_MEMBERS.map((m) => m.email),
];
// Registered, then could not travel.
const EXCHANGE_ABSENT = ["diana.perez@ejemplo.pe", "fernando.quiroz@ejemplo.pe"];

const registeredBetween = (emails: string[], firstDay: number): { email: string; at: LimaTime }[] =>
  emails.map((email, i) => ({ email, at: `2026-03-${String(firstDay + Math.floor(i / 3)).padStart(2, "0")} ${String(9 + (i % 3) * 2).padStart(2, "0")}:30` as LimaTime }));

export const DEMO_EVENTS: readonly DemoEventSeed[] = [
  {
    type: "intercambio",
    title: EXCHANGE_TITLE,
    summary:
      "La DIFOCA, en articulación con la Dirección Regional de Educación de Lima Provincias, reunió a los equipos técnicos de las DRE/GRE y UGEL de la Macrorregión Centro y de diez regiones invitadas para retroalimentar ocho buenas prácticas de gestión educativa, con el apoyo de expertos comentaristas, y contribuir a su sostenibilidad y potencial de réplica. El segundo día, una pasantía en la UGEL 09 Huaura mostró en el territorio la práctica «Puentes para la inclusión, emprendimiento e inserción laboral».",
    agenda: `**Día 1 — jueves 23 de abril: interaprendizaje a partir de las buenas prácticas y promoción de la transferencia y escalamiento**

- Palabras de bienvenida de las autoridades regionales y saludo institucional de la Dirección de Fortalecimiento de Capacidades (DIFOCA).
- Exposición de la DIFOCA: el aporte de las buenas prácticas de gestión educativa a la mejora continua del servicio educativo.
- Presentación de las ocho buenas prácticas de la macrorregión mediante sociodramas, cada una con la retroalimentación de un experto comentarista.
- Feria de evidencias: los equipos técnicos comparten sus logros y productos y recogen los aportes de los participantes.

**Día 2 — viernes 24 de abril: pasantía en la UGEL 09 Huaura**

- Recepción de los pasantes por el equipo técnico de la UGEL 09 Huaura y actos protocolares en la Plaza de Armas de Huaura.
- Feria interactiva de «islas formativas» de la práctica «Puentes para la inclusión, emprendimiento e inserción laboral»: Isla de Cimientos (identificación temprana en EBR, EBA y EBE), Isla de Puente (proyectos productivos de los CETPRO) e Isla Meta (aliados para la inserción laboral).
- Visita a los módulos de las 11 instituciones educativas participantes (CEBE, CETPRO y CEBA).
- Testimonios de los participantes y cierre.`,
    modality: "presencial",
    place: "Huacho y Huaura",
    startTime: "08:30",
    endTime: "17:30",
    capacity: 400,
    macroregion: "Centro",
    hostRegion: "Lima Provincias",
    invitedRegions: [
      "Ayacucho",
      "Callao",
      "Huancavelica",
      "Ica",
      "Junín",
      "Lima Metropolitana",
      "Lima Provincias",
      "Pasco",
      "Áncash",
      "Apurímac",
      "Arequipa",
      "Huánuco",
      "Loreto",
      "Puno",
      "Tumbes",
      "Ucayali",
      "Tacna",
      "Piura",
    ],
    when: { startsOn: "2026-04-23", endsOn: "2026-04-24", createdAt: "2026-03-02 10:00" },
    practices: "commented-here",
    registered: registeredBetween([...PRESENTING_TEAMS, ...EXCHANGE_GUESTS, ...EXCHANGE_ABSENT], 5),
    attended: [...PRESENTING_TEAMS, ...EXCHANGE_GUESTS],
    // Seed 003, "Para cerrar la jornada los participantes brindaron sus testimonios", in its words.
    testimonials: [
      {
        email: "carolina.garcia@ejemplo.pe",
        at: "2026-04-24 16:40",
        text: "El intercambio nos permite conocer y comprender cómo, desde la diversidad de nuestro país, se vienen implementando buenas prácticas que responden a las necesidades de cada territorio. La experiencia de Ayacucho sobre Gestión del Riesgo de Desastres ha resultado muy valiosa porque aborda una problemática que también enfrentamos en nuestra región, por lo que nos gustaría adaptarla y replicarla en nuestros contextos.",
      },
      {
        email: "rayda.hermitano@ejemplo.pe",
        at: "2026-04-24 16:45",
        text: "Agradezco al Ministerio y a los organizadores por promover este espacio de intercambio, ya que nos permite conocer, compartir y aprender nuevas estrategias junto a otras regiones, fortaleciendo el trabajo articulado. La práctica que más me impactó es «Puentes para la inclusión», porque genera oportunidades para que los estudiantes con discapacidad desarrollen competencias y logren insertarse en el campo laboral, contribuyendo a mejorar sus oportunidades de vida.",
      },
      {
        email: "martha.herrera@ejemplo.pe",
        at: "2026-04-24 16:50",
        text: "Este intercambio, al igual que los anteriores en los que he participado, nos brinda valiosas experiencias y aprendizajes que fortalecen nuestra gestión, permitiéndonos adquirir conocimientos y estrategias para implementarlas en la UGEL. La buena práctica que más me impactó fue la de la UGEL Nasca, enfocada en promover el amor por la lectura en zonas rurales, porque refleja una problemática que también enfrentamos y que requiere mayor atención y prioridad para cerrar las brechas existentes.",
      },
      {
        email: "vicente.rojas@ejemplo.pe",
        at: "2026-04-24 16:55",
        text: "Este intercambio ha sido una experiencia muy significativa, porque nos permite vivenciar y compartir aprendizajes con gestores educativos de diferentes regiones del país. Una de las prácticas que más me impactó fue la de los facilitadores del bienestar emocional y la convivencia de la UGEL Angaraes, debido a que aborda una problemática prioritaria y presenta estrategias que podrían adaptarse y replicarse en nuestra UGEL. Por ello, considero muy importante participar en este tipo de eventos, ya que fortalecen nuestra mirada de gestión y nos permiten conocer experiencias que contribuyen a la mejora del servicio educativo.",
      },
      {
        email: "jaime.ortega@ejemplo.pe",
        at: "2026-04-24 17:00",
        text: "Este espacio es importante y representa una valiosa oportunidad para conocer las acciones y estrategias que vienen gestionando las DRE y las UGEL en sus territorios. Entre las prácticas que han socializado, la que más me ha llamado la atención es «Inclusión Total», porque promueve oportunidades de atención e inclusión para todos los estudiantes, sin ningún tipo de discriminación, por lo que sería muy interesante replicarla en nuestro territorio.",
      },
    ],
    attendeeBadge: {
      name: "Participante del I Intercambio Macrorregión Centro",
      description:
        "Reconoce a quienes participaron en el I Intercambio de Buenas Prácticas de Gestión Educativa de la Macrorregión Centro (Huacho y Huaura, 23 y 24 de abril de 2026).",
      criteria: "Asistir al intercambio, con la asistencia registrada por DIFOCA.",
    },
  },
  {
    type: "webinar",
    title: "Webinar: gestión del riesgo de desastres para la continuidad del servicio educativo",
    summary:
      "El equipo de la DRE Ayacucho compartió cómo organizó las COGIREDE, las brigadas y los planes de gestión del riesgo de sus instituciones educativas, con el sistema de alerta «Kayllayta Amauta»; la especialista de ODENAGED comentó qué necesita la estrategia para replicarse en otras regiones.",
    agenda: `- Bienvenida de la DIFOCA.
- Presentación de la práctica de la DRE Ayacucho: organización, fortalecimiento de capacidades, espacios de enlace y dispositivos de seguridad.
- Comentario de la especialista de la Oficina de Defensa Nacional y de Gestión del Riesgo de Desastres (ODENAGED) del MINEDU.
- Preguntas de los participantes.`,
    modality: "virtual",
    place: "",
    startTime: "16:00",
    endTime: "17:30",
    capacity: 500,
    macroregion: null,
    hostRegion: null,
    invitedRegions: [],
    when: { startsOn: "2026-06-18", endsOn: "2026-06-18", createdAt: "2026-06-01 09:00" },
    practices: [
      {
        title: "Fortalecemos la gestión del riesgo de desastres para garantizar la continuidad del servicio educativo en la región Ayacucho",
        commentator: "indira.alvarez@ejemplo.pe",
      },
    ],
    registered: [
      "ernesto.palomino@ejemplo.pe",
      "yolanda.huaman@ejemplo.pe",
      "carolina.garcia@ejemplo.pe",
      "roxana.infante@ejemplo.pe",
      "rosmery.mamani@ejemplo.pe",
      "luis.tapullima@ejemplo.pe",
      "milagros.zapata@ejemplo.pe",
      "renzo.salas@ejemplo.pe",
      "martha.herrera@ejemplo.pe",
      "karina.flores@ejemplo.pe",
      "wilder.panduro@ejemplo.pe",
      "lizbeth.apaza@ejemplo.pe",
      "hugo.baquerizo@ejemplo.pe",
    ].map((email, i) => ({ email, at: `2026-06-${String(2 + i).padStart(2, "0")} 10:00` as LimaTime })),
    attended: [
      "ernesto.palomino@ejemplo.pe",
      "yolanda.huaman@ejemplo.pe",
      "carolina.garcia@ejemplo.pe",
      "roxana.infante@ejemplo.pe",
      "rosmery.mamani@ejemplo.pe",
      "luis.tapullima@ejemplo.pe",
      "milagros.zapata@ejemplo.pe",
      "renzo.salas@ejemplo.pe",
      "martha.herrera@ejemplo.pe",
      "karina.flores@ejemplo.pe",
      "wilder.panduro@ejemplo.pe",
    ],
    testimonials: [
      {
        email: "roxana.infante@ejemplo.pe",
        at: "2026-06-18 17:40",
        text: "Me llevo ideas concretas para organizar las brigadas y los espacios de enlace en las instituciones educativas de Tumbes, sobre todo el tablero de control para seguir los planes de gestión del riesgo.",
      },
    ],
  },
  {
    type: "taller",
    title: "Taller: cómo documentar la evidencia de tu práctica para pasar al estadio intermedio",
    summary:
      "Un taller práctico para los equipos de las prácticas en estadio inicial: qué evidencias pide la ruta de fortalecimiento (instrumentos de gestión, documentos normativos, equipo técnico, resultados) y cómo subirlas a la plataforma.",
    agenda: `- La ruta de fortalecimiento y los criterios del estadio intermedio.
- Ejemplos de evidencias: resoluciones, planes, actas, informes con cifras.
- Trabajo en grupos: cada equipo revisa las evidencias de su práctica.
- Cómo pedir el cambio de estadio en la plataforma.`,
    modality: "virtual",
    place: "",
    startTime: "15:00",
    endTime: "17:00",
    // Small on purpose: the last one to register is on the waiting list.
    capacity: 10,
    macroregion: null,
    hostRegion: null,
    invitedRegions: [],
    when: { inDays: 12, weekday: 2, days: 1 },
    practices: [],
    registered: [
      "ana.huarcaya@ejemplo.pe",
      "luis.cahua@ejemplo.pe",
      "edith.ccanto@ejemplo.pe",
      "marco.taipe@ejemplo.pe",
      "rocio.benavente@ejemplo.pe",
      "diana.perez@ejemplo.pe",
      "rosmery.mamani@ejemplo.pe",
      "luis.tapullima@ejemplo.pe",
      "milagros.zapata@ejemplo.pe",
      "renzo.salas@ejemplo.pe",
      "martha.herrera@ejemplo.pe",
    ].map((email) => ({ email })),
    attended: [],
    testimonials: [],
  },
  {
    type: "intercambio",
    title: "II Intercambio de Buenas Prácticas de Gestión Educativa – Macrorregión Sur",
    summary:
      "Los equipos de las DRE/GRE y UGEL de Apurímac, Arequipa, Cusco, Moquegua, Puno y Tacna presentan sus buenas prácticas, reciben la retroalimentación de expertos y visitan una práctica en el territorio.",
    agenda: `**Día 1: interaprendizaje a partir de las buenas prácticas**

- Bienvenida de la región anfitriona y de la DIFOCA.
- Presentación de las buenas prácticas seleccionadas, con expertos comentaristas.
- Feria de evidencias.

**Día 2: pasantía**

- Visita a una práctica de la región anfitriona y testimonios de los participantes.`,
    modality: "presencial",
    place: "Arequipa",
    startTime: "08:30",
    endTime: "17:30",
    capacity: 300,
    macroregion: "Sur",
    hostRegion: "Arequipa",
    invitedRegions: ["Apurímac", "Arequipa", "Cusco", "Moquegua", "Puno", "Tacna"],
    // Thursday and Friday, like the exchange of the Centro.
    when: { inDays: 40, weekday: 4, days: 2 },
    practices: [],
    registered: ["lizbeth.apaza@ejemplo.pe", "jorge.ccori@ejemplo.pe", "karina.flores@ejemplo.pe", "rosmery.mamani@ejemplo.pe"].map((email) => ({ email })),
    attended: [],
    testimonials: [],
  },
];
