// Demo transfers: the five adoptions that managers asked for in their testimonials at the
// I Intercambio de la Macrorregión Centro (seed 003, 23–24 April 2026), each at a different point
// of the process so the demo shows every stage: one institutionalized, one being evaluated (after a
// suspension), one adapting with its evidence, one just accepted and one waiting for DIFOCA.
// Receiving people are the demo gestores who gave those testimonials (db/demo/accounts.ts); the
// source side is each practice's team (db/demo/practices.ts). Links point to ejemplo.pe: the
// documents are fictitious.
import type { TransferStage } from "../schema";

/** "YYYY-MM-DD HH:mm" in Lima. */
export type LimaTime = string;

/** "difoca" is the demo's DIFOCA specialist; anyone else is named by their demo e-mail. */
export type Actor = "difoca" | string;

export interface EvidenceLinkSeed {
  title: string;
  url: string;
}

export interface TransferStepSeed {
  /** The next stage, or a change of status with its reason. */
  move: TransferStage | "suspend" | "resume";
  at: LimaTime;
  by: Actor;
  note: string;
  evidence?: EvidenceLinkSeed;
}

export interface TransferSeed {
  /** Exact title of a demo practice in stage avanzado. */
  practice: string;
  receivingIged: string;
  requestedBy: string;
  requestedAt: LimaTime;
  reason: string;
  context: string;
  decision?: { at: LimaTime; accept: boolean; note: string };
  steps?: TransferStepSeed[];
  /** Links added to the current stage after the last step (they carry the day the demo is loaded). */
  moreEvidence?: (EvidenceLinkSeed & { by: string })[];
  /** An advisory about this transfer, left to DIFOCA to assign. */
  advisory?: { requestedBy: string; at: LimaTime; topic: string; needs: string };
}

const DOCS = "https://documentos.ejemplo.pe/transferencias";

