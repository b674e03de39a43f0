// Demo content of the challenge wall and the initiative wall: the problems the source documents
// describe (school violence, disaster risk in rural schools, low reading achievement, weak links
// between basic and technical-productive education, staff rotation, inclusion, late evaluation
// results), posted by managers of several regions after the I Intercambio of the Macrorregión
// Centro (April 2026), with contributions from colleagues of other regions, experts and DIFOCA.
import type { WallKind } from "../schema";
import type { ReportReason } from "~/utils/wall-labels";

/** Managers who take part only in the walls (the others come from the accounts and the practices). */
export interface WallMemberSeed {
  name: string;
  email: string;
  position: string;
  iged: string; // exact IGED name
}

export const WALL_MEMBERS: readonly WallMemberSeed[] = [
  { name: "Rosmery Mamani Condori", email: "rosmery.mamani@ejemplo.pe", position: "Especialista de Convivencia Escolar", iged: "UGEL San Román" },
  { name: "Luis Tapullima Sangama", email: "luis.tapullima@ejemplo.pe", position: "Especialista de Educación Básica Especial", iged: "UGEL Alto Amazonas-Yurimaguas" },
  { name: "Milagros Zapata Ruiz", email: "milagros.zapata@ejemplo.pe", position: "Especialista de Educación Primaria", iged: "UGEL Sullana" },
  { name: "Renzo Salas Ugarte", email: "renzo.salas@ejemplo.pe", position: "Especialista de Educación Secundaria", iged: "UGEL Piura" },
];

export interface WallReplySeed {
  author: string; // email
  /** Lima time, "YYYY-MM-DD HH:MM". */
  at: string;
  body: string; // markdown
  /** The challenge's author marks it as useful. */
  useful?: boolean;
  /** Members (emails) who mark it "me sirve". */
  meSirve?: string[];
  /** A member reports it; the report stays open unless DIFOCA hides the reply. */
  report?: { reporter: string; reason: ReportReason; details: string };
  /** DIFOCA hides it with this reason (its author reads it). */
  hiddenReason?: string;
}

export interface WallPostSeed {
  kind: WallKind;
  title: string;
  /** Initiatives only; "" for challenges. */
  summary: string;
  body: string; // markdown
  links: string[];
  tags: string[];
  thematicLine: string; // exact name of a thematic line
  author: string; // email
  iged: string; // exact IGED name: the author's
  at: string; // Lima time, "YYYY-MM-DD HH:MM"
  /** Members (emails) who mark the post "me interesa". */
  interested: string[];
  replies: WallReplySeed[];
  /** The author marks the challenge as solved after the contributions. */
  resolved?: boolean;
  /** DIFOCA takes it into accompaniment. */
  accompanied?: boolean;
  /** The author turns the initiative into a practice draft. */
  becomesPractice?: boolean;
}

export const DIFOCA_EMAIL = "difoca@ejemplo.pe";

