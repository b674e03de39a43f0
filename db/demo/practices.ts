// Demo practices: the eight presented at the I Intercambio de Buenas Prácticas de Gestión Educativa
// (Macrorregión Centro, 23–24 April 2026) and three more, written from the facts of the source documents.
export type StageSeed = "inicial" | "intermedio" | "avanzado";

export interface ExpertSeed {
  name: string; // full name as in seed 003
  email: string; // firstname.lastname@ejemplo.pe, lower case, no accents (e.g. "indira.alvarez@ejemplo.pe")
  position: string; // their position/institution as in seed 003
}

export interface FeedbackSeed {
  expert: string; // an ExpertSeed name (exactly)
  date: string; // "YYYY-MM-DD"
  event: string | null;
  keyAspects: string; // markdown
  opportunities: string[]; // plain sentences
  recommendations: string[]; // plain sentences
  /** Opportunities (by index into `opportunities`) that the team already marked as addressed, with its note. */
  addressed: { index: number; note: string }[];
}

export interface TeamMemberSeed {
  name: string;
  email: string; // firstname.lastname@ejemplo.pe, lower case, no accents
  position: string;
  iged: string; // exact IGED name
}

export interface PracticeSeed {
  title: string; // sentence case, not ALL CAPS
  summary: string;
  thematicLine: string; // exactly one of THEMATIC_LINES below
  region: string; // one of the 26 region names (see DOMAIN.md), exact spelling
  leadIged: string; // exact IGED name
  otherIgeds: string[]; // exact IGED names of the other IGEDs / gobiernos locales that share it (collective practices)
  startYear: number;
  vigente: boolean;
  status: "publicada" | "en_revision" | "borrador";
  stage: StageSeed;
  problem: string; // markdown
  strategy: string; // markdown bullet list
  results: string; // markdown bullet list
  lessons: string; // markdown bullet list
  team: TeamMemberSeed[]; // 1–3 people of the lead IGED who keep the practice up to date
  contacts: { name: string; role: string; email: string | null }[]; // public contacts
  links: { title: string; url: string }[]; // only real URLs that appear in the seeds, else []
  /** The stage history, oldest first: the first entry is "inicial" (when it was published), later ones are promotions. */
  stageHistory: { stage: StageSeed; date: string; note: string }[];
  feedback: FeedbackSeed[];
}

export const THEMATIC_LINES: readonly string[] = [
  "Gestión del riesgo de desastres",
  "Inclusión y atención a la diversidad",
  "Convivencia y bienestar socioemocional",
  "Mejora de los aprendizajes",
  "Evaluación y uso de evidencia",
  "Formación técnico-productiva y empleabilidad",
  "Planificación y gestión por procesos",
  "Acceso y cobertura",
];

const INTERCAMBIO_CENTRO = "I Intercambio de Buenas Prácticas de Gestión Educativa – Macrorregión Centro";
const FECHA_INTERCAMBIO = "2026-04-23";

export const EXPERTS: readonly ExpertSeed[] = [
  {
    name: "Jorge Chávez Escobar",
    email: "jorge.chavez@ejemplo.pe",
    position: "Consejero del Consejo Nacional de Educación (CNE)",
  },
  {
    name: "Indira Judhit Alvarez Ascencio",
    email: "indira.alvarez@ejemplo.pe",
    position: "Especialista de la Oficina de Defensa Nacional y de Gestión del Riesgo de Desastres (ODENAGED), MINEDU",
  },
  {
    name: "Juana Sono Hernández",
    email: "juana.sono@ejemplo.pe",
    position: "Secretaría Ejecutiva del Consejo Nacional de Educación (CNE)",
  },
  {
    name: "Isela Patricia Borja Rueda",
    email: "isela.borja@ejemplo.pe",
    position: "Especialista en educación, DRE Lima Provincias",
  },
  {
    name: "Sofía Meza Durán",
    email: "sofia.meza@ejemplo.pe",
    position: "Miembro de la Red de Gestores Educativos, CoP",
  },
  {
    name: "Víctor Mesías Chávez Ulloa",
    email: "victor.chavez@ejemplo.pe",
    position: "Especialista de Monitoreo de la Dirección de Apoyo a la Gestión Educativa Descentralizada (DAGED), MINEDU",
  },
  {
    name: "Liliana Coaguila Manero",
    email: "liliana.coaguila@ejemplo.pe",
    position: "Directora pedagógica del Centro de Innovación Educativa de la Universidad Marcelino Champagnat",
  },
  {
    name: "Silvia Rosario Jaime Basilio",
    email: "silvia.jaime@ejemplo.pe",
    position: "Especialista de la Oficina de Medición de la Calidad de los Aprendizajes, MINEDU",
  },
];

const GLADYS: TeamMemberSeed = {
  name: "Gladys Guerra Cabrera",
  email: "gladys.guerra@ejemplo.pe",
  position: "Directora de Gestión Pedagógica",
  iged: "DRE Lima Metropolitana",
};

const GLADYS_CONTACTO = {
  name: "Gladys Guerra Cabrera",
  role: "Directora de Gestión Pedagógica - DRE Lima Metropolitana",
  email: "gladys.guerra@ejemplo.pe",
};

