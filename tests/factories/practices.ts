// Practices for tests, made through the platform's own functions.
import { getIgedByName } from "~/models/iged.server";
import { createPractice, publishPractice, submitPractice, type PracticeText } from "~/models/practice.server";
import { getThematicLineByName } from "~/models/thematic-line.server";
import { createMember } from "./members";

export async function makePractice(
  overrides: Partial<PracticeText> & { authorId?: number; iged?: string; line?: string; publish?: boolean } = {},
) {
  const authorId = overrides.authorId ?? (await createMember({ iged: overrides.iged ?? "UGEL Nasca" })).id;
  const iged = await getIgedByName(overrides.iged ?? "UGEL Nasca");
  const line = await getThematicLineByName(overrides.line ?? "Mejora de los aprendizajes");
  const practice = await createPractice({
    authorId,
    title: overrides.title ?? `Práctica de prueba ${Math.random().toString(36).slice(2, 8)}`,
    summary: overrides.summary ?? "Una práctica para las pruebas.",
    thematicLineId: overrides.thematicLineId ?? line?.id ?? null,
    leadIgedId: overrides.leadIgedId ?? iged!.id,
    otherIgedIds: overrides.otherIgedIds ?? [],
    startYear: overrides.startYear ?? 2024,
    vigente: overrides.vigente ?? true,
    problem: overrides.problem ?? "Un problema documentado.",
    strategy: overrides.strategy ?? "- Una acción",
    results: overrides.results ?? "- Un resultado con cifras: 12 %",
    lessons: overrides.lessons ?? "",
  });
  if (overrides.publish) {
    const difoca = await createMember({ role: "difoca", iged: null });
    await submitPractice({ practiceId: practice.id, actorId: authorId });
    await publishPractice({ practiceId: practice.id, actorId: difoca.id });
  }
  return { ...practice, authorId };
}

/**
 * A published practice at the stage inicial, with its author (a gestor of UGEL Nasca) and the DIFOCA
 * specialist who published it.
 */
export async function publishedPractice(text: Partial<PracticeText> = {}) {
  const gestor = await createMember({ role: "gestor", iged: "UGEL Nasca" });
  const difoca = await createMember({ role: "difoca", iged: null });
  const practice = await makePractice({ authorId: gestor.id, ...text });
  await submitPractice({ practiceId: practice.id, actorId: gestor.id });
  await publishPractice({ practiceId: practice.id, actorId: difoca.id });
  return { practice, gestor, difoca };
}
