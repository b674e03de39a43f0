import { describe, expect, test } from "vitest";
import { attachedFile, readEvidence } from "~/utils/transfer-validation.server";

describe("evidence fields", () => {
  test("an empty file input is no file, however the FormData names it", () => {
    expect(attachedFile(new File([], ""))).toBeNull();
    expect(attachedFile(new File([], "blob"))).toBeNull();
    // A chosen file that happens to be empty is passed on, so the upload handler can say it is empty.
    expect(attachedFile(new File([], "acta.pdf"))?.name).toBe("acta.pdf");
  });

  test("a link with an untouched file input is a link", () => {
    const form = new FormData();
    form.append("evidenceTitle", "Plan de adaptación");
    form.append("evidenceFile", new File([], "blob"));
    form.append("evidenceUrl", "https://ejemplo.pe/plan");
    expect(readEvidence(form, false)).toMatchObject({ ok: true, evidence: { title: "Plan de adaptación", url: "https://ejemplo.pe/plan" } });
  });
});
