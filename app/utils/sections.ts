// The sections of the platform, in the order of the main navigation. A section whose feature has
// not landed yet is marked `available: false` and its page says so plainly.
export interface Section {
  path: string;
  label: string;
  title: string;
  summary: string;
  available: boolean;
}

export const SECTIONS: readonly Section[] = [
  {
    path: "/practicas",
    label: "Prácticas",
    title: "Buenas prácticas de gestión educativa",
    summary:
      "El catálogo de buenas prácticas (BPGE) de las DRE/GRE, UGEL y gobiernos locales: su problema, estrategia y resultados, su estadio en la ruta de fortalecimiento y la retroalimentación de los expertos.",
    available: true,
  },
  {
    path: "/desafios",
    label: "Desafíos",
    title: "Muro de desafíos",
    summary:
      "Los desafíos de gestión que enfrentan los equipos de las IGED, con los aportes de colegas de otras regiones y el acompañamiento de DIFOCA.",
    available: true,
  },
  {
    path: "/iniciativas",
    label: "Iniciativas",
    title: "Muro de iniciativas",
    summary: "Las iniciativas emergentes que todavía no son prácticas: se comparten, se comentan y pueden crecer hasta convertirse en una buena práctica.",
    available: true,
  },
  {
    path: "/asesorias",
    label: "Asesorías",
    title: "Asesorías personalizadas y sobre transferencia",
    summary: "La programación de asesorías con expertos y especialistas DIFOCA para fortalecer una práctica, con sus actas y compromisos.",
    available: true,
  },
  {
    path: "/transferencias",
    label: "Transferencias",
    title: "Transferencia y escalamiento",
    summary: "El seguimiento, paso a paso, de las prácticas referentes que adoptan las IGED de otras regiones, con el mapa de los flujos entre regiones.",
    available: true,
  },
  {
    path: "/ranking",
    label: "Ranking",
    title: "Ranking de la red de gestores",
    summary: "Los puntajes del año y las escalas de la red: Gestor participativo, Gestor destacado y Gestor transformador.",
    available: true,
  },
  {
    path: "/insignias",
    label: "Insignias",
    title: "Insignias",
    summary: "Las insignias que reconocen los aportes de los miembros, con sus criterios y quiénes las tienen; cada insignia se puede verificar.",
    available: true,
  },
  {
    path: "/eventos",
    label: "Eventos",
    title: "Eventos",
    summary: "Intercambios macrorregionales, webinars, talleres y pasantías, con inscripción, asistencia y el reporte de sistematización.",
    available: true,
  },
  {
    path: "/panel",
    label: "Panel",
    title: "Panel de la comunidad",
    summary: "Las cifras de la comunidad por año: prácticas vigentes por región y estadio, actividades, miembros activos y el mapa del Perú.",
    available: true,
  },
];

export function findSection(path: string): Section | undefined {
  return SECTIONS.find((s) => s.path === path);
}
