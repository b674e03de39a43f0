// The page a list's address asks for: "?pagina=3". Anything that is not a page number is page 1,
// and a page past the end (the list shrank since the link was made) is the last one.
export function requestedPage(params: URLSearchParams, last = 10_000): number {
  return Math.min(last, Math.max(1, Number.parseInt(params.get("pagina") ?? "1", 10) || 1));
}
