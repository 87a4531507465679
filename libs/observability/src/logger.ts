import type { LoggerService } from '@nestjs/common';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string) => void;

const defaultSink: LogSink = (line) => process.stdout.write(`${line}\n`);

function serialiseError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  return { error: error.message, errorName: error.name, stack: error.stack };
}

/** JSON-lines logger: one object per line with time, level, service, message and context ids. */
export class JsonLogger {
  constructor(
    readonly service: string,
    private readonly level: LogLevel = 'info',
    private readonly fields: LogFields = {},
    private readonly sink: LogSink = defaultSink,
  ) {}

  child(fields: LogFields): JsonLogger {
    return new JsonLogger(this.service, this.level, { ...this.fields, ...fields }, this.sink);
  }

  debug(msg: string, fields?: LogFields): void {
    this.write('debug', msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.write('warn', msg, fields);
  }
  error(msg: string, error?: unknown, fields?: LogFields): void {
    this.write('error', msg, { ...(error === undefined ? {} : serialiseError(error)), ...fields });
  }

  private write(level: LogLevel, msg: string, fields?: LogFields): void {
    if (SEVERITY[level] < SEVERITY[this.level]) return;
    const entry = { time: new Date().toISOString(), level, service: this.service, msg };
    this.sink(JSON.stringify({ ...entry, ...this.fields, ...fields }));
  }
}

/** Lets Nest's own messages (routes, lifecycle) come out in the same JSON shape. */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: JsonLogger) {}

  log(message: unknown, context?: string): void {
    this.logger.info(String(message), context ? { context } : undefined);
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error(String(message), undefined, { trace, context });
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn(String(message), context ? { context } : undefined);
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug(String(message), context ? { context } : undefined);
  }
  verbose(message: unknown, context?: string): void {
    this.logger.debug(String(message), context ? { context } : undefined);
  }
}
