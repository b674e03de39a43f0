// The image of a badge: a shield hanging from a ribbon, coloured by level, with the badge's
// initials and the first word of its name. Generated as SVG text, so DIFOCA never has to upload a
// picture. Everything that comes from a person goes through xmlText(): the name is data, not markup.
import type { BadgeLevel } from "../../db/schema";

const PALETTES: Record<BadgeLevel, { base: string; dark: string; light: string; ribbon: string; text: string }> = {
  bronce: { base: "#b0713a", dark: "#6f4220", light: "#e5b07c", ribbon: "#8c2f39", text: "#3b2110" },
  plata: { base: "#9aa5b1", dark: "#56616e", light: "#e7ecf1", ribbon: "#1f4e79", text: "#26303a" },
  oro: { base: "#d4a017", dark: "#8a6508", light: "#f8e08e", ribbon: "#b3261e", text: "#4a3500" },
};

// Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or a quoted attribute. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

// Short words that never make an initial: "Mentor de la red" → "MR".
const MINOR_WORDS = new Set(["de", "del", "la", "las", "el", "los", "y", "e", "en", "a", "al", "por", "para", "con", "un", "una", "o", "u"]);

function words(name: string): string[] {
  return name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Up to two initials of the significant words of a name, in capitals. */
export function badgeInitials(name: string): string {
  const significant = words(name).filter((w) => !MINOR_WORDS.has(w.toLocaleLowerCase("es-PE")));
  const letters = significant.slice(0, 2).map((w) => Array.from(w)[0] ?? "");
  return letters.join("").toLocaleUpperCase("es-PE") || "★";
}

function firstWord(name: string): string {
  const first = words(name)[0] ?? "";
  const chars = Array.from(first);
  return chars.length > 14 ? `${chars.slice(0, 13).join("")}…` : first;
}

/** The badge's image as an SVG document (200 × 240). */
export function badgeSvg(badge: { name: string; level: BadgeLevel }): string {
  const colours = PALETTES[badge.level] ?? PALETTES.bronce;
  const initials = xmlText(badgeInitials(badge.name));
  const word = firstWord(badge.name);
  const wordLength = Array.from(word).length;
  const wordSize = wordLength <= 8 ? 17 : wordLength <= 11 ? 14 : 12;
  // Long words are squeezed to the banner's width rather than overflowing it.
  const fit = wordLength > 10 ? ` textLength="112" lengthAdjust="spacingAndGlyphs"` : "";
  const title = xmlText(`Insignia «${badge.name}» (nivel ${badge.level})`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="240" viewBox="0 0 200 240" role="img" aria-label="${title}">
<title>${title}</title>
<path d="M62 0h30l-8 72H54z" fill="${colours.ribbon}"/>
<path d="M108 0h30l8 72h-30z" fill="${colours.ribbon}"/>
<path d="M92 0h16l-4 60h-8z" fill="#ffffff" fill-opacity="0.35"/>
<path d="M100 50l66 22v62c0 46-30 76-66 96c-36-20-66-50-66-96V72z" fill="${colours.dark}"/>
<path d="M100 60l57 19v55c0 40-26 66-57 84c-31-18-57-44-57-84V79z" fill="${colours.base}"/>
<path d="M100 72l45 15v46c0 33-21 55-45 70c-24-15-45-37-45-70V87z" fill="${colours.light}"/>
<text x="100" y="146" text-anchor="middle" font-family="Georgia, 'Times New Roman', serif" font-size="44" font-weight="700" fill="${colours.text}">${initials}</text>
<path d="M28 168h144l-10 13l10 13H28l10-13z" fill="${colours.ribbon}"/>
<text x="100" y="187" text-anchor="middle" font-family="system-ui, 'Segoe UI', Arial, sans-serif" font-size="${wordSize}" font-weight="700" fill="#ffffff"${fit}>${xmlText(word)}</text>
</svg>
`;
}

/** A strong ETag for an SVG (two FNV-1a hashes of its text: no crypto needed for a cache key). */
export function svgEtag(svg: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ svg.length;
  for (let i = 0; i < svg.length; i++) {
    const c = svg.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return `"${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}-${svg.length}"`;
}