export const PRACTICES: readonly PracticeSeed[] = [
  // ─── Seed 003, práctica 1 ─────────────────────────────────────────────────────────────
  {
    title: "Puentes para la inclusión, emprendimiento e inserción laboral",
    summary:
      "La UGEL 09 Huaura articula la Educación Básica, los CETPRO y el sector laboral para que sus estudiantes, en especial los que tienen discapacidad, accedan a formación técnica, prácticas, empleo y emprendimiento.",
    thematicLine: "Formación técnico-productiva y empleabilidad",
    region: "Lima Provincias",
    leadIged: "UGEL 09 Huaura",
    otherIgeds: [],
    startYear: 2023,
    vigente: true,
    status: "publicada",
    stage: "avanzado",
    problem: `En la UGEL 09 Huaura la Educación Básica, la Educación Técnico-Productiva y el ecosistema laboral funcionaban de manera poco articulada. Los estudiantes seguían trayectorias formativas fragmentadas y escasamente vinculadas al empleo.

A las limitaciones pedagógicas se sumaba una coordinación débil con los actores del sector productivo. El resultado era una brecha de inserción laboral cercana al 80 %, que golpeaba sobre todo a los estudiantes con discapacidad y reducía sus posibilidades de autonomía económica.`,
    strategy: `- **Organización interna y planificación conjunta**: conformación de una comisión y ejecución de un plan de trabajo articulado.
- **Diagnóstico y focalización de estudiantes**: se prioriza a quienes tienen discapacidad para orientar su formación y empleabilidad.
- **Articulación educativa**: tránsito de estudiantes hacia los CETPRO, incluida su participación en iniciativas como "Mi Oportunidad Técnica".
- **Alianzas interinstitucionales**: trabajo con municipalidades (OMAPED), la Dirección Regional de Trabajo y el sector productivo para facilitar prácticas, empleo y emprendimiento.
- **Vínculo directo con el mercado laboral**: ferias y eventos de empleabilidad que acercan ofertas concretas de trabajo a estudiantes y egresados.`,
    results: `- **02 convenios interinstitucionales** formalizados con OMAPED y la Dirección Regional de Trabajo, que abren a los estudiantes con discapacidad el acceso a intermediación laboral, bolsas de trabajo, prácticas y orientación para emprender.
- **03 mesas de trabajo** para la coordinación interinstitucional, la planificación conjunta y el seguimiento de la estrategia.
- **04 capacitaciones** en alianza con la municipalidad, con cerca de 200 directivos, docentes y familias formados en inclusión, empleabilidad y emprendimiento.
- **118 estudiantes** incorporados en la estrategia "Mi Oportunidad Técnica".
- **Ferias de empleo** con una oferta de 70 a 150 vacantes por evento y registro de estudiantes y egresados en la bolsa de trabajo del MTPE.
- Una cultura institucional orientada a la empleabilidad y el emprendimiento, más allá de la sola formación técnica.`,
    lessons: `- Una comisión con plan de trabajo propio dio a la UGEL la conducción de la estrategia y permitió sostenerla en el tiempo.
- Formalizar las alianzas mediante convenios (OMAPED, Dirección Regional de Trabajo) convirtió el apoyo de los aliados en servicios concretos para los estudiantes.
- Focalizar desde el diagnóstico a los estudiantes con discapacidad orientó las acciones hacia quienes enfrentaban la mayor brecha de inserción.
- Las ferias de empleo acercaron el mercado laboral a la escuela y mostraron a las familias resultados tangibles.`,
    team: [
      {
        name: "Rosa Elena Castillo Méndez",
        email: "rosa.castillo@ejemplo.pe",
        position: "Especialista de Educación Básica Especial",
        iged: "UGEL 09 Huaura",
      },
      {
        name: "Walter Manrique Salazar",
        email: "walter.manrique@ejemplo.pe",
        position: "Especialista de Educación Técnico-Productiva",
        iged: "UGEL 09 Huaura",
      },
    ],
    contacts: [
      {
        name: "Rosa Elena Castillo Méndez",
        role: "Especialista de Educación Básica Especial - UGEL 09 Huaura",
        email: "rosa.castillo@ejemplo.pe",
      },
    ],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2024-08-19",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2025-05-14",
        note: "Fortalecida con asesoría personalizada; sistematización de la estrategia y del plan de trabajo de la comisión.",
      },
      {
        stage: "avanzado",
        date: "2026-03-27",
        note: "02 convenios interinstitucionales formalizados con OMAPED y la Dirección Regional de Trabajo; comisión y equipo técnico consolidados; resultados sostenidos con evidencia. Seleccionada como sede de la pasantía del I Intercambio de la Macrorregión Centro.",
      },
    ],
    feedback: [
      {
        expert: "Jorge Chávez Escobar",
        date: FECHA_INTERCAMBIO,
        event: INTERCAMBIO_CENTRO,
        keyAspects: `Lo más relevante de la práctica es que **articula de forma efectiva el sistema educativo con el mercado laboral** y supera la desconexión habitual entre ambos. Con una gestión activa y orientada a resultados, alinea a actores educativos, sociales y laborales en torno a un objetivo común: mejorar las oportunidades de inserción laboral y desarrollo productivo de los estudiantes, sobre todo de quienes están en situación de vulnerabilidad, como las personas con discapacidad.`,
        opportunities: [
          "Incorporar de manera sistemática y más activa a empresas, gremios o cámaras de comercio en el modelo de gestión, para que retroalimenten la formación con las competencias que hoy demanda el mercado laboral.",
          "Fortalecer la actualización docente con mecanismos continuos de capacitación y de vínculo con el entorno laboral, para que los formadores respondan a las demandas actuales.",
          "Desarrollar estrategias de formación continua que permitan a los egresados actualizar sus competencias a lo largo del tiempo.",
          "Potenciar las experiencias formativas en contextos reales de trabajo, como pasantías o prácticas preprofesionales, para reducir la brecha entre formación y empleo.",
        ],
        recommendations: [
          "Institucionalizar la participación del sector empresarial, con representantes de empresas, gremios o unidades productivas en los espacios de coordinación que definen perfiles, competencias y oportunidades de inserción.",
          "Implementar un sistema permanente de actualización docente que incluya capacitación técnica, pasantías en empresas e intercambio con el sector productivo.",
          "Integrar la formación inicial con la formación continua, con un enfoque de aprendizaje a lo largo de la vida.",
          "Formalizar las pasantías o experiencias en entornos reales de trabajo como parte estructural del modelo.",
          "Alinear la práctica con el Marco Nacional de Cualificaciones para favorecer la articulación entre niveles, el reconocimiento de aprendizajes previos y la certificación de competencias.",
        ],
        addressed: [],
      },
    ],
  },

  // ─── Seed 003, práctica 2 ─────────────────────────────────────────────────────────────
  {
    title:
      "Fortalecemos la gestión del riesgo de desastres para garantizar la continuidad del servicio educativo en la región Ayacucho",
    summary:
      "La DRE Ayacucho y sus UGEL organizan COGIREDE, brigadas y planes de gestión del riesgo en las instituciones educativas, con el sistema de alerta \"Kayllayta Amauta\" y tableros de control para asegurar la continuidad del servicio ante emergencias.",
    thematicLine: "Gestión del riesgo de desastres",
    region: "Ayacucho",
    leadIged: "DRE Ayacucho",
    otherIgeds: [
      "UGEL Cangallo",
      "UGEL Huamanga",
      "UGEL Huancasancos",
      "UGEL Huanta",
      "UGEL La Mar",
      "UGEL Lucanas",
      "UGEL Parinacochas",
      "UGEL Sucre",
      "UGEL Víctor Fajardo",
      "UGEL Vilcashuamán",
    ],
    startYear: 2023,
    vigente: true,
    status: "publicada",
    stage: "avanzado",
    problem: `La región Ayacucho está muy expuesta a peligros naturales —sismos, lluvias intensas, deslizamientos, incendios forestales y heladas— que ponen en riesgo, una y otra vez, la seguridad de la comunidad educativa y la continuidad del servicio.

Los monitoreos mostraron una gestión del riesgo débil: el 64 % (2072) de las instituciones educativas no tenía planes actualizados y el 55 % (1780) no había conformado la comisión ni las brigadas de Gestión del Riesgo de Desastres. La planificación y la respuesta ante emergencias eran limitadas y la articulación institucional, insuficiente.`,
    strategy: `- **Organización y planificación de la GRD**: asistencias técnicas, reuniones de trabajo y monitoreo para conformar brigadas, poner en funcionamiento la COGIREDE y formular los planes de gestión del riesgo.
- **Fortalecimiento de competencias de las COGIREDE y brigadas**: talleres, webinars y cursos para directivos, docentes y brigadistas, con acompañamiento, monitoreo y soporte socioemocional.
- **Espacios de enlace, monitoreo y seguimiento sectorial**: campañas y charlas de sensibilización, operación del sistema de alerta "Kayllayta Amauta", reportes de emergencia, articulación con los COES y seguimiento de simulacros.
- **Dispositivos de seguridad**: distribución, asistencia técnica y monitoreo permanente de su operatividad en las instituciones educativas.`,
    results: `- **Brigadas** de gestión del riesgo conformadas en el 100 % de las 345 instituciones educativas focalizadas y en 2,893 no focalizadas.
- **Planes de GRD** monitoreados con un tablero de control en el 100 % (345) de las II.EE. focalizadas y en el 90 % (2,603) de las no focalizadas.
- **COGIREDE** conformadas en el 100 % de las IGED de la región.
- **Capacidades fortalecidas**: 559 integrantes de brigadas, 213 miembros de las COGIREDE y 723 directivos y docentes de las 11 UGEL, mediante talleres y cursos virtuales.
- **Espacios de enlace** de GRD operativos en el 100 % (345) de las II.EE. focalizadas y en el 65 % (1,880) de las no focalizadas.
- El 100 % de las IGED cuenta con planes de Gestión del Riesgo de Desastres, de contingencia y de continuidad operativa.
- **638 dispositivos de seguridad** distribuidos, con asistencia técnica para su uso y conservación y con aliados que apoyaron su adquisición y entrega.`,
    lessons: `- El financiamiento del Programa Presupuestal 068 y los compromisos de desempeño dieron a la práctica recursos estables y continuidad.
- Una estructura organizativa completa (COGIREDE, comisiones y brigadas) en la DRE, las UGEL y las escuelas permitió pasar de la reacción a la preparación.
- El sistema de alerta "Kayllayta Amauta" y los tableros de control dieron información oportuna para decidir y articular a las II.EE. con las IGED.
- Capacitar a gran escala a brigadistas, directivos y docentes amplió el alcance más allá de las instituciones focalizadas.`,
    team: [
      {
        name: "Ernesto Palomino Quispe",
        email: "ernesto.palomino@ejemplo.pe",
        position: "Coordinador de Gestión del Riesgo de Desastres",
        iged: "DRE Ayacucho",
      },
      {
        name: "Yolanda Huamán Cárdenas",
        email: "yolanda.huaman@ejemplo.pe",
        position: "Especialista en Gestión del Riesgo de Desastres",
        iged: "DRE Ayacucho",
      },
    ],
    contacts: [
      {
        name: "Ernesto Palomino Quispe",
        role: "Coordinador de Gestión del Riesgo de Desastres - DRE Ayacucho",
        email: "ernesto.palomino@ejemplo.pe",
      },
    ],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2024-06-10",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2025-03-18",
        note: "Fortalecida con asesoría técnica; sistematizada la organización de COGIREDE y brigadas y el uso del sistema de alerta \"Kayllayta Amauta\".",
      },
      {
        stage: "avanzado",
        date: "2026-02-23",
        note: "Financiada con el Programa Presupuestal 068 y los compromisos de desempeño; COGIREDE conformadas en el 100 % de las IGED de la región; resultados monitoreados con tablero de control.",
      },
    ],
    feedback: [
      {
        expert: "Indira Judhit Alvarez Ascencio",
        date: FECHA_INTERCAMBIO,
        event: INTERCAMBIO_CENTRO,
        keyAspects: `- **Organización integral para la gestión del riesgo**: COGIREDE, comités y brigadas conformados y fortalecidos en II.EE. focalizadas y no focalizadas.
- **Fortalecimiento masivo de capacidades** mediante talleres, cursos y reuniones de autoaprendizaje para planificar y responder ante emergencias.
- **Innovación digital para el monitoreo**: el sistema de alerta "Kayllayta Amauta" y los tableros de control reportan información en tiempo real y facilitan las decisiones.
- **Sostenibilidad financiera e institucional**, respaldada por el Programa Presupuestal 068 y los compromisos de desempeño.`,
        opportunities: [
          "Cerrar brechas en las instituciones educativas no focalizadas, rurales y de difícil acceso, para ampliar la cobertura y contar con información más inmediata sobre emergencias y simulacros.",
          "Optimizar los mecanismos de conectividad y reporte de información, considerando los tiempos de respuesta y las limitaciones de comunicación de las instituciones educativas rurales.",
          "Consolidar la cultura preventiva y el soporte socioemocional como parte de la vida cotidiana de las escuelas, no solo después de una emergencia.",
        ],
        recommendations: [
          "Incorporar las acciones y planes de Gestión del Riesgo de Desastres en el PEI, el POI y el PAT de las IGED, articulados con los planes regionales.",
          "Implementar módulos de inducción asincrónica en Gestión del Riesgo de Desastres para los especialistas, directivos y docentes que se incorporan a la DRE y las UGEL, y así mitigar la alta rotación de personal.",
          "Dar continuidad a las alianzas con ONG y otras entidades públicas y privadas para equipar a las instituciones educativas con dispositivos de seguridad.",
        ],
        addressed: [
          {
            index: 1,
            note: "Se acordó con las UGEL un protocolo de reporte diferido para las II.EE. rurales con conectividad limitada; la información de simulacros se consolida luego en el tablero de control.",
          },
        ],
      },
    ],
  },

  // ─── Seed 003, práctica 3 ─────────────────────────────────────────────────────────────
  {
    title:
      "Gestión educativa con impacto para la mejora sostenible de los aprendizajes y la calidad educativa en la región Pasco",
    summary:
      "La DRE Pasco y sus UGEL planifican de forma articulada, simplifican trámites y unifican asistencias técnicas y monitoreo para que los especialistas se concentren en lo pedagógico y mejoren los aprendizajes.",
    thematicLine: "Planificación y gestión por procesos",
    region: "Pasco",
    leadIged: "DRE Pasco",
    otherIgeds: [],
    startYear: 2023,
    vigente: true,
    status: "publicada",
    stage: "intermedio",
    problem: `En 2021 y 2022 se hicieron visibles limitaciones estructurales en la articulación entre la DRE y las UGEL, y entre las políticas regionales y las necesidades del territorio: no había lineamientos regionales, la planificación estratégica era débil, las asistencias técnicas no se articulaban y el monitoreo y acompañamiento pedagógico tenían poca efectividad. El Monitoreo de Prácticas Escolares 2021 al 2023 confirmó deficiencias en la planificación, la ejecución y el uso de la información para decidir.

Además, la sobrecarga administrativa restaba tiempo a los especialistas y generaba descoordinación y duplicidad de acciones, en un contexto de débil cultura de innovación, escasa participación en concursos y poca promoción de eventos educativos regionales.`,
    strategy: `- **Planificación estratégica participativa** y articulada entre la DRE y las UGEL, basada en un diagnóstico territorial.
- **Simplificación administrativa**: menos trámites burocráticos para priorizar las funciones pedagógicas de los especialistas.
- **Plan anual integrado de asistencias técnicas** DRE–UGEL, centrado en las necesidades pedagógicas.
- **Sistematización y difusión de la información** para mejorar la toma de decisiones.
- **Monitoreo y acompañamiento** con lineamientos e instrumentos unificados y un plan regional de monitoreo basado en resultados.
- **Evaluación permanente** de las acciones para la mejora continua.
- **Innovación educativa** promovida con planes y normas técnicas regionales, y concursos, actividades y eventos organizados de manera articulada.`,
    results: `- Gestión educativa articulada, que alinea las políticas nacionales con las necesidades del territorio.
- Planificación estratégica con la participación de más de 50 especialistas y mejor coordinación entre la DRE y las UGEL.
- Monitoreo y acompañamiento pedagógico a 536 II.EE. y 2,353 docentes.
- Cobertura de asistencias técnicas: del 45 % al 72 %.
- Información confiable para decidir (SIMON, repositorios y bases de datos).
- Mejoras en los aprendizajes de los estudiantes según la evaluación regional.
- Innovación educativa con 62 II.EE. y más de 90 proyectos.
- 1,500 estudiantes y 600 docentes en 10 eventos educativos.
- Especialistas con un rol pedagógico fortalecido y una cultura de mejora continua basada en evaluación y retroalimentación.`,
    lessons: `- Planificar junto con las UGEL, desde un diagnóstico territorial, redujo la fragmentación y las acciones duplicadas.
- Liberar a los especialistas de trámites les devolvió tiempo para el acompañamiento pedagógico, eje de la práctica.
- Contar con instrumentos de monitoreo unificados y sistemas de información como SIMON permitió medir avances y tomar decisiones con datos.`,
    team: [
      {
        name: "Raúl Espinoza Atencio",
        email: "raul.espinoza@ejemplo.pe",
        position: "Director de Gestión Pedagógica",
        iged: "DRE Pasco",
      },
      {
        name: "Milagros Tello Rivera",
        email: "milagros.tello@ejemplo.pe",
        position: "Especialista en Planeamiento Estratégico",
        iged: "DRE Pasco",
      },
    ],
    contacts: [
      {
        name: "Raúl Espinoza Atencio",
        role: "Director de Gestión Pedagógica - DRE Pasco",
        email: "raul.espinoza@ejemplo.pe",
      },
    ],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2024-11-05",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2025-09-22",
        note: "Fortalecida con asesoría personalizada; sistematizados el plan anual integrado de asistencias técnicas y el plan regional de monitoreo.",
      },
    ],
    feedback: [
      {
        expert: "Juana Sono Hernández",
        date: FECHA_INTERCAMBIO,
        event: INTERCAMBIO_CENTRO,
        keyAspects: `- Es una **buena experiencia de gestión pedagógica, pertinente y relevante**, que contribuye a mejorar el sistema educativo.
- Fortalece el **acompañamiento pedagógico a los docentes**, eje central de la gestión educativa.
- Se alinea con el **Proyecto Educativo Nacional al 2036**: educación inclusiva, equitativa e intercultural.
- Articula la gestión pedagógica y la institucional entre la DRE, las UGEL y los actores educativos, y promueve el **trabajo colaborativo y en red**.`,
        opportunities: [
          "Reducir la sobrecarga administrativa que todavía limita el tiempo para el acompañamiento pedagógico.",
          "Mejorar la gestión y el uso de la información educativa, evitando procesos duplicados y haciendo más eficientes los sistemas.",
          "Ampliar la cobertura y la continuidad del acompañamiento pedagógico en las instituciones educativas.",
          "Adaptar la gestión educativa a los cambios del contexto, en especial al uso de la tecnología y la inteligencia artificial.",
          "Fortalecer la articulación entre niveles de gestión para dar una respuesta más integrada y oportuna.",
        ],
        recommendations: [
          "Optimizar los procesos administrativos con herramientas digitales e inteligencia artificial para reducir la carga burocrática.",
          "Fortalecer los sistemas de información con datos educativos confiables para decidir mejor.",
          "Consolidar una gestión centrada en lo pedagógico, priorizando el acompañamiento al docente en el aula.",
          "Promover el trabajo en red y la participación activa de los actores educativos, con corresponsabilidad.",
          "Replantear el modelo de gestión considerando el contexto actual, la diversidad de estudiantes y las nuevas formas de aprender.",
          "Fortalecer la confianza ciudadana en la gestión educativa mediante más eficiencia, transparencia y calidad del servicio.",
        ],
        addressed: [],
      },
    ],
  },

  // ─── Seed 003, práctica 4 ─────────────────────────────────────────────────────────────
  {
    title: "Estrategia Inclusión Total",
    summary:
      "La DRE Callao y la UGEL Ventanilla logran que las instituciones educativas atiendan directamente a sus estudiantes con discapacidad, con servicios de apoyo internos y externos, núcleos inclusivos y formación docente en DUA.",
    thematicLine: "Inclusión y atención a la diversidad",
    region: "Callao",
    leadIged: "DRE Callao",
    otherIgeds: ["UGEL Ventanilla"],
    startYear: 2023,
    vigente: true,
    status: "publicada",
    stage: "avanzado",
    problem: `En la región Callao se identificó que el 100 % de las instituciones educativas de Educación Básica Regular, en inicial, primaria y secundaria, no eran autónomas ni se sentían capaces de atender a sus estudiantes con discapacidad, pese al acompañamiento de los equipos SAANEE.

La Estrategia Inclusión Total nace para que las escuelas de EBR atiendan directamente a los estudiantes con discapacidad y asuman la responsabilidad de su inclusión.`,
    strategy: `- **Servicio de Apoyo Educativo Interno (SAEI)** en todas las modalidades: cada II.EE. cuenta con profesionales que atienden de inmediato las barreras de aprendizaje, sin depender de servicios externos.
- **Servicio de Apoyo Educativo Externo (SAEE) regional**: acompañamiento técnico especializado a las redes educativas para los casos complejos y soporte a docentes y directivos.
- **Capacitación continua** en Diseño Universal para el Aprendizaje (DUA): congresos, webinars y talleres.
- **33 núcleos inclusivos** desplegados para asegurar cobertura total y una distribución equitativa de recursos.
- **Revistas de divulgación pedagógica inclusiva** para difundir y replicar en toda la región las estrategias que funcionan en el aula.`,
    results: `- **Cobertura regional**: 162,303 estudiantes beneficiados en 394 II.EE.
- **Inclusión institucionalizada en las escuelas**: 160 SAEI implementados en todas las modalidades, sin tercerización y con atención inmediata a la diversidad.
- **Soporte especializado**: SAEE regional en marcha y 44 núcleos y 18 redes inclusivas articuladas.
- **Capital humano**: 6,973 docentes, 394 directivos y 19 especialistas fortalecidos en el enfoque DUA.
- **Atención efectiva** de 239 estudiantes con discapacidad, con seguimiento y respuestas pedagógicas pertinentes.
- Gestión basada en evidencia y mejora continua, visible en publicaciones pedagógicas y en la participación de la comunidad educativa.`,
    lessons: `- Trasladar la responsabilidad de la inclusión a cada institución educativa, con su propio SAEI, puso fin a la dependencia de especialistas externos.
- Combinar el apoyo interno (SAEI) con un soporte regional especializado (SAEE) y núcleos inclusivos aseguró respuesta tanto en lo cotidiano como en los casos complejos.
- Formar a gran escala a docentes, directivos y especialistas en DUA creó un lenguaje común para atender la diversidad en el aula.
- Publicar y difundir lo que funciona ayudó a sostener una cultura inclusiva en toda la región.`,
    team: [
      {
        name: "Patricia Luna Zevallos",
        email: "patricia.luna@ejemplo.pe",
        position: "Especialista de Educación Básica Especial",
        iged: "DRE Callao",
      },
      {
        name: "Julio Pacheco Ramos",
        email: "julio.pacheco@ejemplo.pe",
        position: "Coordinador del Servicio de Apoyo Educativo Externo (SAEE) regional",
        iged: "DRE Callao",
      },
    ],
    contacts: [
      {
        name: "Patricia Luna Zevallos",
        role: "Especialista de Educación Básica Especial - DRE Callao",
        email: "patricia.luna@ejemplo.pe",
      },
    ],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2024-07-08",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2025-04-21",
        note: "Fortalecida con asesoría técnica; sistematizado el modelo de SAEI, SAEE regional y núcleos inclusivos.",
      },
      {
        stage: "avanzado",
        date: "2026-01-26",
        note: "160 SAEI implementados y SAEE regional en funcionamiento; equipo técnico consolidado; resultados sostenidos con evidencia y publicaciones pedagógicas.",
      },
    ],
    feedback: [
      {
        expert: "Isela Patricia Borja Rueda",
        date: FECHA_INTERCAMBIO,
        event: INTERCAMBIO_CENTRO,
        keyAspects: `- **Problema pertinente**: responde a una realidad muy extendida, la tercerización de la educación inclusiva, lo que la hace relevante a nivel local, regional y nacional.
- **Avance hacia la institucionalización**: la atención pasa de estar delegada en especialistas a ser responsabilidad de toda la institución educativa.
- **Trabajo articulado**: la inclusión se aborda con docentes, directivos, especialistas y familias, no de forma aislada.
- **Alineación con el enfoque DUA**: promueve estrategias diversificadas para la diversidad de estudiantes en el aula.`,
        opportunities: [
          "Ampliar la estrategia más allá de la Educación Básica Regular, incorporando progresivamente la Educación Básica Alternativa y otras modalidades, según la normativa vigente.",
          "Incluir de forma explícita a los estudiantes con altas capacidades o talentos, sin centrar la atención solo en la discapacidad o las dificultades de aprendizaje.",
          "Profundizar el enfoque DUA para que se aplique en la práctica cotidiana, sobre todo en la planificación y el desarrollo de las sesiones de aprendizaje.",
        ],
        recommendations: [
          "Extender la educación inclusiva a todos los niveles y modalidades, en coherencia con el D.S. 007-2021.",
          "Mantener el trabajo institucional conjunto que evita la tercerización y la derivación a especialistas.",
          "Ampliar la mirada de la inclusión a toda la diversidad, incluidos los estudiantes con altas capacidades o talentos.",
          "Consolidar el uso del enfoque DUA en el aula, con docentes que manejen diversos recursos para atender la diversidad.",
          "Promover el trabajo articulado entre docentes, directivos, especialistas y familias.",
        ],
        addressed: [
          {
            index: 2,
            note: "En los talleres de 2026 los núcleos inclusivos acompañan a los docentes en la planificación de sesiones de aprendizaje con enfoque DUA.",
          },
        ],
      },
    ],
  },

  // ─── Seed 003, práctica 5 ─────────────────────────────────────────────────────────────
  {
    title:
      "Facilitadores del bienestar emocional y la convivencia positiva en las instituciones educativas focalizadas de la UGEL Angaraes",
    summary:
      "Psicólogos facilitadores de la UGEL Angaraes desarrollan talleres vivenciales y acompañamiento socioemocional con estudiantes, docentes y familias de 57 instituciones educativas para prevenir la violencia y mejorar la convivencia.",
    thematicLine: "Convivencia y bienestar socioemocional",
    region: "Huancavelica",
    leadIged: "UGEL Angaraes",
    otherIgeds: [],
    startYear: 2024,
    vigente: true,
    status: "publicada",
    stage: "avanzado",
    problem: `La UGEL Angaraes enfrenta una situación grave de violencia y vulnerabilidad socioemocional en sus estudiantes. Un alto porcentaje de los casos atendidos involucra a menores de 17 años, con violencia física, psicológica y sexual recurrente en la familia, la comunidad y la escuela, además de consumo de sustancias, embarazo adolescente y deserción escolar.

Entre las causas están la falta de psicólogos en las escuelas, la escasa formación docente en lo socioemocional y factores como la pobreza, la ruralidad y las barreras lingüísticas, a lo que se suman el subregistro de casos y un clima escolar afectado. Las consecuencias son el deterioro del aprendizaje, la afectación de la salud mental y el aumento de conductas de riesgo.`,
    strategy: `- **Talleres vivenciales de fortalecimiento socioemocional** para estudiantes, docentes y familias de inicial, primaria y secundaria.
- **Acompañamiento socioemocional presencial** a la comunidad educativa, según las características de cada II.EE. y con enfoque de disciplina positiva.
- **Convivencia y resolución de conflictos**: programas formativos sobre empatía, respeto y resolución pacífica de conflictos, con prioridad en la prevención antes que en la sanción.
- **Monitoreo y evaluación participativa**: observación y grupos focales con estudiantes, docentes y familias, un sistema de registro de evidencias y el recojo de percepciones y necesidades de capacitación.`,
    results: `- Intervención en **57 instituciones educativas** focalizadas.
- **1239 padres de familia** fortalecidos en crianza positiva y responsabilidades parentales.
- **1740 estudiantes** con habilidades socioemocionales desarrolladas (autorregulación, empatía, resolución de conflictos).
- **645 docentes** capacitados en disciplina positiva y gestión de la convivencia escolar.
- Disminución progresiva de los casos reportados en el portal SISEVE y **cero reportes de violencia escolar** al corte de julio de 2025.
- De 14,352 estudiantes matriculados, **solo 7 casos de deserción**, cifra muy baja frente a años anteriores.
- Mayor capacidad docente para gestionar el aula con enfoque preventivo y formativo, y menos situaciones de conflicto y violencia.`,
    lessons: `- Priorizar la prevención, y no solo la atención de casos, cambió el clima de las escuelas focalizadas.
- Contar con psicólogos como facilitadores dio a la intervención solvencia técnica y cercanía con cada institución.
- Involucrar a la vez a estudiantes, docentes y familias hizo de la convivencia una responsabilidad compartida.
- El seguimiento con evidencias y grupos focales permitió ajustar las acciones a las necesidades reales.`,
    team: [
      {
        name: "Edith Ccanto Lapa",
        email: "edith.ccanto@ejemplo.pe",
        position: "Coordinadora de Convivencia Escolar y Bienestar",
        iged: "UGEL Angaraes",
      },
      {
        name: "Marco Antonio Taipe Sedano",
        email: "marco.taipe@ejemplo.pe",
        position: "Psicólogo facilitador",
        iged: "UGEL Angaraes",
      },
    ],
    contacts: [
      {
        name: "Edith Ccanto Lapa",
        role: "Coordinadora de Convivencia Escolar y Bienestar - UGEL Angaraes",
        email: "edith.ccanto@ejemplo.pe",
      },
    ],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2024-10-14",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2025-06-09",
        note: "Fortalecida con asesoría personalizada; sistematizados los talleres vivenciales y el registro de evidencias.",
      },
      {
        stage: "avanzado",
        date: "2026-04-13",
        note: "57 II.EE. focalizadas atendidas por un equipo de psicólogos facilitadores consolidado; resultados sostenidos con evidencia (cero reportes de violencia escolar en SISEVE al corte de julio de 2025).",
      },
    ],
    feedback: [
      {
        expert: "Sofía Meza Durán",
        date: FECHA_INTERCAMBIO,
        event: INTERCAMBIO_CENTRO,
        keyAspects: `- No se limita a atender casos de violencia: **prioriza la prevención** desarrollando habilidades socioemocionales en estudiantes, docentes y familias.
- Involucra activamente a toda la comunidad educativa y fortalece la **corresponsabilidad** en la convivencia y el bienestar.
- Incorpora **psicólogos como facilitadores**, lo que asegura una intervención técnica y pertinente.
- Se apoya en el **seguimiento constante** y la evaluación participativa para ajustar las estrategias.`,
        opportunities: [
          "Reducir el subregistro de la violencia y de las problemáticas psicosociales con capacitación en el uso de las plataformas, protocolos claros y una cultura de reporte seguro.",
          "Aumentar las estrategias dirigidas a familias y comunidades, sobre todo en zonas rurales, frente a la violencia familiar, las pautas de crianza y las barreras socioculturales.",
          "Garantizar la presencia permanente de psicólogos o profesionales afines en las escuelas, para que la intervención no dependa de acciones temporales o focalizadas.",
        ],
        recommendations: [
          "Institucionalizar la estrategia en los instrumentos de gestión (PEI, PAT, POI) para que continúe más allá de los cambios de gestión.",
          "Asegurar financiamiento sostenible con asignación presupuestal regular y articulación con gobiernos locales, regionales y aliados.",
          "Fortalecer de manera continua las capacidades docentes en habilidades socioemocionales, disciplina positiva y gestión de la convivencia.",
          "Consolidar el liderazgo de los directivos en la gestión del clima escolar y el bienestar de la comunidad educativa.",
          "Profundizar la participación de las familias con orientación y formación sistemáticas en crianza positiva.",
          "Fortalecer el monitoreo y la evaluación con indicadores claros, registros confiables y mecanismos de retroalimentación.",
          "Consolidar redes de articulación intersectorial, en especial con salud, protección social y gobiernos locales.",
        ],
        addressed: [
          {
            index: 0,
            note: "Se capacitó a los responsables de convivencia de las 57 II.EE. focalizadas en el registro de casos en el portal SISEVE y en los protocolos de atención.",
          },
        ],
      },
    ],
  },

  // ─── Seed 003, práctica 6 ─────────────────────────────────────────────────────────────
  {
    title:
      "Estrategia de seguimiento y evaluación al Plan Anual de Trabajo de la DRE Junín y las 13 UGEL en el marco de gestión por procesos",
    summary:
      "La DRE Junín acompaña a sus 13 UGEL para alinear el PAT con las políticas nacionales y regionales y lo evalúa cada trimestre con una plataforma virtual y planes de mejora, superando la gestión reactiva.",
    thematicLine: "Planificación y gestión por procesos",
    region: "Junín",
    leadIged: "DRE Junín",
    otherIgeds: [],
    startYear: 2024,
    vigente: true,
    status: "publicada",
    stage: "intermedio",
    problem: `En la región Junín, las 13 UGEL trabajaban de forma desarticulada y reactiva: sus instrumentos de corto plazo, como el PAT, no estaban alineados con las políticas y planes estratégicos nacionales, sectoriales y regionales ni con los instrumentos institucionales.

Una débil cultura de planificación orientada a resultados, las prácticas administrativas tradicionales y el uso limitado del enfoque de gestión por procesos llevaban a decisiones coyunturales e improvisadas y a poca articulación entre las IGED, lo que afectaba la mejora continua, la calidad del servicio y la capacidad de generar valor público.`,
    strategy: `- **Fase de preparación y soporte**: sensibilización del personal de la DRE Junín y las 13 UGEL; asistencia técnica especializada para formular el PAT y alinearlo con las políticas sectoriales y regionales; una plataforma virtual que centraliza recursos, normativas y herramientas de seguimiento.
- **Fase de alineamiento y ejecución**: definición de líneas de acción estratégicas, misionales y de soporte, y priorización de intervenciones que traducen los planes nacionales y regionales en acciones operativas pertinentes al territorio.
- **Fase de monitoreo y mejora continua**: evaluación trimestral para ver avances, detectar alertas tempranas y corregir; planes de mejora institucional a partir de los hallazgos; balance anual de logros y dificultades como base del siguiente ciclo.`,
    results: `- **Alineamiento estratégico**: el 100 % de las 13 UGEL planifica de manera participativa y alineada con las políticas nacionales, regionales e institucionales.
- **Decisiones basadas en evidencia**: el 100 % de las 13 UGEL elabora e implementa planes de mejora institucional a partir de las evaluaciones periódicas.
- **Monitoreo sistemático**: el 100 % de las 13 UGEL aplica evaluaciones trimestrales lideradas por la DRE Junín.
- **Pertinencia territorial**: planeamiento sustentado en diagnósticos participativos y adaptado a la diversidad de la región.
- **Gobernanza colegiada**: se rompen los "silos" administrativos con líneas de acción compartidas entre la DRE y las UGEL.
- **Apropiación del modelo**: los decisores ven el seguimiento y la evaluación como motores de la mejora continua.`,
    lessons: `- Asistir técnicamente a las UGEL desde la formulación del PAT facilitó que el alineamiento fuera real y no solo formal.
- La evaluación trimestral con planes de mejora convirtió el seguimiento en una herramienta de decisión y no en un trámite.
- Centralizar recursos y herramientas en una plataforma virtual dio a las 13 UGEL un punto de referencia común.`,
    team: [
      {
        name: "Pilar Orihuela Camargo",
        email: "pilar.orihuela@ejemplo.pe",
        position: "Especialista en Planificación",
        iged: "DRE Junín",
      },
      {
        name: "Hugo Baquerizo Ríos",
        email: "hugo.baquerizo@ejemplo.pe",
        position: "Especialista en Racionalización y Gestión por Procesos",
        iged: "DRE Junín",
      },
    ],
    contacts: [
      {
        name: "Pilar Orihuela Camargo",
        role: "Especialista en Planificación - DRE Junín",
        email: "pilar.orihuela@ejemplo.pe",
      },
    ],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2025-02-17",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2025-11-10",
        note: "Fortalecida con asesoría técnica; sistematizado el ciclo de evaluación trimestral y los planes de mejora de las 13 UGEL.",
      },
    ],
    feedback: [
      {
        expert: "Víctor Mesías Chávez Ulloa",
        date: FECHA_INTERCAMBIO,
        event: INTERCAMBIO_CENTRO,
        keyAspects: `- **Articula las políticas macro con la gestión territorial**: orienta las acciones técnico-pedagógicas y administrativas de la DRE Junín y las UGEL en coherencia con la Política Nacional de Modernización de la Gestión Pública y los objetivos priorizados del sector.
- **Seguimiento y evaluación orientados a resultados**, con indicadores y procesos de monitoreo que hacen visible lo que ocurre en el territorio.
- **Alineamiento entre planes de monitoreo e indicadores**, para que el seguimiento se conecte con objetivos estratégicos de largo plazo.
- **Proyección estratégica**: busca logros sostenibles que impacten en los estudiantes, no solo metas de corto plazo.`,
        opportunities: [
          "Traducir los indicadores macro y los objetivos generales en acciones directas y eficaces que aseguren resultados al final del periodo de gestión.",
          "Responder de forma anticipada a las alertas y brechas identificadas en el seguimiento, antes de que se profundicen.",
          "Precisar el monitoreo y la evaluación con objetivos concretos, indicadores directos y logros específicos, evitando la dispersión de instrumentos y temas.",
          "Optimizar el uso de los recursos, priorizando la eficacia del gasto, pues incluso con recursos mínimos se pueden lograr acciones de gestión y monitoreo más efectivas.",
        ],
        recommendations: [
          "Mantener y fortalecer los espacios trimestrales de evaluación e interaprendizaje entre directores de UGEL y equipos de línea.",
          "Promover experiencias de aprendizaje colaborativo tipo pasantía entre la DRE y las UGEL.",
          "Difundir lo ejecutado y los resultados mediante boletines y reportes que se traduzcan en tareas concretas de mejora.",
          "Usar la evidencia recopilada para fortalecer progresivamente a las UGEL y decidir con datos, no solo para almacenarla en repositorios.",
        ],
        addressed: [],
      },
    ],
  },

  // ─── Seed 003, práctica 7 ─────────────────────────────────────────────────────────────
  {
    title: "Compartimos nuestro amor por la lectura en mi comunidad rural, potenciado por la tecnología",
    summary:
      "La UGEL Nasca mejora la comprensión lectora en escuelas rurales unidocentes y multigrado combinando formación y acompañamiento docente, bibliotecas físicas y digital, tecnología educativa y la participación de las familias.",
    thematicLine: "Mejora de los aprendizajes",
    region: "Ica",
    leadIged: "UGEL Nasca",
    otherIgeds: [],
    startYear: 2023,
    vigente: true,
    status: "publicada",
    stage: "avanzado",
    problem: `En las instituciones educativas rurales unidocentes y multigrado de la UGEL Nasca, solo el 12 % de los estudiantes alcanzaba el nivel de logro esperado en comprensión lectora. Les costaba analizar, interpretar y opinar sobre distintos textos.

Influían prácticas docentes poco pertinentes para desarrollar la competencia lectora, la escasez de recursos educativos y el acceso limitado a la tecnología, además de la baja participación de las familias y la débil articulación entre escuela, comunidad y autoridades, que frenaban una cultura lectora en el territorio.`,
    strategy: `- **Fortalecimiento docente**: talleres, microtalleres, pasantías y trabajo colegiado.
- **Acompañamiento pedagógico in situ** con monitoreo formativo y seguimiento de compromisos.
- **Bibliotecas**: implementación de bibliotecas físicas y creación de la biblioteca digital multigrado con recursos variados.
- **Tecnología educativa**: pizarras interactivas, conectividad y uso de los dispositivos disponibles.
- **Familias y comunidad**: ferias, tertulias y encuentros de lectura.
- **Sostenibilidad**: alianzas estratégicas y formalización de la práctica.`,
    results: `- **Incremento del 23 %** en los niveles de logro en comprensión lectora (diagnóstico frente a salida).
- **85 %** de los estudiantes desarrolla actitudes positivas hacia la lectura.
- **100 %** de las escuelas rurales con bibliotecas funcionales.
- Estrategias de mediación lectora aplicadas de manera efectiva y mejora observable en la práctica pedagógica.
- Mayor participación de los estudiantes en concursos locales, regionales y nacionales.
- Un ecosistema lector fortalecido, con la lectura instalada como práctica social y cultural en las comunidades rurales.`,
    lessons: `- Atender a la vez la formación docente, los materiales y la participación de la comunidad dio más resultado que actuar sobre un solo frente.
- La tecnología funcionó como apoyo y no como condición: se trabajó con los dispositivos disponibles en cada escuela.
- Nacer de la práctica de los docentes rurales favoreció un alto nivel de apropiación de las estrategias.
- Las alianzas con autoridades y empresa privada, y la formalización de la práctica, sostuvieron la dotación de bibliotecas y recursos.`,
    team: [
      {
        name: "Ana María Huarcaya Pecho",
        email: "ana.huarcaya@ejemplo.pe",
        position: "Especialista de Educación Primaria",
        iged: "UGEL Nasca",
      },
      {
        name: "Luis Alberto Cahua Tipismana",
        email: "luis.cahua@ejemplo.pe",
        position: "Jefe del Área de Gestión Pedagógica",
        iged: "UGEL Nasca",
      },
    ],
    contacts: [
      {
        name: "Ana María Huarcaya Pecho",
        role: "Especialista de Educación Primaria - UGEL Nasca",
        email: "ana.huarcaya@ejemplo.pe",
      },
    ],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2024-05-20",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2025-03-31",
        note: "Fortalecida con asesoría personalizada; sistematizada la biblioteca digital multigrado y el acompañamiento in situ.",
      },
      {
        stage: "avanzado",
        date: "2026-03-09",
        note: "Práctica formalizada por la UGEL y sostenida con alianzas estratégicas; 100 % de escuelas rurales con bibliotecas funcionales; resultados con evidencia (pruebas de diagnóstico y de salida).",
      },
    ],
    feedback: [
      {
        expert: "Liliana Coaguila Manero",
        date: FECHA_INTERCAMBIO,
        event: INTERCAMBIO_CENTRO,
        keyAspects: `- **Modelo integral** para la comprensión lectora: articula desarrollo profesional docente, condiciones materiales y participación comunitaria.
- **Articulación territorial**: escuela, familias, autoridades y empresa privada comparten la responsabilidad por el aprendizaje y la formación lectora.
- **Trabajo colaborativo** y alto nivel de apropiación de las estrategias por parte de los docentes.
- **Pertinencia**: surge de la práctica y responde a necesidades reales de las escuelas rurales.
- **La tecnología potencia, no condiciona**, lo que hace la práctica pertinente en distintos contextos.`,
        opportunities: [
          "Ampliar la escala de la práctica, que todavía se desarrolla en un número limitado de instituciones educativas.",
          "Fortalecer la institucionalización para evitar que la práctica pierda continuidad o intensidad con el tiempo.",
          "Reducir la dependencia de liderazgos clave con mecanismos de gestión y participación que aseguren la continuidad aunque cambien los responsables.",
          "Establecer mecanismos de continuidad y expansión, pues los niveles de logro alcanzados, aunque significativos, aún deben seguir mejorando.",
        ],
        recommendations: [
          "Escalar progresivamente la práctica a toda la UGEL y luego a otros ámbitos de la región, atendiendo a las particularidades de cada contexto.",
          "Incorporar la práctica en los instrumentos de gestión y en las políticas educativas locales para asegurar su continuidad.",
          "Consolidar las comunidades profesionales de aprendizaje como soporte de la formación continua docente.",
          "Distribuir el liderazgo de la práctica entre diversos actores educativos.",
          "Sistematizar la experiencia para facilitar su transferencia y adaptación a otros territorios.",
        ],
        addressed: [
          {
            index: 2,
            note: "Se conformó un equipo de docentes líderes por red educativa rural que comparte la conducción de los talleres y microtalleres.",
          },
        ],
      },
    ],
  },

  // ─── Seed 003, práctica 8 ─────────────────────────────────────────────────────────────
  {
    title:
      "Evaluando aprendizajes: de la evidencia a la acción y de la acción a la mejora de los aprendizajes en Lima Metropolitana",
    summary:
      "La DRE Lima Metropolitana opera un sistema regional de evaluación con resultados nominales por estudiante en tiempo real, en la plataforma Mundo IE, para que docentes, directivos y especialistas tomen decisiones pedagógicas basadas en evidencia.",
    thematicLine: "Evaluación y uso de evidencia",
    region: "Lima Metropolitana",
    leadIged: "DRE Lima Metropolitana",
    otherIgeds: [],
    startYear: 2023,
    vigente: true,
    status: "publicada",
    stage: "intermedio",
    problem: `Los resultados de evaluación se usaban poco para mejorar los aprendizajes. Aunque había información sobre el desempeño estudiantil (40.7 % en lectura y 34.5 % en matemática), llegaba tarde, fragmentada y desarticulada, y no servía para decidir a tiempo.

Predominaba una evaluación centrada en el cumplimiento administrativo, con docentes como receptores pasivos, que no se traducía en acciones concretas de mejora ni en respuestas a las necesidades de aprendizaje.`,
    strategy: `- **Sistema regional de evaluación** con información nominal por estudiante, disponible en tiempo real en la plataforma digital Mundo IE, para el análisis inmediato de docentes, directivos y especialistas.
- **Trabajo articulado** entre la DRELM, las UGEL, las redes educativas y las instituciones educativas, con jornadas de reflexión, trabajo colegiado y acompañamiento pedagógico continuo.
- **Fortalecimiento de capacidades** mediante alianzas con entidades especializadas y promoción del uso pedagógico de la evidencia para diseñar acciones de mejora focalizadas.`,
    results: `- **Mejora de los aprendizajes**: +64.9 puntos en lectura en primaria y +27.8 en secundaria; +49.7 puntos en matemática en primaria y +21.6 en secundaria.
- **Cobertura**: 297,961 estudiantes evaluados, con resultados representativos por grado.
- Más del **97 %** de los directivos implementa acciones de mejora a partir de los resultados.
- El **98.6 %** valora la evaluación como importante o muy importante y el **94.3 %** la considera pertinente para decidir.
- El **75.4 %** de las instituciones educativas recibe monitoreo y acompañamiento institucional.
- Resultados integrados en la gestión escolar (PAT) y en las estrategias de refuerzo, con una cultura de evaluación y mejora continua en las escuelas.`,
    lessons: `- Entregar resultados oportunos y a nivel de estudiante fue lo que permitió pasar de la evidencia a la acción en el aula.
- Articular DRELM, UGEL, redes e instituciones educativas dio a la evaluación un uso pedagógico compartido, no solo administrativo.
- Integrar los resultados en el PAT y en las estrategias de refuerzo ancló la evaluación en la gestión escolar.`,
    team: [
      GLADYS,
      {
        name: "Rocío Benavente Loayza",
        email: "rocio.benavente@ejemplo.pe",
        position: "Especialista en Evaluación de los Aprendizajes",
        iged: "DRE Lima Metropolitana",
      },
    ],
    contacts: [GLADYS_CONTACTO],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2024-09-09",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2025-07-07",
        note: "Fortalecida con asesoría técnica; sistematizado el uso de la plataforma Mundo IE en las jornadas de reflexión y el trabajo colegiado.",
      },
    ],
    feedback: [
      {
        expert: "Silvia Rosario Jaime Basilio",
        date: FECHA_INTERCAMBIO,
        event: INTERCAMBIO_CENTRO,
        keyAspects: `- **Alineada con el enfoque de la evaluación nacional**: pone la evidencia en el centro de la gestión pedagógica para identificar brechas reales y superar la "ilusión de éxito" entre aprobación y logro efectivo.
- **De la evidencia a la acción**: información oportuna por estudiante, aula, institución y territorio para orientar la mejora.
- **Articulación multinivel** entre DRE, UGEL, redes educativas e instituciones educativas, apoyada en plataformas que facilitan las decisiones.
- **Complementa la evaluación nacional**, acercando la evaluación al territorio con sentido pedagógico.`,
        opportunities: [
          "Fortalecer la calidad técnica de la evaluación con validación de instrumentos, análisis psicométrico y reportes técnicos que respalden la confiabilidad de los resultados.",
          "Incorporar el enfoque inclusivo, adaptando los instrumentos para estudiantes con discapacidad y garantizando condiciones de equidad.",
          "Evaluar el impacto de los planes de mejora en los aprendizajes, para profundizar el vínculo entre resultados y decisiones pedagógicas.",
          "Sistematizar la experiencia para identificar las estrategias que generan mejores resultados.",
        ],
        recommendations: [
          "Institucionalizar la práctica con reportes técnicos y normativas que respalden su continuidad.",
          "Fortalecer las capacidades de docentes, directivos y especialistas para una interpretación compartida de la evidencia, con criterios comunes de análisis.",
          "Consolidar la articulación con la Evaluación Nacional de Logros de Aprendizaje (ENLA), complementando los niveles de evaluación.",
          "Elaborar informes pedagógicos y orientaciones prácticas que traduzcan los resultados en acciones concretas de mejora.",
        ],
        addressed: [],
      },
    ],
  },

  // ─── Seed 000 ────────────────────────────────────────────────────────────────────────
  {
    title: "¡De la escuela al trabajo!",
    summary:
      "La DRE Lima Metropolitana acompaña a los CETPRO, a las II.EE. de secundaria con formación técnica y a los CEBA para convalidar aprendizajes y compartir planes de estudio que lleven a los estudiantes a una certificación modular.",
    thematicLine: "Formación técnico-productiva y empleabilidad",
    region: "Lima Metropolitana",
    leadIged: "DRE Lima Metropolitana",
    otherIgeds: [],
    startYear: 2023,
    vigente: true,
    status: "en_revision",
    stage: "inicial",
    problem: `Lima integró cuatro Lineamientos Educativos Regionales (Aprendizajes para la Vida, Certificación Múltiple, Bienestar del Estudiante y Gestión Escolar Autónoma) en el modelo de la "Escuela de la Confianza", orientado a recuperar aprendizajes después de la pandemia de COVID-19 y a acortar brechas de resultados.

Dentro del Lineamiento de Certificación Múltiple, el Componente de Certificación Técnica busca dar valor agregado a la formación técnica: que los estudiantes desarrollen competencias para la empleabilidad y el emprendimiento que mejoren su calidad de vida y la de sus familias, y que los aprendizajes logrados en la Educación Básica se reconozcan en una certificación.`,
    strategy: `- **Articulación de programas**: el Equipo de Especialistas de Certificación Técnica de la OGPEBTP de la DRELM articula el proyecto Mi Oportunidad Técnica, la transitabilidad y la oferta de los CETPRO.
- **Acompañamiento focalizado a los CETPRO** de Lima Metropolitana para aplicar correctamente los procesos de convalidación y reconocer los aprendizajes de la Educación Básica con una certificación modular.
- **Acercamiento entre secundaria técnica y CETPRO**: acompañamiento a las II.EE. de secundaria con formación técnica para desarrollar un plan de estudio compartido con el CETPRO, con competencias de emprendimiento y certificación conducente a un título.
- **Atención en horario alterno**: acompañamiento a los CEBA y a las II.EE. sin equipamiento en el área de Educación para el Trabajo para que sus estudiantes asistan al CETPRO.`,
    results: `- En 2023, el **5 %** de las instituciones educativas implementa la estrategia, con la perspectiva de que sus estudiantes concluyan el módulo al terminar la Educación Básica.
- Para 2024 se espera que el **30 %** de los estudiantes se certifique en un CETPRO mediante módulos formativos y la convalidación de competencias laborales.`,
    lessons: `- Apoyarse en programas ya existentes (Mi Oportunidad Técnica, la oferta de los CETPRO) permitió avanzar sin crear estructuras nuevas.
- La convalidación de aprendizajes de la Educación Básica es la pieza que hace posible certificar a los estudiantes al egresar.
- Incluir a los CEBA y a las escuelas sin equipamiento, mediante horarios alternos, amplía la equidad en el acceso a la certificación.`,
    team: [
      GLADYS,
      {
        name: "Manuel Ríos Chumpitaz",
        email: "manuel.rios@ejemplo.pe",
        position: "Especialista de Certificación Técnica (OGPEBTP)",
        iged: "DRE Lima Metropolitana",
      },
    ],
    contacts: [GLADYS_CONTACTO],
    links: [],
    stageHistory: [],
    feedback: [],
  },

  // ─── Seed 001 ────────────────────────────────────────────────────────────────────────
  {
    title: "Escuela de la Confianza",
    summary:
      "Política educativa de la DRE Lima Metropolitana que busca un cambio sistémico: mejora de aprendizajes, certificación de competencias, bienestar socioemocional y gestión escolar, sostenida por más de 40 alianzas y la RDR N.° 0176-2023-DRELM.",
    thematicLine: "Mejora de los aprendizajes",
    region: "Lima Metropolitana",
    leadIged: "DRE Lima Metropolitana",
    otherIgeds: [],
    startYear: 2023,
    vigente: true,
    status: "publicada",
    stage: "avanzado",
    problem: `El sistema educativo enfrenta desafíos como el cambio climático, la evolución del mercado laboral, los cambios demográficos y la recuperación tras la pandemia, que exigen formar ciudadanos con habilidades interculturales y socioemocionales y una ciudadanía activa.

En muchas instituciones educativas no se promueve un ambiente de respeto y tolerancia: en 2023 el SiseVe reportó 7,284 casos de violencia, más del 42 % por encima del año anterior. A ello se suman la falta de una gestión transformadora y de metas claras, que hace que muchos estudiantes egresen sin las competencias que pide el mercado laboral, y el declive de los logros de aprendizaje de Lima Metropolitana en comprensión lectora y matemática.`,
    strategy: `- **Mejorar los aprendizajes y reducir brechas**: programas formativos con universidades nacionales e internacionales y sistemas de evaluación para diagnosticar y ajustar las estrategias pedagógicas en tiempo real.
- **Formación técnica y certificación de competencias**: certificaciones en inglés, competencias digitales y técnicas en alianza con el British Council, Certiport y los CETPRO; promoción de la empleabilidad, el emprendimiento y el acceso a la educación superior.
- **Habilidades socioemocionales y prevención de la violencia**: la estrategia "La DRELM te escucha", formación en resolución de conflictos con la PUCP y la Universidad de Nueva York, e intervención en las instituciones con mayor incidencia de violencia.
- **Capacidades de gestión escolar**: concursos y proyectos de innovación, formación de gestores a través de directores líderes y asistencia técnica para mejorar los PEI.
- **Sostenibilidad**: la Coalición por la Transformación Educativa de Lima Metropolitana, con aliados del Estado, empresas y universidades, planifica y supervisa las acciones, con el apoyo de un Comité Consultivo.`,
    results: `- **997 docentes** completaron un diplomado en educación financiera y **2,164** se capacitan en prevención y gestión de conflictos.
- **18,641 estudiantes** mejoraron sus habilidades matemáticas con la plataforma Khan Academy.
- **1,600 estudiantes** de primaria se preparan para certificaciones en ofimática y **53** obtuvieron una certificación internacional en ciberseguridad.
- **2,197 docentes** avanzaron en un diplomado en didáctica de la lectura; **1,200** participantes en el programa Embajadores de la Vida Saludable y **150** certificaciones en inglés con el British Council.
- La violencia escolar **disminuyó en un 11 %** en el último año, gracias a las intervenciones socioemocionales y a una herramienta desarrollada con la PUCP y la Universidad de Nueva York.
- Más de **40 alianzas estratégicas** con instituciones públicas y privadas, que generan ahorros por más de **33.5 millones de soles** en becas, capacitaciones y uso eficiente de recursos.
- La **RDR N.° 0176-2023-DRELM** integra la práctica en las políticas de la DRELM y garantiza recursos, seguimiento y evaluación continua.`,
    lessons: `- Convertir la práctica en política institucional mediante la RDR N.° 0176-2023-DRELM le dio recursos, seguimiento y evaluación estables.
- Una red amplia de alianzas, organizada en la Coalición por la Transformación Educativa y su Comité Consultivo, multiplicó los recursos disponibles.
- Abordar a la vez aprendizajes, certificación, bienestar y gestión escolar permitió un cambio sistémico y no acciones aisladas.`,
    team: [
      GLADYS,
      {
        name: "Diana Pérez Alarcón",
        email: "diana.perez@ejemplo.pe",
        position: "Especialista de la Dirección de Gestión Pedagógica",
        iged: "DRE Lima Metropolitana",
      },
    ],
    contacts: [GLADYS_CONTACTO],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2024-03-11",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2024-10-21",
        note: "Fortalecida con asesoría personalizada; sistematizados sus cuatro ejes de acción y el modelo de alianzas.",
      },
      {
        stage: "avanzado",
        date: "2025-06-16",
        note: "Formalizada con la RDR N.° 0176-2023-DRELM, que la integra en las políticas de la DRELM; sostenida por la Coalición por la Transformación Educativa de Lima Metropolitana y más de 40 alianzas; resultados con evidencia.",
      },
    ],
    feedback: [],
  },

  // ─── Seed 002 ────────────────────────────────────────────────────────────────────────
  {
    title: "Ampliación del acceso a la Educación Técnico Productiva mediante Centros de Extensión de los CETPRO",
    summary:
      "La DRE Cajamarca y las UGEL Cajamarca, Chota y Cutervo acercan la educación técnico productiva a comunidades rurales con 19 Centros de Extensión de CETPRO, con aliados como los Tambos del Programa PAIS y los gobiernos locales.",
    thematicLine: "Acceso y cobertura",
    region: "Cajamarca",
    leadIged: "DRE Cajamarca",
    otherIgeds: ["UGEL Cajamarca", "UGEL Chota", "UGEL Cutervo"],
    startYear: 2024,
    vigente: true,
    status: "publicada",
    stage: "intermedio",
    problem: `En la región Cajamarca, el acceso limitado a la educación técnico productiva en zonas rurales frena el desarrollo humano y económico, sobre todo de jóvenes y adultos de comunidades alejadas sin CETPRO ni servicios formativos cercanos. Según el INEI (2024), el 64,6 % de la población cajamarquina vive en áreas rurales, con altos niveles de pobreza, restricciones geográficas y pocas oportunidades laborales.

A ello se suman una oferta poco pertinente al contexto rural, horarios incompatibles con las labores agrícolas y domésticas —especialmente para las mujeres—, la falta de recursos para transporte y materiales y un vacío normativo que impedía a la DRE y las UGEL ofrecer modalidades flexibles fuera de los CETPRO formales. El resultado: subempleo, migración juvenil, baja productividad y ciclos de pobreza que se repiten.`,
    strategy: `- **Condiciones normativas**: disposiciones regionales que regulan el funcionamiento de los Centros de Extensión de los CETPRO en zonas rurales, con criterios técnicos y administrativos para su autorización, implementación y monitoreo.
- **Trabajo con las UGEL**: reuniones técnicas, jornadas de coordinación y asistencias especializadas para identificar brechas, evaluar condiciones territoriales y acompañar a los Centros de Extensión.
- **Demanda identificada con las comunidades**: reuniones comunales, petitorios y espacios participativos con jóvenes, madres de familia, autoridades y organizaciones sociales.
- **Caracterización territorial**: perfiles de estudiantes, actividades económicas, horarios, accesibilidad y recursos de cada localidad, para adecuar las especialidades técnicas.
- **Vinculación con CETPRO públicos y privados** con capacidad operativa, equipamiento y personal, que garantizan condiciones pedagógicas equivalentes a las de su local principal.
- **Aliados estratégicos**: gobiernos locales, Tambos del Programa PAIS, empresas privadas, organizaciones comunales y parroquias aportan infraestructura, equipamiento, conectividad, materiales y logística, con convenios y actas de compromiso.
- **Autorización por las UGEL**: verificación técnica, pedagógica y de infraestructura antes de emitir las resoluciones directorales de funcionamiento.
- **Propuesta pedagógica flexible**: horarios adaptados a la dinámica agrícola y familiar, metodologías contextualizadas y materiales por especialidad.
- **Monitoreo conjunto DRE–UGEL** de matrícula, permanencia, aprendizajes e inserción laboral, con enfoque territorial, intercultural y de equidad de género.`,
    results: `- **19 Centros de Extensión** de CETPRO en 6 provincias de la región, en localidades rurales que antes no tenían acceso a la educación técnico productiva.
- **Más de 450 estudiantes rurales** incorporados desde el año 2024.
- Cobertura regional de estudiantes CETPRO **aproximadamente un 10 % mayor** que la matrícula reportada en 2023.
- **53 CETPRO** públicos y privados participaron activamente.
- **Más de 200 docentes** capacitados en enfoque territorial, intercultural y atención educativa en entornos rurales.
- Articulación con **más de 10 gobiernos locales y 20 Tambos** del Programa PAIS mediante convenios y actas de compromiso.
- Autorizaciones de funcionamiento formalizadas con **resoluciones directorales** de las UGEL.
- Mayor participación de mujeres en situación de vulnerabilidad y menor necesidad de migrar a las ciudades para formarse.`,
    lessons: `- Resolver primero el vacío normativo con disposiciones regionales dio a las UGEL respaldo para autorizar servicios fuera de los locales de los CETPRO.
- Partir de la demanda expresada por las propias comunidades hizo que la oferta fuera pertinente y tuviera matrícula.
- Los convenios con gobiernos locales y Tambos del Programa PAIS resolvieron infraestructura, equipamiento y logística que el sector solo no podía cubrir.
- Adaptar los horarios a la vida agrícola y familiar fue decisivo para incluir a las mujeres rurales.`,
    team: [
      {
        name: "Fernando Quiroz Narváez",
        email: "fernando.quiroz@ejemplo.pe",
        position: "Director de Gestión Pedagógica",
        iged: "DRE Cajamarca",
      },
      {
        name: "Percy Raúl Cubas Ramírez",
        email: "percy.cubas@ejemplo.pe",
        position: "Especialista de Educación",
        iged: "DRE Cajamarca",
      },
    ],
    contacts: [
      {
        name: "Carlos Humberto Cruzado Benavides",
        role: "Director de la DRE Cajamarca",
        email: "ccruzado@drecajamarca.edu.pe",
      },
      {
        name: "Fernando Quiroz Narváez",
        role: "Director de Gestión Pedagógica de la DRE Cajamarca",
        email: "fernando.quiroz@ejemplo.pe",
      },
      {
        name: "Percy Raúl Cubas Ramírez",
        role: "Especialista de Educación de la DRE Cajamarca",
        email: "percy.cubas@ejemplo.pe",
      },
    ],
    links: [],
    stageHistory: [
      {
        stage: "inicial",
        date: "2025-04-07",
        note: "Publicada en la Comunidad de Práctica tras la revisión de DIFOCA.",
      },
      {
        stage: "intermedio",
        date: "2026-07-20",
        note: "Fortalecida con asesoría técnica y retroalimentación de experto; Centros de Extensión autorizados con resoluciones directorales de las UGEL y convenios con gobiernos locales y Tambos del Programa PAIS.",
      },
    ],
    feedback: [
      {
        expert: "Jorge Chávez Escobar",
        date: "2026-06-10",
        event: null,
        keyAspects: `Lo más valioso de la práctica es su **modelo de gestión descentralizado** para llevar la educación técnico productiva a comunidades rurales que no tenían CETPRO cerca. Combina tres elementos que rara vez aparecen juntos: una **adecuación normativa regional** que da respaldo a las UGEL, la **demanda expresada por las propias comunidades** y el aporte de **aliados del territorio** (gobiernos locales, Tambos del Programa PAIS, empresas y organizaciones comunales). La flexibilidad de horarios abre la formación técnica a las mujeres rurales.`,
        opportunities: [
          "Consolidar el seguimiento de egresados con indicadores comparables de inserción laboral y emprendimiento por cada Centro de Extensión.",
          "Vincular de forma más sistemática a empresas y gremios regionales en la definición de las especialidades, para asegurar su pertinencia con la demanda productiva.",
        ],
        recommendations: [
          "Incorporar los Centros de Extensión en el PEI y el POI de la DRE y de las UGEL, para que su funcionamiento no dependa solo de los convenios vigentes.",
          "Alinear la oferta formativa con el Marco Nacional de Cualificaciones, para facilitar la certificación de competencias y el tránsito de los egresados hacia otros niveles formativos.",
        ],
        addressed: [],
      },
    ],
  },
];
