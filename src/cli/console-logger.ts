import { createLogger, type LogFields, type LogLevel, type Logger } from '../log/logger.js';

function describeFields(fields: LogFields): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (name === 'error') {
      parts.push(`error=${value instanceof Error ? value.message : String(value)}`);
    } else {
      parts.push(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
  }
  return parts.length === 0 ? '' : ` (${parts.join(' ')})`;
}

/** The CLI's logger: messages on stderr, so that stdout carries only results. */
export function consoleLogger(options: { verbose?: boolean; quiet?: boolean }): Logger {
  const minimum: LogLevel = options.verbose ? 'debug' : options.quiet ? 'error' : 'warn';
  return createLogger(minimum, (level, message, fields) => {
    const prefix = level === 'info' || level === 'debug' ? '' : `${level}: `;
    console.error(`${prefix}${message}${describeFields(fields)}`);
  });
}
