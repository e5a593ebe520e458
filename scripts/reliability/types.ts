/**
 * `npm run reliability`: each section runs one kind of trial (faults, hostile input,
 * permissions, load, privacy) against the real local wiki and browser, and reports figures.
 * A figure with a target fails the run when it misses it.
 */
export interface Figure {
  /** What was measured, as the table's row label ("duplicate messages"). */
  measure: string;
  value: number;
  /** The value it must have (0 for "lost records"), or absent for a plain count. */
  target?: number;
}

export interface ReliabilityOptions {
  /** `short`: the form the test suite runs (seconds to a minute); `full`: npm run reliability. */
  mode: 'short' | 'full';
  /** Seed for every random choice, so a run can be repeated. */
  seed: number;
  log: (line: string) => void;
}

export interface ReliabilitySection {
  name: string;
  run(options: ReliabilityOptions): Promise<Figure[]>;
}
