/** The loopback address of farm host `index` (127.1.0.1, 127.1.0.2, …): one host name each. */
export function hostAddress(index: number): string {
  return `127.1.${Math.floor(index / 250)}.${(index % 250) + 1}`;
}
