import type { Redactor } from './redact';

/**
 * A tiny JSON-lines logger. Every line is serialised first and then passed
 * through the redactor, so no field, message or error text can carry a key.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  redact?: Redactor;
  level?: LogLevel;
  /** Where lines go; stdout by default. */
  write?: (line: string) => void;
  now?: () => number;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const redact = options.redact ?? ((s: string) => s);
  const min = RANK[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;

  const log = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    if (RANK[level] < min) return;
    const entry: LogFields = { time: new Date(now()).toISOString(), level, msg };
    for (const [k, v] of Object.entries(fields)) entry[k] = serialise(v);
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ time: entry.time, level, msg, note: 'fields were not serialisable' });
    }
    write(redact(line));
  };

  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}

/** A logger that drops everything; the default in tests that do not look at logs. */
export const silentLogger: Logger = createLogger({ write: () => {} });
