/**
 * The report form's state: open or not, the answers, their problems (shown once a save was
 * tried), and the save cycle. A failed save keeps everything typed and says why; a saved one
 * closes the form and links to the page.
 */
import { computed, ref } from 'vue';
import { hasErrors, problem, type Problem } from '../../../shared/problems';
import { isDate } from '../../../shared/records/fields';
import { validateOutcome, type Outcome, type Proposal } from '../../../shared/records/proposal';
import { useEnv, useSave, type NoticeData } from '../../kit';
import type { OutcomeSaveResult } from './save';

/** The shared rules, and a date the bot can read. */
export function outcomeProblems(o: Outcome): Problem[] {
  const problems = validateOutcome(o);
  if (o.date !== '' && !isDate(o.date))
    problems.push(problem('date', 'letsconnect-problem-date', ['date', o.date]));
  return problems;
}

const emptyOutcome = (proposal: string, reporter: string): Outcome => ({
  proposal,
  reporter,
  result: '',
  date: '',
  rating: null,
  comment: '',
  public: false,
});

export type SaveOutcome = (outcome: Outcome, seen: Outcome | null) => Promise<OutcomeSaveResult>;

export interface OutcomeSource {
  proposal: Proposal;
  username: string;
  /** The reader's earlier report on this proposal, or null. */
  existing: Outcome | null;
  /** The reader's outcomes page, for links. */
  pageTitle: string;
  report: SaveOutcome;
}

export function useOutcome(source: OutcomeSource) {
  const env = useEnv();
  const { t } = env;
  const { busy, notice, run, failedNotice } = useSave('outcome');
  const open = ref(false);
  const form = ref<Outcome>(emptyOutcome(source.proposal.id, source.username));
  /** The report the form started from: saving over anything else is a conflict. */
  const seen = ref<Outcome | null>(null);
  const attempted = ref(false);
  /** A save was refused for the answers' problems (nothing sent). */
  const refused = ref(false);

  const problems = computed(() => outcomeProblems(form.value));
  const shown = computed(() => (attempted.value ? problems.value : []));

  /** What to say: the refused save's count of problems, until they are fixed; else the save's. */
  const said = computed((): NoticeData | null => {
    if (!refused.value) return notice.value;
    const count = problems.value.filter((p) => p.severity === 'error').length;
    return count === 0
      ? null
      : { type: 'error', text: t('letsconnect-outcome-invalid', String(count)) };
  });

  function start(): void {
    seen.value = source.existing;
    form.value = source.existing
      ? { ...source.existing, reporter: source.username }
      : emptyOutcome(source.proposal.id, source.username);
    attempted.value = false;
    refused.value = false;
    notice.value = null;
    open.value = true;
  }

  const set = (patch: Partial<Outcome>) => (form.value = { ...form.value, ...patch });

  async function save(): Promise<void> {
    attempted.value = true;
    refused.value = hasErrors(problems.value);
    if (refused.value) return;
    await run(async () => {
      const result = await source.report({ ...form.value }, seen.value);
      if (result.kind === 'saved') {
        open.value = false;
        return {
          type: 'success',
          text: t('letsconnect-outcome-saved'),
          link: { href: env.url(source.pageTitle), text: t('letsconnect-outcome-saved-view') },
        };
      }
      if (result.kind !== 'changed') return failedNotice(result);
      // Told once: saving again means "mine over theirs", which is then the person's choice.
      seen.value = result.current;
      return {
        type: 'error',
        text: [t('letsconnect-outcome-failed-conflict'), t('letsconnect-gadget-save-kept')],
        link: {
          href: env.url(source.pageTitle, { action: 'history' }),
          text: t('letsconnect-gadget-save-conflict-history'),
        },
      };
    });
  }

  return { open, form, shown, busy, said, start, set, save };
}
