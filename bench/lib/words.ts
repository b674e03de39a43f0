// The Spanish (Peru) vocabulary of the synthetic data: people's names, positions in an IGED, and
// the pieces practices, posts, replies and advisories are written from. Combined at random they
// read like the real thing and give full-text search realistic words to find.
import type { Random } from "./random";

export const FIRST_NAMES = [
  "María", "Rosa", "Carmen", "Ana", "Luz", "Elena", "Julia", "Patricia", "Gladys", "Milagros", "Rocío", "Yolanda",
  "Marisol", "Flor", "Nelly", "Roxana", "Liliana", "Karina", "Maribel", "Silvia", "Edith", "Norma", "Ruth", "Sonia",
  "Janet", "Judith", "Betty", "Mercedes", "Lourdes", "Teresa", "Pilar", "Giovanna", "Fiorella", "Claudia", "Katherine",
  "José", "Juan", "Luis", "Carlos", "Jorge", "Víctor", "César", "Miguel", "Pedro", "Manuel", "Raúl", "Walter",
  "Alberto", "Julio", "Edwin", "Wilfredo", "Hugo", "Fredy", "Óscar", "Marco", "Ricardo", "Percy", "Alfredo", "Segundo",
  "Hernán", "Elmer", "Félix", "Rubén", "Roberto", "Germán", "Teodoro", "Eloy", "Nilton", "Jhon", "Willy", "Iván",
];

export const LAST_NAMES = [
  "Quispe", "Flores", "Huamán", "Mamani", "Rodríguez", "Sánchez", "García", "Chávez", "Rojas", "Ramírez", "Torres",
  "Mendoza", "Díaz", "Vásquez", "López", "Castillo", "Gonzales", "Pérez", "Ramos", "Espinoza", "Condori", "Cruz",
  "Gutiérrez", "Fernández", "Hernández", "Vargas", "Romero", "Ruiz", "Silva", "Jiménez", "Salazar", "Córdova", "Aguilar",
  "Paredes", "Ccori", "Apaza", "Cárdenas", "Huaranga", "Villanueva", "Palomino", "Tito", "Choque", "Ticona", "Poma",
  "Yupanqui", "Cahuana", "Soto", "Medina", "Campos", "Alvarado", "Benites", "Zapata", "Cueva", "Arévalo", "Panduro",
  "Tapullima", "Shapiama", "Ríos", "Valdivia", "Herrera", "Carrasco", "Delgado", "Lozano", "Saavedra", "Inga", "Llanos",
];

export const GESTOR_POSITIONS = [
  "Especialista en Educación", "Especialista en Gestión Pedagógica", "Especialista en Gestión Institucional",
  "Jefe del Área de Gestión Pedagógica", "Jefa del Área de Gestión Institucional", "Director de la UGEL",
  "Directora Regional de Educación", "Especialista en Planificación", "Especialista en Presupuesto",
  "Especialista en Convivencia Escolar", "Especialista en Educación Inicial", "Especialista en Educación Primaria",
  "Especialista en Educación Secundaria", "Especialista en EIB", "Especialista en Educación Básica Especial",
  "Especialista en Gestión del Riesgo de Desastres", "Especialista en Racionalización", "Coordinador de Soporte Pedagógico",
  "Subgerente de Educación", "Gerente de Desarrollo Social", "Especialista en Monitoreo y Evaluación",
];

export const EXPERT_POSITIONS = [
  "Consultora en gestión educativa", "Investigador en políticas educativas", "Docente universitaria",
  "Especialista de la Dirección de Fortalecimiento", "Consultor en gestión por procesos", "Evaluadora de proyectos educativos",
];

export const DIFOCA_POSITIONS = ["Especialista de DIFOCA", "Coordinadora de la Comunidad de Práctica", "Analista de DIFOCA"];

