// One measurement: autocannon against one target for a fixed time, keeping every response's
// latency (autocannon's own summary has no p95) and status.
import autocannon from "autocannon";

/**
 * @typedef {{ method?: string, path: string, headers?: Record<string, string>, body?: string }} PlannedRequest
 * @typedef {{ origin: string, connections: number, durationSeconds: number, next: () => PlannedRequest }} LoadOptions
 */

/** @param {LoadOptions} options */
export async function measure({ origin, connections, durationSeconds, next }) {
  const latencies = [];
  const statuses = {};
  let badStatus = 0;
  const instance = autocannon({
    url: origin,
    connections,
    duration: durationSeconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const planned = next();
          return {
            ...request,
            method: planned.method ?? "GET",
            path: planned.path,
            headers: { ...planned.headers },
            body: planned.body,
          };
        },
      },
    ],
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    // Redirects are answers (a saved form redirects back to its page); 4xx and 5xx are failures.
    if (statusCode < 200 || statusCode >= 400) badStatus++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? round(latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]) : null);
  return {
    connections,
    durationSeconds: result.duration,
    requests: latencies.length,
    rps: round(latencies.length / result.duration),
    latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: latencies.length ? round(latencies[latencies.length - 1]) : null },
    statuses,
    errors: { badStatus, socket: result.errors, timeouts: result.timeouts, total: badStatus + result.errors },
  };
}

const round = (n) => Math.round(n * 100) / 100;

/** Round-robin over a list. */
export function rotate(items) {
  let i = 0;
  return () => items[i++ % items.length];
}
