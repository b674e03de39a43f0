// Demo accounts: DIFOCA staff, experts who commented practices at the I Intercambio of the
// Macrorregión Centro (2026), and managers from several regions who took part in it.
import type { Role } from "../schema";

export const DEMO_PASSWORD = "comunidad-demo-2026";

export interface DemoAccount {
  name: string;
  email: string;
  role: Role;
  iged: string | null;
  position: string;
  active?: boolean;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    name: "Lucía Ramos Vargas",
    email: "difoca@ejemplo.pe",
    role: "difoca",
    iged: null,
    position: "Especialista de la Dirección de Fortalecimiento de Capacidades (DIFOCA)",
  },
  {
    name: "Jorge Chávez Escobar",
    email: "jorge.chavez@ejemplo.pe",
    role: "experto",
    iged: null,
    position: "Consejero del Consejo Nacional de Educación (CNE)",
  },
  {
    name: "Silvia Rosario Jaime Basilio",
    email: "silvia.jaime@ejemplo.pe",
    role: "experto",
    iged: null,
    position: "Especialista de la Oficina de Medición de la Calidad de los Aprendizajes, MINEDU",
  },
  {
    name: "Carolina García",
    email: "carolina.garcia@ejemplo.pe",
    role: "gestor",
    iged: "UGEL Huaraz",
    position: "Especialista en Gestión del Riesgo de Desastres",
  },
  {
    name: "Rayda Hermitaño",
    email: "rayda.hermitano@ejemplo.pe",
    role: "gestor",
    iged: "DRE Pasco",
    position: "Especialista en Educación Básica Especial",
  },
  {
    name: "Martha Herrera",
    email: "martha.herrera@ejemplo.pe",
    role: "gestor",
    iged: "UGEL Yauli",
    position: "Especialista de Educación Primaria",
  },
  {
    name: "Vicente Rojas",
    email: "vicente.rojas@ejemplo.pe",
    role: "gestor",
    iged: "UGEL Junín",
    position: "Jefe del Área de Gestión Pedagógica",
  },
  {
    name: "Jaime Ortega",
    email: "jaime.ortega@ejemplo.pe",
    role: "gestor",
    iged: "DRE Junín",
    position: "Director de Gestión Institucional",
  },
  {
    name: "Gladys Guerra Cabrera",
    email: "gladys.guerra@ejemplo.pe",
    role: "gestor",
    iged: "DRE Lima Metropolitana",
    position: "Directora de Gestión Pedagógica",
  },
  {
    name: "Ernesto Palomino Quispe",
    email: "ernesto.palomino@ejemplo.pe",
    role: "gestor",
    iged: "DRE Ayacucho",
    position: "Coordinador de Gestión del Riesgo de Desastres",
  },
  {
    name: "Óscar Villanueva Rojas",
    email: "oscar.villanueva@ejemplo.pe",
    role: "gestor",
    iged: "UGEL Nasca",
    position: "Especialista en Educación (cuenta desactivada de ejemplo)",
    active: false,
  },
];