/** What each thematic line's practices and posts are about (by the line's slug). */
export const TOPICS: Record<string, readonly string[]> = {
  "gestion-del-riesgo-de-desastres": ["simulacros escolares", "planes de contingencia", "heladas y friaje", "lluvias intensas", "brigadas escolares", "continuidad educativa en emergencias"],
  "inclusion-y-atencion-a-la-diversidad": ["estudiantes con discapacidad", "educación intercultural bilingüe", "niñas en zonas rurales", "estudiantes migrantes", "servicios de apoyo SAANEE", "lenguas originarias"],
  "convivencia-y-bienestar-socioemocional": ["convivencia escolar", "prevención de la violencia", "tutoría y orientación", "bienestar docente", "escuelas de familias", "salud mental"],
  "mejora-de-los-aprendizajes": ["comprensión lectora", "matemática en primaria", "acompañamiento pedagógico", "comunidades de aprendizaje docente", "lectura en lenguas originarias", "recuperación de aprendizajes"],
  "evaluacion-y-uso-de-evidencia": ["evaluaciones diagnósticas", "tableros de seguimiento", "uso de resultados de la ECE", "monitoreo de asistencia", "alertas tempranas de deserción", "datos abiertos"],
  "formacion-tecnico-productiva-y-empleabilidad": ["CETPRO", "emprendimiento juvenil", "alianzas con empresas", "formación dual", "certificación modular", "huertos productivos"],
  "planificacion-y-gestion-por-procesos": ["gestión por procesos", "expedientes digitales", "planificación multianual", "mesa de partes virtual", "contratación docente oportuna", "racionalización de plazas"],
  "acceso-y-cobertura": ["matrícula oportuna", "transporte escolar rural", "residencias estudiantiles", "alternancia secundaria", "educación a distancia", "reinserción escolar"],
};

const PRACTICE_OPENINGS = ["Estrategia de", "Programa de", "Red de", "Modelo de", "Plan de", "Sistema de", "Ruta de", "Laboratorio de"];
const PRACTICE_GOALS = ["fortalecimiento de", "mejora de", "atención a", "seguimiento de", "articulación para", "innovación en", "gestión territorial de"];

export function practiceTitle(r: Random, topic: string, place: string): string {
  return `${r.pick(PRACTICE_OPENINGS)} ${r.pick(PRACTICE_GOALS)} ${topic} en ${place}`;
}

export function practiceTexts(r: Random, topic: string, place: string) {
  const schools = r.int(12, 240);
  const pct = r.int(8, 45);
  return {
    summary: `La ${place} organizó a directivos, docentes y familias para atender ${topic}. En ${r.int(1, 4)} años llegó a ${schools} instituciones educativas.`,
    problem: `En ${place}, ${topic} era una de las principales dificultades identificadas en el diagnóstico del PEI: solo el ${r.int(20, 55)} % de las instituciones educativas contaba con un plan.\n\nLas visitas de monitoreo mostraban que los equipos directivos no tenían orientaciones claras.`,
    strategy: `- Conformación de un equipo técnico con especialistas de gestión pedagógica e institucional.\n- Talleres con directivos sobre ${topic}.\n- Acompañamiento a ${schools} instituciones educativas con visitas y reuniones virtuales.\n- Seguimiento mensual con un tablero compartido.`,
    results: `- ${pct} % más de instituciones educativas con un plan de ${topic}.\n- ${r.int(50, 900)} docentes capacitados.\n- Resolución directoral que institucionaliza la estrategia.`,
    lessons: `El trabajo con los gobiernos locales fue clave. La estrategia se sostiene cuando está en el PAT de cada institución.`,
  };
}

const CHALLENGE_OPENINGS = ["¿Cómo", "¿Qué estrategias nos ayudan a", "¿Alguien ha logrado", "Necesitamos ideas para", "Buscamos experiencias para"];
const CHALLENGE_VERBS = ["mejorar", "organizar", "sostener", "financiar", "monitorear", "articular con el gobierno local"];

export function challengeTitle(r: Random, topic: string): string {
  const opening = r.pick(CHALLENGE_OPENINGS);
  const text = `${opening} ${r.pick(CHALLENGE_VERBS)} ${topic} en zonas rurales`;
  return opening.startsWith("¿") ? `${text}?` : text;
}

export function initiativeTitle(r: Random, topic: string, place: string): string {
  return `${r.pick(["Piloto de", "Iniciativa de", "Experiencia de", "Primeros pasos en"])} ${topic} en ${place}`;
}

