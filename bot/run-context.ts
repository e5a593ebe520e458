import type { BotConfig } from './config/config';
import type { Translate } from './i18n';
import type { Logger } from './log';
import type { SafeEditor } from './wiki/safe-edit';
import type { MwnWikiClient } from './wiki/mwn-client';

/** Everything a task needs: settings, the wiki, the one safe way to write, messages, a log. */
export interface RunContext {
  config: BotConfig;
  client: MwnWikiClient;
  editor: SafeEditor;
  t: Translate;
  log: Logger;
  /** The run's start, for "since" dates and generated timestamps. */
  now: Date;
  /** `json`: machine-readable output on stdout (see RunOptions). */
  format: 'text' | 'json';
}

/** What a task reports for the end-of-run summary. */
export interface TaskReport {
  task: string;
  /** Profile (or other input) pages whose content was read. */
  pagesRead: number;
  problems: number;
  /**
   * Of `problems`, those no page names: problems of people who withdrew or did not agree to
   * be listed, left off R/Maintenance (consent gates publication). The summary says so, so
   * its count and R/Maintenance's can be told apart.
   */
  hiddenProblems?: number;
  edits: number;
  notes: string[];
}