export const WALL_POSTS: readonly WallPostSeed[] = [
  // ─── Gestión del riesgo de desastres en escuelas rurales (resuelto) ──────────────────────
  {
    kind: "challenge",
    title: "Escuelas rurales sin plan de gestión del riesgo ni brigadas: ¿por dónde empezar?",
    summary: "",
    body: `En la UGEL Huaraz tenemos muchas instituciones educativas rurales, varias unidocentes y multigrado, expuestas a **sismos, huaicos, heladas y deslizamientos**. En el último monitoreo encontramos que:

- más de la mitad de las II.EE. rurales **no tiene su plan de gestión del riesgo de desastres actualizado**;
- en muchas no se ha conformado la comisión ni las **brigadas**, porque el director es también el único docente;
- los reportes de emergencias y de simulacros nos llegan tarde o no llegan, y así no podemos asegurar la **continuidad del servicio educativo**.

En el I Intercambio de la Macrorregión Centro conocimos la experiencia de Ayacucho y queremos adaptarla. ¿Cómo organizaron el trabajo con tantas escuelas alejadas? ¿Qué harían primero con pocos especialistas?`,
    links: [],
    tags: ["gestión del riesgo", "escuelas rurales", "brigadas", "simulacros", "continuidad del servicio"],
    thematicLine: "Gestión del riesgo de desastres",
    author: "carolina.garcia@ejemplo.pe",
    iged: "UGEL Huaraz",
    at: "2026-05-04 09:30",
    interested: ["rosmery.mamani@ejemplo.pe", "vicente.rojas@ejemplo.pe", "milagros.zapata@ejemplo.pe"],
    resolved: true,
    replies: [
      {
        author: "ernesto.palomino@ejemplo.pe",
        at: "2026-05-05 16:10",
        useful: true,
        meSirve: ["rosmery.mamani@ejemplo.pe", "jaime.ortega@ejemplo.pe"],
        body: `En la DRE Ayacucho partimos de una situación parecida: el **64 %** de las II.EE. no tenía planes actualizados y el **55 %** no había conformado la comisión ni las brigadas. Lo que nos funcionó, en este orden:

1. **Focalizar primero**: elegimos 345 II.EE. con mayor exposición y les dimos asistencia técnica directa; al resto lo acompañamos con talleres virtuales.
2. **COGIREDE en cada UGEL**, con responsables con nombre propio, para que el tema no dependa de una sola persona.
3. **Tablero de control** de planes y brigadas, actualizado por las UGEL: así vemos cada mes qué escuela falta.
4. **Espacios de enlace** de GRD en las escuelas, con kit básico y un teléfono de contacto.

En las unidocentes conformamos la brigada con el docente, dos madres o padres de familia y estudiantes mayores. Con gusto les comparto los formatos.`,
      },
      {
        author: "indira.alvarez@ejemplo.pe",
        at: "2026-05-07 11:45",
        useful: true,
        meSirve: ["carolina.garcia@ejemplo.pe", "ernesto.palomino@ejemplo.pe"],
        body: `Sumo dos recomendaciones desde ODENAGED:

- **No dejen fuera a las escuelas no focalizadas y de difícil acceso.** Un plan breve, de una página, con rutas de evacuación y zona segura, es mejor que ningún plan. Después se completa.
- **Información inmediata**: acuerden con los directores un mensaje corto (por WhatsApp o radio) después de cada simulacro o emergencia, con tres datos: participantes, tiempo de evacuación y daños. Eso alimenta el tablero sin esperar el informe.

Y, por la rotación del personal, preparen un **módulo de inducción** para quien llega a la UGEL a mitad de año.`,
      },
      {
        author: "rosmery.mamani@ejemplo.pe",
        at: "2026-05-12 08:20",
        meSirve: ["carolina.garcia@ejemplo.pe"],
        body: `En Puno el riesgo que más nos golpea son las **heladas y el friaje**. Incorporamos en el plan de GRD el calendario de heladas del SENAMHI y acordamos con las familias el **horario de invierno** (ingreso más tarde). También usamos la **radio comunitaria** para las alertas: llega a las comunidades donde no hay señal de celular.`,
      },
      {
        author: "carolina.garcia@ejemplo.pe",
        at: "2026-09-28 17:00",
        body: `Les cuento cómo vamos, gracias a sus aportes:

- Focalizamos **48 II.EE. rurales** y todas tienen ya su **plan de una página** y su brigada (en las unidocentes, con familias y estudiantes de 5.º y 6.º grado).
- Adaptamos el **tablero de control** de Ayacucho: cada UGEL lo actualiza el primer lunes del mes.
- El simulacro de septiembre se reportó por WhatsApp el mismo día en el **92 %** de las escuelas focalizadas.

Doy por resuelto el desafío; seguiremos con las escuelas no focalizadas el próximo año.`,
      },
    ],
  },

  // ─── Convivencia escolar y violencia (acompañado por DIFOCA; un aporte ocultado) ─────────
  {
    kind: "challenge",
    title: "¿Cómo reducir la violencia escolar en instituciones educativas que no tienen psicólogo?",
    summary: "",
    body: `En la UGEL Junín los casos de violencia escolar reportados en el **SíseVe** crecieron respecto al año pasado, sobre todo en secundaria: violencia física y psicológica entre estudiantes, y también casos que vienen del entorno familiar.

Nuestras dificultades:

- la mayoría de II.EE. **no cuenta con psicólogo** y los tutores no se sienten preparados para atender estos casos;
- hay **subregistro**: muchas escuelas no reportan por temor o por no conocer el protocolo;
- las familias de las zonas rurales participan poco en las acciones de prevención.

¿Qué estrategias les han dado resultado para **prevenir** y no solo atender los casos? ¿Cómo organizaron el soporte socioemocional sin psicólogos en cada escuela?`,
    links: [],
    tags: ["convivencia escolar", "violencia escolar", "síseve", "tutoría", "bienestar socioemocional"],
    thematicLine: "Convivencia y bienestar socioemocional",
    author: "vicente.rojas@ejemplo.pe",
    iged: "UGEL Junín",
    at: "2026-05-06 10:15",
    interested: ["rosmery.mamani@ejemplo.pe", "jaime.ortega@ejemplo.pe", "martha.herrera@ejemplo.pe", "patricia.luna@ejemplo.pe"],
    accompanied: true,
    replies: [
      {
        author: "edith.ccanto@ejemplo.pe",
        at: "2026-05-08 09:00",
        useful: true,
        meSirve: ["jaime.ortega@ejemplo.pe", "rosmery.mamani@ejemplo.pe", "rayda.hermitano@ejemplo.pe"],
        body: `En la UGEL Angaraes teníamos el mismo problema: casi ninguna escuela con psicólogo. Formamos **facilitadores del bienestar emocional y la convivencia**: docentes voluntarios de cada red educativa que recibieron capacitación y acompañamiento.

- Cada facilitador acompaña a las escuelas de su red en **habilidades socioemocionales** con estudiantes, docentes y familias.
- Los casos complejos se derivan al centro de salud y a la DEMUNA con un **protocolo** acordado en mesa intersectorial.
- Trabajamos en **quechua** con las familias de las comunidades.

Al corte de julio de 2025 llegamos a **cero reportes de violencia escolar** en las II.EE. intervenidas. Lo más importante fue priorizar la prevención.`,
      },
      {
        author: "gladys.guerra@ejemplo.pe",
        at: "2026-05-11 15:30",
        useful: true,
        meSirve: ["vicente.rojas@ejemplo.pe"],
        body: `Desde la DRE Lima Metropolitana les comparto lo que hicimos dentro de la **Escuela de la Confianza**:

- **«La DRELM te escucha»**: un canal de soporte socioemocional para estudiantes y docentes.
- Formación en **prevención y gestión de conflictos** para más de 2 000 docentes, en alianza con universidades.
- **Intervención focalizada** en las instituciones con mayor incidencia de violencia, según el SíseVe.

La violencia escolar disminuyó un **11 %** en un año. Mi consejo: empiecen por las escuelas con más casos y midan cada trimestre.`,
      },
      {
        author: "martha.herrera@ejemplo.pe",
        at: "2026-05-13 18:40",
        report: {
          reporter: "edith.ccanto@ejemplo.pe",
          reason: "datos_personales",
          details: "Menciona el nombre, la edad y la escuela de una estudiante.",
        },
        hiddenReason:
          "Tu aporte menciona el nombre, la edad y la escuela de una estudiante atendida por un caso de violencia. En la comunidad compartimos los casos sin datos que permitan identificar a los estudiantes. Puedes volver a publicarlo sin esos datos.",
        body: `Les cuento un caso de la UGEL Yauli para que vean lo difícil que es: la estudiante Maribel Q. R., de 14 años, de la I.E. N.° 30012 de La Oroya, sufrió agresiones durante meses y recién lo supimos cuando dejó de ir al colegio. La tutora no sabía cómo reportarlo en el SíseVe.`,
      },
      {
        author: "sofia.meza@ejemplo.pe",
        at: "2026-05-20 12:00",
        meSirve: ["vicente.rojas@ejemplo.pe", "edith.ccanto@ejemplo.pe"],
        body: `Sobre el **subregistro**: capaciten a directores y tutores en el uso del SíseVe con casos simulados, y dejen claro que reportar no es una falta de la escuela sino el primer paso para atender. Un **protocolo de una página** pegado en la dirección ayuda mucho.

Y para la sostenibilidad: **articulen con salud y con el gobierno local** (DEMUNA, CEM) desde el inicio, con acuerdos firmados.`,
      },
      {
        author: DIFOCA_EMAIL,
        at: "2026-05-22 10:30",
        body: `Desde DIFOCA acompañaremos este desafío. Proponemos una **asesoría personalizada** con el equipo de la UGEL Junín y el de la UGEL Angaraes para revisar cómo adaptar la estrategia de facilitadores, y una sesión con la DRE Lima Metropolitana sobre la medición trimestral de casos.

Les recordamos que los casos se comentan **sin datos que identifiquen a los estudiantes**.`,
      },
    ],
  },

  // ─── Iniciativa que se convierte en práctica ─────────────────────────────────────────────
  {
    kind: "initiative",
    title: "Simulacros con alerta por radio comunitaria en escuelas unidocentes de la cordillera",
    summary:
      "La UGEL Huaraz coordina con radios comunitarias y brigadas de familias para que las escuelas unidocentes de zonas altas reciban alertas y reporten cada simulacro el mismo día.",
    body: `**Qué estamos probando**

- Un **convenio con dos radios comunitarias** para emitir las alertas de simulacro y de emergencia en castellano y quechua.
- **Brigadas mixtas** en cada escuela unidocente: el docente, dos familias y estudiantes de los últimos grados.
- Un **reporte por mensaje de texto** con tres datos (participantes, tiempo de evacuación, daños) que alimenta el tablero de control de la UGEL.

**Con quiénes**: 48 II.EE. rurales focalizadas, las municipalidades distritales y el área de GRD de la UGEL.

**Meta del año**: que al menos el 90 % de las escuelas focalizadas reporte cada simulacro el mismo día.`,
    links: [],
    tags: [],
    thematicLine: "Gestión del riesgo de desastres",
    author: "carolina.garcia@ejemplo.pe",
    iged: "UGEL Huaraz",
    at: "2026-05-20 11:00",
    interested: ["ernesto.palomino@ejemplo.pe", "rosmery.mamani@ejemplo.pe", "luis.tapullima@ejemplo.pe"],
    becomesPractice: true,
    replies: [
      {
        author: "indira.alvarez@ejemplo.pe",
        at: "2026-05-26 09:15",
        meSirve: ["carolina.garcia@ejemplo.pe"],
        body: `Muy buena iniciativa. Para que madure como práctica, **documenten desde ahora** los resultados de cada simulacro (tiempo de evacuación, participación) y guarden las actas del convenio con las radios: serán su evidencia.`,
      },
      {
        author: "ernesto.palomino@ejemplo.pe",
        at: "2026-06-03 14:00",
        meSirve: ["carolina.garcia@ejemplo.pe", "yolanda.huaman@ejemplo.pe"],
        body: `En Ayacucho el reporte por mensaje nos sirvió muchísimo. Les sugiero **incluir la iniciativa en el PAT** de las escuelas y en el POI de la UGEL, así no depende del especialista de turno.`,
      },
      {
        author: "luis.tapullima@ejemplo.pe",
        at: "2026-07-02 16:45",
        body: `En Alto Amazonas las radios también son el único medio que llega a las comunidades ribereñas. ¿Podrían compartir el modelo de convenio con las radios? Nos serviría para la temporada de lluvias e inundaciones.`,
      },
    ],
  },

  // ─── Comprensión lectora en escuelas multigrado ──────────────────────────────────────────
  {
    kind: "challenge",
    title: "Bajo logro en comprensión lectora en escuelas multigrado de altura",
    summary: "",
    body: `En las escuelas **multigrado y unidocentes** de la UGEL Yauli, la mayoría de estudiantes de primaria no alcanza el nivel esperado en **comprensión lectora**. Vemos tres causas:

1. Los docentes atienden varios grados a la vez y tienen **pocas estrategias de lectura** para el aula multigrado.
2. Hay **muy pocos libros** en las escuelas y casi ninguno en los hogares.
3. Las familias trabajan en la mina o en el campo y **participan poco** en la escuela.

En el intercambio nos impactó la práctica de la UGEL Nasca. ¿Cómo empezar con pocos recursos? ¿Qué harían con los docentes que rotan cada año?`,
    links: [],
    tags: ["comprensión lectora", "multigrado", "escuelas rurales", "familias", "plan lector"],
    thematicLine: "Mejora de los aprendizajes",
    author: "martha.herrera@ejemplo.pe",
    iged: "UGEL Yauli",
    at: "2026-06-02 08:45",
    interested: ["milagros.zapata@ejemplo.pe", "vicente.rojas@ejemplo.pe", "gladys.guerra@ejemplo.pe"],
    replies: [
      {
        author: "ana.huarcaya@ejemplo.pe",
        at: "2026-06-03 19:20",
        useful: true,
        meSirve: ["martha.herrera@ejemplo.pe", "milagros.zapata@ejemplo.pe", "luis.cahua@ejemplo.pe"],
        body: `En la UGEL Nasca empezamos con solo el **12 %** de estudiantes de escuelas rurales unidocentes y multigrado en el nivel esperado. Lo que hicimos:

- **Formación docente en mediación lectora**, con sesiones demostrativas en las propias aulas multigrado.
- **Tabletas con libros digitales** donadas por una empresa privada, que circulan entre escuelas.
- **Ferias, tertulias y encuentros de lectura** con las familias y la comunidad.

Subimos **23 puntos porcentuales** entre la prueba de entrada y la de salida, y el 85 % de estudiantes desarrolló actitudes positivas hacia la lectura. Empiecen por la mediación lectora: no necesita grandes recursos.`,
      },
      {
        author: "silvia.jaime@ejemplo.pe",
        at: "2026-06-09 10:00",
        useful: true,
        meSirve: ["ana.huarcaya@ejemplo.pe"],
        body: `Un aporte desde la evaluación: antes de intervenir, apliquen una **prueba diagnóstica breve** y repítanla a fin de año con el mismo instrumento. Así podrán mostrar el avance de cada escuela y **ajustar a tiempo** a los docentes que necesiten más acompañamiento. Los resultados deben volver a la escuela en semanas, no en meses.`,
      },
      {
        author: "milagros.zapata@ejemplo.pe",
        at: "2026-06-18 07:50",
        body: `En la UGEL Sullana probamos **bibliotecas de aula itinerantes**: una caja de 40 libros que rota cada mes entre escuelas de la misma red. Lo más valioso fue pedir a los estudiantes que **lean en casa a sus hermanos menores**; así las familias se involucran sin tener que ir a la escuela.`,
      },
      {
        author: "gladys.guerra@ejemplo.pe",
        at: "2026-06-25 13:10",
        meSirve: ["martha.herrera@ejemplo.pe"],
        body: `Sobre los docentes que rotan: en Lima Metropolitana el **diplomado en didáctica de la lectura** (más de 2 000 docentes) funcionó porque quedó como oferta permanente. Quien llega puede inscribirse en la siguiente cohorte, y la estrategia no se pierde.`,
      },
    ],
  },

  // ─── Iniciativa acompañada por DIFOCA ────────────────────────────────────────────────────
  {
    kind: "initiative",
    title: "Maletas viajeras de lectura entre las escuelas multigrado de Yauli",
    summary:
      "Cajas de libros que rotan cada mes entre escuelas multigrado de la misma red, con una hora de lectura en familia y registro de lo que leen los estudiantes.",
    body: `A partir de los aportes al desafío sobre comprensión lectora, estamos probando:

- **12 maletas viajeras** de 40 libros cada una, que rotan cada mes entre las escuelas de tres redes educativas.
- Una **hora de lectura en familia** los viernes, con una ficha sencilla para que los padres anoten qué leyeron.
- **Círculos de interaprendizaje** mensuales de los docentes sobre mediación lectora, con acompañamiento de la UGEL Nasca.

Queremos medir el avance con una prueba de entrada y de salida, como sugirió la especialista de medición.`,
    links: [],
    tags: [],
    thematicLine: "Mejora de los aprendizajes",
    author: "martha.herrera@ejemplo.pe",
    iged: "UGEL Yauli",
    at: "2026-07-15 09:00",
    interested: ["ana.huarcaya@ejemplo.pe", "milagros.zapata@ejemplo.pe", "vicente.rojas@ejemplo.pe"],
    accompanied: true,
    replies: [
      {
        author: "luis.cahua@ejemplo.pe",
        at: "2026-07-18 15:30",
        meSirve: ["martha.herrera@ejemplo.pe"],
        body: `Desde Nasca con gusto acompañamos los círculos. Un consejo: que **cada maleta tenga un cuaderno de viaje** donde cada escuela deje una recomendación de lectura. A los estudiantes les encanta leer lo que escribieron en otra escuela.`,
      },
      {
        author: DIFOCA_EMAIL,
        at: "2026-07-24 11:00",
        body: `DIFOCA acompañará esta iniciativa. En la primera asesoría revisaremos el **diseño de la medición** (entrada y salida) y los documentos que conviene ir guardando como evidencia para la **ruta de fortalecimiento**.`,
      },
    ],
  },

  // ─── Articulación entre Educación Básica y Técnico-Productiva (reporte abierto) ──────────
  {
    kind: "challenge",
    title: "Estudiantes de secundaria y de EBE egresan sin vínculo con los CETPRO",
    summary: "",
    body: `En la región Pasco la **Educación Básica** y la **Educación Técnico-Productiva** trabajan por separado. Los estudiantes de secundaria, y sobre todo los de **Educación Básica Especial**, terminan la escuela sin certificación técnica y sin contacto con el mundo laboral.

- Los CETPRO tienen vacantes, pero los estudiantes **no conocen su oferta**.
- No sabemos cómo **convalidar** lo aprendido en el área de Educación para el Trabajo.
- Las empresas de la zona no participan en la formación.

La práctica «Puentes para la inclusión» de Huaura nos inspiró. ¿Qué pasos formales dieron (convenios, resoluciones) para articular con los CETPRO?`,
    links: [],
    tags: ["cetpro", "educación técnico-productiva", "empleabilidad", "convalidación", "educación básica especial"],
    thematicLine: "Formación técnico-productiva y empleabilidad",
    author: "rayda.hermitano@ejemplo.pe",
    iged: "DRE Pasco",
    at: "2026-06-20 10:00",
    interested: ["jaime.ortega@ejemplo.pe", "luis.tapullima@ejemplo.pe"],
    replies: [
      {
        author: "rosa.castillo@ejemplo.pe",
        at: "2026-06-22 09:40",
        useful: true,
        meSirve: ["rayda.hermitano@ejemplo.pe", "luis.tapullima@ejemplo.pe"],
        body: `En la UGEL 09 Huaura los pasos fueron:

1. Una **comisión** con plan de trabajo propio, aprobada por resolución directoral.
2. Un **diagnóstico** para focalizar a los estudiantes con discapacidad.
3. El tránsito a los CETPRO a través de **«Mi Oportunidad Técnica»** (118 estudiantes).
4. **Convenios** con la OMAPED y la Dirección Regional de Trabajo, que abrieron la bolsa de trabajo y las prácticas.

Las **ferias de empleo** (de 70 a 150 vacantes por evento) fueron lo que más convenció a las familias.`,
      },
      {
        author: "gladys.guerra@ejemplo.pe",
        at: "2026-06-24 17:15",
        useful: true,
        meSirve: ["rayda.hermitano@ejemplo.pe"],
        body: `Sobre la **convalidación**: en «¡De la escuela al trabajo!» acompañamos a los CETPRO de Lima Metropolitana para reconocer los aprendizajes de Educación Básica y conducirlos a una **certificación modular**. La clave fue un **plan de estudios compartido** entre la secundaria técnica y el CETPRO, y que los CEBA sin equipamiento puedan asistir al CETPRO en horario alterno.`,
      },
      {
        author: "fernando.quiroz@ejemplo.pe",
        at: "2026-07-01 08:30",
        meSirve: ["rayda.hermitano@ejemplo.pe"],
        body: `Si el problema es la distancia, miren los **Centros de Extensión de los CETPRO** que implementamos en Cajamarca: la DRE emitió disposiciones regionales para autorizarlos y los aliados (Tambos del Programa PAIS, municipalidades) ponen el local. Los horarios se adaptan a la campaña agrícola.`,
      },
      {
        author: "renzo.salas@ejemplo.pe",
        at: "2026-07-03 21:05",
        report: {
          reporter: "gladys.guerra@ejemplo.pe",
          reason: "spam",
          details: "Ofrece un curso pagado de un instituto privado; no responde al desafío.",
        },
        body: `¡Certifícate en solo 3 semanas! **Curso 100 % virtual de Educación para el Trabajo** con certificado a nombre de un instituto privado. Precio especial para docentes: S/ 350. Inscripciones por WhatsApp al 987 654 321.`,
      },
    ],
  },

  // ─── Rotación de personal en las UGEL ────────────────────────────────────────────────────
  {
    kind: "challenge",
    title: "Alta rotación de especialistas en las UGEL: cada año empezamos de cero",
    summary: "",
    body: `En la región Junín buena parte de los especialistas de las UGEL cambia cada año (contratos CAS que no se renuevan, encargaturas, designaciones). Cuando se va un especialista:

- se pierden los **acuerdos con los aliados** y los contactos;
- las **prácticas de gestión** que impulsaba se detienen;
- quien llega no conoce los **instrumentos de gestión** ni el estado de los compromisos.

¿Cómo aseguran la **continuidad** de las estrategias cuando cambia el equipo? ¿Alguien tiene un proceso de **inducción** o de **relevo** que funcione?`,
    links: [],
    tags: ["rotación de personal", "inducción", "gestión del conocimiento", "institucionalización"],
    thematicLine: "Planificación y gestión por procesos",
    author: "jaime.ortega@ejemplo.pe",
    iged: "DRE Junín",
    at: "2026-07-08 08:00",
    interested: ["carolina.garcia@ejemplo.pe", "luis.tapullima@ejemplo.pe", "rayda.hermitano@ejemplo.pe", "martha.herrera@ejemplo.pe"],
    replies: [
      {
        author: "ernesto.palomino@ejemplo.pe",
        at: "2026-07-09 10:20",
        useful: true,
        meSirve: ["jaime.ortega@ejemplo.pe", "carolina.garcia@ejemplo.pe"],
        body: `Uno de los expertos del intercambio nos recomendó **módulos de inducción asincrónica** para quienes se incorporan a la DRE y las UGEL. Los estamos armando para gestión del riesgo: videos cortos, los formatos y una lista de los compromisos vigentes. Quien llega a mitad de año los completa en su primera semana.`,
      },
      {
        author: "victor.chavez@ejemplo.pe",
        at: "2026-07-14 16:00",
        useful: true,
        meSirve: ["jaime.ortega@ejemplo.pe", "patricia.luna@ejemplo.pe"],
        body: `Desde el monitoreo de la gestión descentralizada vemos que las estrategias sobreviven a la rotación cuando están **institucionalizadas**:

- incluidas en el **PEI, el POI y el PAT**, con metas y presupuesto;
- formalizadas por **resolución** (directoral o regional);
- con un **equipo técnico designado** por resolución, no solo una persona;
- con un **acta de transferencia de gestión** que detalle los compromisos, los aliados y los archivos.`,
      },
      {
        author: "luis.tapullima@ejemplo.pe",
        at: "2026-07-20 09:10",
        meSirve: ["jaime.ortega@ejemplo.pe"],
        body: `En Alto Amazonas usamos una **carpeta de relevo** compartida por cada estrategia: contactos de aliados, cronograma, documentos y el estado de cada compromiso. Es simple, pero evita que quien llega empiece de cero.`,
      },
      {
        author: DIFOCA_EMAIL,
        at: "2026-07-27 12:30",
        body: `La **ruta de fortalecimiento** de la Comunidad pide justamente estas condiciones para el estadio avanzado (instrumentos de gestión, documento normativo, equipo consolidado). Pueden solicitar una **asesoría personalizada** para revisar qué falta en cada práctica de la región.`,
      },
    ],
  },

  // ─── Escuela de familias contra la violencia ─────────────────────────────────────────────
  {
    kind: "initiative",
    title: "Escuela de familias en aimara y quechua para prevenir la violencia",
    summary:
      "Sesiones mensuales con madres y padres en su lengua, conducidas por docentes bilingües y promotoras comunitarias, sobre crianza sin violencia y señales de alerta.",
    body: `En la UGEL San Román muchos casos de violencia escolar empiezan en el hogar, y las familias de las comunidades casi no participan en las reuniones en castellano. Estamos probando:

- **Sesiones mensuales** de escuela de familias en **aimara y quechua**, los sábados, en el local comunal.
- **Promotoras comunitarias** que acompañan a las familias entre sesión y sesión.
- Materiales sencillos sobre **crianza sin violencia** y sobre cómo reconocer señales de alerta.

Empezamos en 9 II.EE. de dos redes educativas.`,
    links: [],
    tags: [],
    thematicLine: "Convivencia y bienestar socioemocional",
    author: "rosmery.mamani@ejemplo.pe",
    iged: "UGEL San Román",
    at: "2026-07-22 14:20",
    interested: ["vicente.rojas@ejemplo.pe", "edith.ccanto@ejemplo.pe"],
    replies: [
      {
        author: "edith.ccanto@ejemplo.pe",
        at: "2026-07-24 08:30",
        meSirve: ["rosmery.mamani@ejemplo.pe", "vicente.rojas@ejemplo.pe"],
        body: `En Angaraes también trabajamos en quechua con las familias y fue decisivo. Les recomiendo **articular con el centro de salud** para que las sesiones incluyan salud mental, y llevar un registro de asistencia por familia para ver a quién visitar.`,
      },
      {
        author: "vicente.rojas@ejemplo.pe",
        at: "2026-08-03 19:00",
        body: `Nos interesa replicarlo en las comunidades de la UGEL Junín. ¿Cuántas sesiones tiene el ciclo y cómo eligieron a las promotoras?`,
      },
      {
        author: "sofia.meza@ejemplo.pe",
        at: "2026-08-10 10:45",
        meSirve: ["rosmery.mamani@ejemplo.pe"],
        body: `Muy pertinente: atiende los **factores estructurales** (crianza, violencia familiar, barreras lingüísticas) que las escuelas solas no pueden resolver. Midan la asistencia y los casos reportados antes y después: esa evidencia les servirá para presentarla como práctica.`,
      },
    ],
  },

  // ─── Inclusión en la Amazonía ────────────────────────────────────────────────────────────
  {
    kind: "challenge",
    title: "Estudiantes con discapacidad en escuelas ribereñas sin apoyo especializado",
    summary: "",
    body: `En la UGEL Alto Amazonas muchos estudiantes con discapacidad están matriculados en **escuelas ribereñas** a las que el equipo SAANEE solo llega una o dos veces al año, por la distancia y el costo del transporte fluvial.

- Los docentes **no saben cómo adaptar** sus sesiones.
- Muchas familias **no tienen el diagnóstico** ni el certificado de discapacidad.
- La inclusión termina dependiendo de la buena voluntad de cada docente.

¿Cómo organizaron el apoyo especializado en territorios dispersos?`,
    links: [],
    tags: ["inclusión", "educación básica especial", "saanee", "discapacidad", "amazonía"],
    thematicLine: "Inclusión y atención a la diversidad",
    author: "luis.tapullima@ejemplo.pe",
    iged: "UGEL Alto Amazonas-Yurimaguas",
    at: "2026-08-12 11:30",
    interested: ["rayda.hermitano@ejemplo.pe", "rosa.castillo@ejemplo.pe"],
    replies: [
      {
        author: "patricia.luna@ejemplo.pe",
        at: "2026-08-14 09:00",
        useful: true,
        meSirve: ["luis.tapullima@ejemplo.pe", "rayda.hermitano@ejemplo.pe"],
        body: `En la estrategia **Inclusión Total** del Callao no dejamos la inclusión solo en manos del SAANEE:

- creamos un **Servicio de Apoyo Educativo Externo (SAEE) regional** para los casos complejos;
- organizamos **44 núcleos y 18 redes inclusivas**: docentes de escuelas cercanas que se apoyan entre sí;
- cada red tiene un **docente de referencia** formado en adaptaciones.

En su contexto, las redes inclusivas pueden funcionar por cuenca, con reuniones virtuales entre visitas.`,
      },
      {
        author: "rayda.hermitano@ejemplo.pe",
        at: "2026-08-19 15:20",
        meSirve: ["luis.tapullima@ejemplo.pe"],
        body: `Desde Educación Básica Especial en Pasco: coordinen con el **establecimiento de salud** campañas de evaluación y certificación de discapacidad en las propias comunidades. Sin certificado, las familias no acceden a otros apoyos.`,
      },
    ],
  },

  // ─── Relevo de especialistas ─────────────────────────────────────────────────────────────
  {
    kind: "initiative",
    title: "Tablero de seguimiento del relevo de especialistas en las UGEL de Junín",
    summary:
      "Un tablero regional que muestra, por UGEL, qué estrategias tienen carpeta de relevo, inducción completada y equipo designado por resolución.",
    body: `A partir del desafío sobre la rotación de especialistas, en la DRE Junín estamos probando un **tablero de seguimiento del relevo**:

- por cada estrategia priorizada, si tiene **carpeta de relevo**, **inducción** y **equipo designado** por resolución;
- una **alerta** cuando un especialista deja el cargo y su estrategia no tiene reemplazo;
- revisión **trimestral** con los jefes de gestión pedagógica e institucional de las UGEL.`,
    links: [],
    tags: [],
    thematicLine: "Planificación y gestión por procesos",
    author: "pilar.orihuela@ejemplo.pe",
    iged: "DRE Junín",
    at: "2026-08-25 10:00",
    interested: ["jaime.ortega@ejemplo.pe", "luis.tapullima@ejemplo.pe"],
    replies: [
      {
        author: "victor.chavez@ejemplo.pe",
        at: "2026-08-31 12:00",
        meSirve: ["pilar.orihuela@ejemplo.pe"],
        body: `Buena idea. Sugiero que el tablero tome los datos de los **instrumentos de gestión** (POI y PAT) para no duplicar el registro, y que el informe trimestral llegue también a la Gerencia Regional.`,
      },
      {
        author: "patricia.luna@ejemplo.pe",
        at: "2026-09-09 17:30",
        body: `En el Callao tenemos un problema parecido con las redes inclusivas cuando cambia el docente de referencia. ¿Podrían compartir los campos del tablero cuando lo tengan listo?`,
      },
    ],
  },

  // ─── Resultados de evaluación que llegan tarde ──────────────────────────────────────────
  {
    kind: "challenge",
    title: "Los resultados de las evaluaciones llegan tarde a las escuelas y no se usan",
    summary: "",
    body: `En la UGEL Sullana aplicamos evaluaciones diagnósticas y de proceso, pero los resultados **llegan a las escuelas meses después**, en reportes largos que los docentes no leen. La evaluación termina siendo un **trámite administrativo**.

¿Cómo lograron que los resultados lleguen **a tiempo** y se conviertan en **acciones concretas** en el aula?`,
    links: [],
    tags: ["evaluación formativa", "uso de resultados", "toma de decisiones"],
    thematicLine: "Evaluación y uso de evidencia",
    author: "milagros.zapata@ejemplo.pe",
    iged: "UGEL Sullana",
    at: "2026-10-05 09:00",
    interested: ["martha.herrera@ejemplo.pe"],
    replies: [
      {
        author: "gladys.guerra@ejemplo.pe",
        at: "2026-10-07 11:15",
        meSirve: ["milagros.zapata@ejemplo.pe"],
        body: `En Lima Metropolitana partimos de un **40,7 %** de logro en lectura y **34,5 %** en matemática, con información que llegaba tarde y fragmentada. Cambiamos a **reportes por escuela y por aula** entregados en pocas semanas, con una sesión de análisis con los docentes. Las mejoras fueron grandes: **+64,9 puntos** en lectura de primaria.`,
      },
      {
        author: "silvia.jaime@ejemplo.pe",
        at: "2026-10-12 16:40",
        body: `Cuiden la **calidad técnica** de los instrumentos (validación, análisis de ítems) y publiquen un reporte técnico breve: si los docentes confían en la prueba, usan los resultados.`,
      },
    ],
  },
];
