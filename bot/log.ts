/**
 * Structured logging: each line has a time, a level, a message and fields. Human-readable
 * text by default; one JSON object a line with LETSCONNECT_LOG_FORMAT=json (for log tools).
 * A progress indicator is drawn only on an interactive terminal, never in CI logs.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** "Reading profiles 500/10000": redrawn in place on a terminal, silent elsewhere. */
  progress(label: string, done: number, total: number): void;
}

export function createLogger(options: {
  verbose: boolean;
  json: boolean;
  stream?: NodeJS.WriteStream;
  interactive?: boolean;
}): Logger {
  const stream = options.stream ?? process.stderr;
  const interactive = options.interactive ?? (Boolean(stream.isTTY) && !process.env.CI);
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) {
      stream.write('\r\x1b[K');
      progressShown = false;
    }
  };
  const write = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
    if (level === 'debug' && !options.verbose) return;
    clearProgress();
    const time = new Date().toISOString();
    if (options.json) {
      stream.write(`${JSON.stringify({ time, level, message, ...fields })}\n`);
    } else {
      const extra = Object.entries(fields)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(' ');
      stream.write(
        `${time.slice(11, 19)} ${level.padEnd(5)} ${message}${extra ? ` ${extra}` : ''}\n`,
      );
    }
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    progress(label, done, total) {
      if (!interactive) return;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      stream.write(`\r\x1b[K${label} ${done}/${total} (${pct}%)`);
      progressShown = true;
      if (done >= total) clearProgress();
    },
  };
}
