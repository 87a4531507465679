/** A dependency the service needs; `check` throws (or rejects) when it is not usable. */
export interface HealthIndicator {
  name: string;
  check(): Promise<void>;
}

export interface HealthReport {
  status: 'ok' | 'error';
  service: string;
  uptimeSeconds: number;
  checks: Record<string, { status: 'ok' | 'error'; error?: string; ms: number }>;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export async function runHealthChecks(
  service: string,
  indicators: HealthIndicator[],
): Promise<HealthReport> {
  const checks: HealthReport['checks'] = {};
  await Promise.all(
    indicators.map(async (indicator) => {
      const started = performance.now();
      try {
        await withTimeout(indicator.check(), CHECK_TIMEOUT_MS);
        checks[indicator.name] = { status: 'ok', ms: Math.round(performance.now() - started) };
      } catch (error) {
        checks[indicator.name] = {
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
          ms: Math.round(performance.now() - started),
        };
      }
    }),
  );
  const healthy = Object.values(checks).every((check) => check.status === 'ok');
  return {
    status: healthy ? 'ok' : 'error',
    service,
    uptimeSeconds: Math.round(process.uptime()),
    checks,
  };
}
