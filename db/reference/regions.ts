// The 26 DRE/GRE regions grouped in the four macroregions the community works with
// (Centro as in the report of the I Intercambio, 2026). DIFOCA can reassign them later.
export interface MacroregionSeed {
  slug: string;
  name: string;
  regions: readonly string[];
}

export const MACROREGIONS: readonly MacroregionSeed[] = [
  {
    slug: "centro",
    name: "Centro",
    regions: ["Ayacucho", "Callao", "Huancavelica", "Ica", "Junín", "Lima Metropolitana", "Lima Provincias", "Pasco"],
  },
  { slug: "sur", name: "Sur", regions: ["Apurímac", "Arequipa", "Cusco", "Moquegua", "Puno", "Tacna"] },
  { slug: "norte", name: "Norte", regions: ["Áncash", "Cajamarca", "La Libertad", "Lambayeque", "Piura", "Tumbes"] },
  {
    slug: "oriente",
    name: "Oriente",
    regions: ["Amazonas", "Huánuco", "Loreto", "Madre de Dios", "San Martín", "Ucayali"],
  },
];