export const TRANSFERS: readonly TransferSeed[] = [
  // Carolina García (UGEL Huaraz): "La experiencia de Ayacucho sobre Gestión del Riesgo de Desastres
  // … nos gustaría adaptarla y replicarla en nuestros contextos."
  {
    practice: "Fortalecemos la gestión del riesgo de desastres para garantizar la continuidad del servicio educativo en la región Ayacucho",
    receivingIged: "UGEL Huaraz",
    requestedBy: "carolina.garcia@ejemplo.pe",
    requestedAt: "2026-04-28 10:20",
    reason:
      "La experiencia de Ayacucho aborda una problemática que también enfrentamos: sismos, lluvias intensas, huaicos y heladas ponen en riesgo la continuidad del servicio, y muchas de nuestras instituciones educativas no tienen su comisión, sus brigadas ni su plan de gestión del riesgo actualizados. Queremos adaptar su organización de COGIREDE, brigadas y tableros de control.",
    context:
      "Instituciones educativas urbanas y rurales de la provincia de Huaraz (Áncash), varias en zonas altoandinas expuestas a huaicos y heladas. La UGEL cuenta con una especialista en Gestión del Riesgo de Desastres.",
    decision: {
      at: "2026-05-05 09:30",
      accept: true,
      note: "La práctica está en estadio avanzado y la UGEL Huaraz tiene una especialista a cargo. Se recomienda empezar con un acta de compromiso entre ambas IGED.",
    },
    steps: [
      {
        move: "acuerdo",
        at: "2026-05-22 16:00",
        by: "ernesto.palomino@ejemplo.pe",
        note: "Se firmó el acta de compromiso: la DRE Ayacucho comparte sus guías de organización de la GRD y su tablero de control, y acompaña de forma virtual al equipo de la UGEL Huaraz durante un año.",
        evidence: { title: "Acta de compromiso DRE Ayacucho – UGEL Huaraz", url: `${DOCS}/huaraz-grd/acta-de-compromiso.pdf` },
      },
      {
        move: "adaptacion",
        at: "2026-06-12 11:00",
        by: "carolina.garcia@ejemplo.pe",
        note: "Plan de adaptación: COGIREDE de la UGEL, comisiones y brigadas en las instituciones educativas focalizadas de zonas de huaicos y heladas, y un tablero de control propio con el mismo formato que el de Ayacucho.",
        evidence: { title: "Plan de adaptación de la estrategia de GRD a la UGEL Huaraz", url: `${DOCS}/huaraz-grd/plan-de-adaptacion.pdf` },
      },
      {
        move: "implementacion",
        at: "2026-07-06 09:00",
        by: "carolina.garcia@ejemplo.pe",
        note: "Se instaló la COGIREDE de la UGEL Huaraz y empezaron las asistencias técnicas a las instituciones focalizadas para conformar comisiones y brigadas y actualizar sus planes.",
      },
      {
        move: "evaluacion",
        at: "2026-09-28 17:00",
        by: "difoca",
        note: "DIFOCA valida el paso a la evaluación: la mayoría de las instituciones focalizadas conformó su comisión y sus brigadas y actualizó su plan de gestión del riesgo; el tablero de control registra sus avances.",
        evidence: { title: "Informe de evaluación de la implementación en la UGEL Huaraz", url: `${DOCS}/huaraz-grd/informe-de-evaluacion.pdf` },
      },
      {
        move: "institucionalizada",
        at: "2026-11-04 12:00",
        by: "difoca",
        note: "La UGEL Huaraz aprobó por resolución directoral su plan de gestión del riesgo de desastres y lo incorporó a su Plan Anual de Trabajo 2027. DIFOCA valida la institucionalización.",
        evidence: { title: "Resolución directoral que aprueba el plan de GRD de la UGEL Huaraz", url: `${DOCS}/huaraz-grd/resolucion-directoral.pdf` },
      },
    ],
  },

  // Vicente Rojas (UGEL Junín): the facilitators of UGEL Angaraes "podrían adaptarse y replicarse
  // en nuestra UGEL".
  {
    practice: "Facilitadores del bienestar emocional y la convivencia positiva en las instituciones educativas focalizadas de la UGEL Angaraes",
    receivingIged: "UGEL Junín",
    requestedBy: "vicente.rojas@ejemplo.pe",
    requestedAt: "2026-04-29 15:40",
    reason:
      "La violencia escolar y la vulnerabilidad socioemocional de los estudiantes son una problemática prioritaria en nuestra UGEL. La estrategia de Angaraes, que previene antes que sancionar y trabaja a la vez con estudiantes, docentes y familias, puede adaptarse a nuestras instituciones educativas.",
    context:
      "Instituciones educativas rurales y de altura de la provincia de Junín, con pocos psicólogos y casos de violencia reportados en el portal SISEVE.",
    decision: { at: "2026-05-06 10:00", accept: true, note: "La UGEL Junín ya identificó las instituciones educativas donde empezaría." },
    steps: [
      {
        move: "acuerdo",
        at: "2026-05-27 11:30",
        by: "edith.ccanto@ejemplo.pe",
        note: "Acta de compromiso: la UGEL Angaraes comparte la guía de los talleres vivenciales y su registro de evidencias, y capacita a los facilitadores de la UGEL Junín.",
        evidence: { title: "Acta de compromiso UGEL Angaraes – UGEL Junín", url: `${DOCS}/junin-convivencia/acta-de-compromiso.pdf` },
      },
      {
        move: "adaptacion",
        at: "2026-06-19 16:00",
        by: "vicente.rojas@ejemplo.pe",
        note: "Plan de adaptación: talleres vivenciales y acompañamiento socioemocional en las instituciones focalizadas, con sesiones para las familias en sus comunidades.",
        evidence: { title: "Plan de adaptación de los talleres socioemocionales", url: `${DOCS}/junin-convivencia/plan-de-adaptacion.pdf` },
      },
      {
        move: "implementacion",
        at: "2026-07-13 09:00",
        by: "vicente.rojas@ejemplo.pe",
        note: "Empezaron los talleres con estudiantes, docentes y familias de las instituciones focalizadas.",
      },
      {
        move: "suspend",
        at: "2026-07-31 18:00",
        by: "vicente.rojas@ejemplo.pe",
        note: "Venció el contrato de los psicólogos facilitadores; la UGEL gestiona su renovación para continuar con los talleres.",
      },
      {
        move: "resume",
        at: "2026-08-24 09:00",
        by: "vicente.rojas@ejemplo.pe",
        note: "Se renovaron los contratos de los psicólogos facilitadores y se reprogramaron los talleres pendientes.",
      },
      {
        move: "evaluacion",
        at: "2026-11-10 15:00",
        by: "difoca",
        note: "DIFOCA valida el paso a la evaluación: el equipo recoge con grupos focales la percepción de estudiantes, docentes y familias y revisa los casos reportados en el SISEVE.",
      },
    ],
  },

  // Martha Herrera (UGEL Yauli): Nasca's rural reading "refleja una problemática que también
  // enfrentamos".
  {
    practice: "Compartimos nuestro amor por la lectura en mi comunidad rural, potenciado por la tecnología",
    receivingIged: "UGEL Yauli",
    requestedBy: "martha.herrera@ejemplo.pe",
    requestedAt: "2026-05-11 12:10",
    reason:
      "La práctica de la UGEL Nasca refleja una problemática que también enfrentamos: la comprensión lectora en nuestras escuelas rurales requiere mayor atención y prioridad para cerrar las brechas. Nos interesa su combinación de formación docente, bibliotecas, tecnología y participación de las familias.",
    context: "Instituciones educativas rurales unidocentes y multigrado de la provincia de Yauli (Junín), de altura y con conectividad limitada.",
    decision: { at: "2026-05-19 09:45", accept: true, note: "" },
    steps: [
      {
        move: "acuerdo",
        at: "2026-06-23 10:00",
        by: "ana.huarcaya@ejemplo.pe",
        note: "Acta de compromiso entre la UGEL Nasca y la UGEL Yauli: acceso a la biblioteca digital multigrado y una pasantía virtual para los docentes de Yauli.",
        evidence: { title: "Acta de compromiso UGEL Nasca – UGEL Yauli", url: `${DOCS}/yauli-lectura/acta-de-compromiso.pdf` },
      },
      {
        move: "adaptacion",
        at: "2026-08-14 17:30",
        by: "martha.herrera@ejemplo.pe",
        note: "Plan de adaptación: microtalleres de mediación lectora para docentes multigrado, bibliotecas de aula con textos del contexto altoandino y uso de la tecnología según la conectividad de cada escuela.",
        evidence: { title: "Plan de adaptación de la estrategia lectora a la UGEL Yauli", url: `${DOCS}/yauli-lectura/plan-de-adaptacion.pdf` },
      },
    ],
    moreEvidence: [
      { by: "martha.herrera@ejemplo.pe", title: "Escuelas multigrado focalizadas y su conectividad", url: `${DOCS}/yauli-lectura/escuelas-focalizadas.xlsx` },
      { by: "ana.huarcaya@ejemplo.pe", title: "Guía de mediación lectora de la UGEL Nasca", url: `${DOCS}/yauli-lectura/guia-de-mediacion-lectora.pdf` },
    ],
    advisory: {
      requestedBy: "martha.herrera@ejemplo.pe",
      at: "2026-11-17 11:00",
      topic: "Usar la biblioteca digital multigrado en escuelas sin conectividad",
      needs:
        "Varias de nuestras escuelas focalizadas no tienen internet. Queremos saber cómo organizar la biblioteca digital sin conexión y qué dispositivos priorizar antes de empezar la implementación.",
    },
  },

  // Jaime Ortega (DRE Junín): "la que más me ha llamado la atención es 'Inclusión Total' … sería muy
  // interesante replicarla en nuestro territorio."
  {
    practice: "Estrategia Inclusión Total",
    receivingIged: "DRE Junín",
    requestedBy: "jaime.ortega@ejemplo.pe",
    requestedAt: "2026-10-26 16:30",
    reason:
      "«Inclusión Total» promueve oportunidades de atención e inclusión para todos los estudiantes, sin ningún tipo de discriminación. Queremos replicar en nuestro territorio los servicios de apoyo educativo interno y externo y la formación docente en DUA, para que las escuelas atiendan directamente a sus estudiantes con discapacidad.",
    context: "Instituciones educativas de Educación Básica Regular de la región Junín, con sus UGEL; los equipos SAANEE no alcanzan a acompañar a todas.",
    decision: {
      at: "2026-11-09 10:15",
      accept: true,
      note: "Como primer paso, la DRE Callao y la DRE Junín acordarán el alcance de la adaptación: las UGEL e instituciones educativas donde empezaría.",
    },
  },

  // Rayda Hermitaño (DRE Pasco): "La práctica que más me impactó es 'Puentes para la inclusión'".
  {
    practice: "Puentes para la inclusión, emprendimiento e inserción laboral",
    receivingIged: "DRE Pasco",
    requestedBy: "rayda.hermitano@ejemplo.pe",
    requestedAt: "2026-11-16 09:50",
    reason:
      "«Puentes para la inclusión» genera oportunidades para que los estudiantes con discapacidad desarrollen competencias y logren insertarse en el campo laboral. Queremos adaptar en Pasco la articulación entre la Educación Básica, los CETPRO y el sector productivo.",
    context:
      "Estudiantes con discapacidad de Educación Básica Especial y de los CETPRO de la región Pasco; la DRE coordinaría con las municipalidades (OMAPED) y la Dirección Regional de Trabajo.",
  },
];
