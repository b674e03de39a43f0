import { describe, expect, test } from "vitest";
import { badgeInitials, badgeSvg, svgEtag } from "~/utils/badge-image";

describe("badge images", () => {
  test("text from a badge's name is escaped, never markup", () => {
    const svg = badgeSvg({ name: `<script>alert("x")</script> & 'Co'`, level: "oro" });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("&quot;x&quot;");
    expect(svg).toContain("&amp;");
    expect(svg).toContain("&apos;Co&apos;");
    // Every element in the document is one of ours.
    const tags = new Set([...svg.matchAll(/<([a-zA-Z?][\w:-]*)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(["?xml", "path", "svg", "text", "title"]);
  });

  test("the colour follows the level, and the initials skip short words", () => {
    expect(badgeSvg({ name: "Mentor de la red", level: "bronce" })).toContain("#b0713a");
    expect(badgeSvg({ name: "Mentor de la red", level: "plata" })).toContain("#9aa5b1");
    expect(badgeSvg({ name: "Mentor de la red", level: "oro" })).toContain("#d4a017");
    expect(badgeInitials("Mentor de la red")).toBe("MR");
    expect(badgeInitials("Ética pública")).toBe("ÉP");
    expect(badgeSvg({ name: "Primera práctica publicada", level: "bronce" })).toContain(">Primera</text>");
  });

  test("the ETag changes with the image", () => {
    const a = badgeSvg({ name: "Referente", level: "oro" });
    const b = badgeSvg({ name: "Referente", level: "plata" });
    expect(svgEtag(a)).toBe(svgEtag(a));
    expect(svgEtag(a)).not.toBe(svgEtag(b));
  });
});
