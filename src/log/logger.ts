/**
 * The one logging interface of lateral. Library code receives a Logger and never writes to the
 * console itself; the CLI entry decides where messages go and how loud they are.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured fields that name what a message is about. */
export interface LogFields {
  account?: string;
  region?: string;
  service?: string;
  api?: string;
  file?: string;
  resource?: string;
  error?: unknown;
  [field: string]: unknown;
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger that drops everything: for tests and for callers that report through return values. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const levelRank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** A logger that hands every message at or above `minimum` to `write`. */
export function createLogger(
  minimum: LogLevel,
  write: (level: LogLevel, message: string, fields: LogFields) => void,
): Logger {
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      if (levelRank[level] >= levelRank[minimum]) write(level, message, fields);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
