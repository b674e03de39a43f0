import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { closeDb } from "~/utils/db.server";
import { documentBody } from "~/utils/document-compression.server";
import { NonceProvider } from "~/utils/nonce";

/**
 * Renders the page in one call and answers with it in one piece. Every loader has finished before
 * rendering starts (the platform defers no data and suspends on nothing), so a stream would send
 * nothing earlier; it cost more CPU to render, and @remix-run/express flushed it to the
 * compression middleware in ~2 KB chunks, each compressed on its own (ADR 015). The page is
 * compressed here too, in one call (`documentBody`). An error while
 * rendering is thrown to Remix, which renders the error boundary instead.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  const body = documentBody(request, `<!DOCTYPE html>${markup}`, responseHeaders);
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}

/**
 * Called by the server (server/index.mjs) once it has stopped taking requests: writes what is still
 * kept in memory (a practice's latest visits) and closes the database.
 */
export async function beforeShutdown(): Promise<void> {
  await closeDb();
}
