export interface ProgressState {
  done: number;
  total: number;
  failed: number;
  elapsedMs: number;
}

/** "1200/5000 24.0% 850.3/s ETA 4s, 0 failed": rate over the whole run, ETA at that rate. */
export function formatProgress(s: ProgressState): string {
  const rate = s.elapsedMs > 0 ? (s.done * 1000) / s.elapsedMs : 0;
  const remaining = Math.max(0, s.total - s.done);
  const percent = s.total > 0 ? ((100 * s.done) / s.total).toFixed(1) : '100.0';
  const eta = rate > 0 ? formatDuration((remaining / rate) * 1000) : remaining ? '?' : '0s';
  return `${s.done}/${s.total} ${percent}% ${rate.toFixed(1)}/s ETA ${eta}, ${s.failed} failed`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** Writes at most one line per `everyMs` (and always the last); redraws in place on a TTY. */
export class ProgressLine {
  private lastAt = -Infinity;
  private readonly startedAt = performance.now();

  constructor(
    private readonly out: { write(s: string): unknown; isTTY?: boolean } = process.stderr,
    private readonly everyMs = 1000,
  ) {}

  update(done: number, total: number, failed: number, final = false): void {
    const now = performance.now();
    if (!final && now - this.lastAt < this.everyMs) return;
    this.lastAt = now;
    const line = `reclassify: ${formatProgress({ done, total, failed, elapsedMs: now - this.startedAt })}`;
    if (this.out.isTTY) this.out.write(`\r\u001b[2K${line}${final ? '\n' : ''}`);
    else this.out.write(`${line}\n`);
  }
}