export function postBody(r: Random, topic: string, place: string): string {
  return `En ${place} estamos trabajando ${topic} con ${r.int(5, 80)} instituciones educativas. ${r.pick([
    "El principal problema es la rotación de directivos.",
    "Las distancias y la conectividad complican el seguimiento.",
    "No contamos con presupuesto específico para esta tarea.",
    "Los docentes piden orientaciones más concretas.",
  ])}\n\n${r.pick(["¿Qué les funcionó a ustedes?", "Compartimos lo que hicimos hasta ahora.", "Agradecemos sus aportes y materiales."])}`;
}

const REPLY_BODIES = [
  "En nuestra UGEL funcionó formar un equipo con los directores de red y reunirnos cada mes.",
  "Les recomiendo revisar la guía del MINEDU; la adaptamos a nuestro contexto y dio resultado.",
  "Nosotros firmamos un convenio con la municipalidad para el transporte y la alimentación.",
  "¿Tienen una línea de base? Sin ella fue difícil mostrar avances al gobierno regional.",
  "Muy interesante. ¿Podrían compartir el instrumento de monitoreo que usaron?",
  "Incluimos la actividad en el PAT de cada institución y así se sostuvo en el tiempo.",
  "Lo trabajamos con los especialistas de EIB y las familias; la participación subió bastante.",
  "Felicitaciones por la iniciativa. En nuestra región tuvimos un problema parecido con las heladas.",
  "Sugiero empezar con un piloto en pocas instituciones y documentar todo desde el inicio.",
  "Pueden coordinar con la DRE para que la resolución directoral respalde la estrategia.",
];

export function replyBody(r: Random, topic: string): string {
  return `${r.pick(REPLY_BODIES)} En el caso de ${topic}, ${r.pick(["nos ayudó mucho el acompañamiento virtual", "lo clave fue el compromiso de los directivos", "usamos un tablero sencillo en hoja de cálculo", "lo articulamos con el plan de la red educativa"])}.`;
}

export const TAGS = [
  "ruralidad", "eib", "directivos", "familias", "monitoreo", "gobierno local", "presupuesto", "conectividad", "docentes",
  "tutoría", "secundaria", "primaria", "inicial", "friaje", "lectura", "matemática", "pei", "pat", "convenios", "datos",
];

export const FEEDBACK_KEY_ASPECTS = [
  "La práctica articula bien a la UGEL con las instituciones educativas y tiene resultados medibles.",
  "El equipo documentó con claridad el problema y la estrategia; los resultados tienen cifras.",
  "Destaca la participación de las familias y del gobierno local en la estrategia.",
  "La práctica responde a una necesidad real del territorio y es sostenible con pocos recursos.",
];

export const FEEDBACK_OPPORTUNITIES = [
  "Precisar la línea de base para comparar los resultados.",
  "Describir el costo de la estrategia por institución educativa.",
  "Incluir la voz de los estudiantes en la evaluación.",
  "Mostrar cómo se sostendrá si cambia el equipo técnico.",
];

export const FEEDBACK_RECOMMENDATIONS = [
  "Formalizar la práctica con una resolución directoral.",
  "Incorporar la estrategia en el PAT y el POI.",
  "Compartir los instrumentos de monitoreo en la plataforma.",
  "Buscar una alianza con la universidad de la región para evaluar el impacto.",
];

export const ADVISORY_TOPICS = [
  "Sostenibilidad de la práctica", "Documentación de resultados", "Indicadores de seguimiento", "Plan de escalamiento",
  "Formalización con resolución directoral", "Costeo de la estrategia", "Evaluación de impacto", "Trabajo con gobiernos locales",
];

export const EVENT_TITLES: Record<"intercambio" | "webinar" | "taller" | "pasantia", readonly string[]> = {
  intercambio: ["Intercambio de Buenas Prácticas de Gestión Educativa"],
  webinar: ["Webinar: gestión del riesgo en la escuela", "Webinar: uso de datos para la gestión", "Webinar: convivencia escolar sin violencia", "Webinar: planificación por procesos", "Webinar: educación intercultural bilingüe", "Webinar: acceso y permanencia escolar"],
  taller: ["Taller de documentación de prácticas", "Taller de indicadores de gestión", "Taller de escalamiento de prácticas"],
  pasantia: ["Pasantía de gestión territorial", "Pasantía en redes educativas rurales"],
};
