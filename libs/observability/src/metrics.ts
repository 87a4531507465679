import { collectDefaultMetrics, register, type Registry } from 'prom-client';

let defaultsCollected = false;

/** The process-wide Prometheus registry, with Node's default metrics under `newsfeed_`. */
export function metricsRegistry(service: string): Registry {
  if (!defaultsCollected) {
    register.setDefaultLabels({ service });
    collectDefaultMetrics({ register, prefix: 'newsfeed_' });
    defaultsCollected = true;
  }
  return register;
}
