/** Default HTTP ports of the services on one machine; k8s and compose use the same numbers. */
export const DEFAULT_PORTS = {
  api: 3000,
  ingestor: 3001,
  classifier: 3002,
  indexer: 3003,
} as const;

export type ServiceName = keyof typeof DEFAULT_PORTS;
