import {
  computed,
  defineComponent,
  h,
  nextTick,
  onMounted,
  ref,
  type PropType,
  type VNode,
} from 'vue';
import {
  CdxButton,
  CdxCheckbox,
  CdxField,
  CdxMessage,
  CdxRadio,
  CdxTextArea,
  CdxTextInput,
} from '@wikimedia/codex';
import { hasErrors, problem, type Problem } from '../../../shared/problems';
import { isDate } from '../../../shared/records/fields';
import { validateOutcome, type Outcome, type Proposal } from '../../../shared/records/proposal';
import { OUTCOME_RESULTS } from '../../../shared/records/vocabulary';
import { problemText, useEnv } from '../../kit';
import type { Notice } from './ReviewControls';
import { failureText } from '../../kit';
import type { OutcomeSaveResult } from './save';

/** The fields the form shows; a problem on any other (proposal, reporter) is only counted. */
type Field = 'result' | 'date' | 'comment' | 'rating' | 'public';

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

/**
 * "Record how it went", for a participant of an approved connection: one button that opens
 * the report form, filled from an earlier report when there is one. A failed save keeps
 * everything typed and says why; a saved one closes the form and links to the page.
 */
export const OutcomePanel = defineComponent({
  name: 'OutcomePanel',
  props: {
    proposal: { type: Object as PropType<Proposal>, required: true },
    username: { type: String, required: true },
    /** The reader's earlier report on this proposal, or null. */
    existing: { type: Object as PropType<Outcome | null>, default: null },
    /** The reader's outcomes page, for links. */
    pageTitle: { type: String, required: true },
    /** Open the form at once, and bring it into view (the bot's message links here). */
    startOpen: { type: Boolean, default: false },
    report: {
      type: Function as PropType<
        (outcome: Outcome, seen: Outcome | null) => Promise<OutcomeSaveResult>
      >,
      required: true,
    },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    const id = computed(() => props.proposal.id);
    const open = ref(false);
    const form = ref<Outcome>(emptyOutcome(id.value, props.username));
    /** The report the form started from: saving over anything else is a conflict. */
    const seen = ref<Outcome | null>(null);
    const attempted = ref(false);
    const busy = ref(false);
    const notice = ref<
      | { kind: 'invalid' }
      | (Notice & { kind: 'said'; link?: { href: string; text: string } })
      | null
    >(null);
    const formEl = ref<HTMLElement | null>(null);

    const problems = computed(() => outcomeProblems(form.value));
    const shown = computed(() => (attempted.value ? problems.value : []));
    const errorsOf = (field: Field) =>
      shown.value.filter((p) => p.field === field && p.severity === 'error');

    function start(): void {
      seen.value = props.existing;
      form.value = props.existing
        ? { ...props.existing, reporter: props.username }
        : emptyOutcome(id.value, props.username);
      attempted.value = false;
      notice.value = null;
      open.value = true;
    }

    onMounted(() => {
      if (!props.startOpen) return;
      start();
      void nextTick(() => formEl.value?.scrollIntoView?.({ block: 'start' }));
    });

    const set = (patch: Partial<Outcome>) => (form.value = { ...form.value, ...patch });

    async function save(): Promise<void> {
      attempted.value = true;
      if (hasErrors(problems.value)) {
        notice.value = { kind: 'invalid' };
        return;
      }
      busy.value = true;
      notice.value = null;
      try {
        const result = await props.report({ ...form.value }, seen.value);
        if (result.kind === 'saved') {
          open.value = false;
          notice.value = {
            kind: 'said',
            type: 'success',
            text: t('letsconnect-outcome-saved'),
            link: { href: env.url(props.pageTitle), text: t('letsconnect-outcome-saved-view') },
          };
        } else if (result.kind === 'changed') {
          // Told once: saving again means "mine over theirs", which is then the person's choice.
          seen.value = result.current;
          notice.value = {
            kind: 'said',
            type: 'error',
            text: `${t('letsconnect-outcome-failed-conflict')} ${t('letsconnect-gadget-save-kept')}`,
            link: {
              href: env.url(props.pageTitle, { action: 'history' }),
              text: t('letsconnect-gadget-save-conflict-history'),
            },
          };
        } else {
          notice.value = {
            kind: 'said',
            type: 'error',
            text: `${failureText(t, 'outcome', result)} ${t('letsconnect-gadget-save-kept')}`,
          };
        }
      } finally {
        busy.value = false;
      }
    }

    /** A labelled Codex field with its problems in the reader's words. */
    const field = (
      name: Field,
      labelKey: string,
      control: () => VNode | VNode[],
      options: { help?: string; fieldset?: boolean; optional?: boolean } = {},
    ) => {
      const label = t(labelKey);
      const errors = errorsOf(name);
      return h(
        CdxField,
        {
          class: `letsconnect-outcome-form__${name}`,
          isFieldset: options.fieldset ?? false,
          ...(options.optional
            ? { optional: true, optionalFlag: t('letsconnect-gadget-form-optional') }
            : {}),
          status: errors.length > 0 ? 'error' : 'default',
          messages: { error: errors.map((p) => problemText(t, p, label)).join(' ') },
        },
        {
          label: () => label,
          ...(options.help ? { 'help-text': () => options.help } : {}),
          default: control,
        },
      );
    };

    const radios = <T extends string | number>(
      name: string,
      values: readonly T[],
      current: T | null,
      label: (v: T) => string,
      pick: (v: T) => void,
      inline = false,
    ) =>
      values.map((v) =>
        h(
          CdxRadio,
          {
            key: String(v),
            name: `letsconnect-outcome-${name}-${id.value}`,
            inputValue: v,
            modelValue: current ?? '',
            inline,
            'onUpdate:modelValue': (x: T) => pick(x),
          },
          () => label(v),
        ),
      );

    const number = (n: number) => new Intl.NumberFormat(ui).format(n);
    const titleId = computed(() => `letsconnect-outcome-title-${id.value}`);

    const fields = () => {
      const o = form.value;
      return [
        field(
          'result',
          'letsconnect-outcome-result',
          () =>
            radios(
              'result',
              OUTCOME_RESULTS,
              o.result === '' ? null : o.result,
              (r) => t(`letsconnect-outcome-result-${r}`),
              (r) => set({ result: r }),
            ),
          { fieldset: true },
        ),
        field(
          'date',
          'letsconnect-outcome-date',
          () =>
            h(CdxTextInput, {
              inputType: 'date',
              modelValue: o.date,
              'onUpdate:modelValue': (v: string | number) => set({ date: String(v) }),
            }),
          { help: t('letsconnect-outcome-date-help'), optional: true },
        ),
        field(
          'comment',
          'letsconnect-outcome-comment',
          () =>
            h(CdxTextArea, {
              modelValue: o.comment,
              rows: 4,
              'onUpdate:modelValue': (v: string) => set({ comment: v }),
            }),
          { help: t('letsconnect-outcome-comment-help'), optional: true },
        ),
        field(
          'rating',
          'letsconnect-outcome-rating',
          () =>
            radios('rating', [1, 2, 3, 4, 5], o.rating, number, (n) => set({ rating: n }), true),
          { help: t('letsconnect-outcome-rating-help'), fieldset: true, optional: true },
        ),
        field(
          'public',
          'letsconnect-outcome-public',
          () => [
            h(
              'p',
              { class: 'letsconnect-outcome-form__explain' },
              t('letsconnect-outcome-public-explain'),
            ),
            h(
              CdxCheckbox,
              {
                modelValue: o.public,
                'onUpdate:modelValue': (on: boolean) => set({ public: on }),
              },
              () => t('letsconnect-outcome-public-agree'),
            ),
          ],
          { fieldset: true },
        ),
      ];
    };

    const noticeView = () => {
      const n = notice.value;
      if (!n) return null;
      if (n.kind === 'invalid') {
        const count = problems.value.filter((p) => p.severity === 'error').length;
        // Once everything is fixed the warning has done its job.
        if (count === 0) return null;
        return h(CdxMessage, { type: 'error', class: 'letsconnect-notice', role: 'alert' }, () =>
          t('letsconnect-outcome-invalid', String(count)),
        );
      }
      return h(
        CdxMessage,
        {
          type: n.type,
          class: 'letsconnect-notice',
          role: n.type === 'success' ? 'status' : 'alert',
        },
        () => [
          h('p', n.text),
          n.link ? h('p', [h('a', { href: n.link.href }, n.link.text)]) : null,
        ],
      );
    };

    return () => {
      if (!open.value) {
        return h('div', { class: 'letsconnect-report-panel' }, [
          props.existing ? h('p', t('letsconnect-outcome-reported')) : null,
          h(CdxButton, { type: 'button', action: 'progressive', onClick: start }, () =>
            t(props.existing ? 'letsconnect-outcome-edit' : 'letsconnect-outcome-open'),
          ),
          noticeView(),
        ]);
      }
      return h(
        'form',
        {
          ref: formEl,
          class: 'letsconnect-form letsconnect-outcome-form',
          'aria-labelledby': titleId.value,
          novalidate: true,
          onSubmit: (e: Event) => {
            e.preventDefault();
            void save();
          },
        },
        [
          h('h3', { id: titleId.value }, t('letsconnect-outcome-title', id.value)),
          h('p', t('letsconnect-outcome-form-intro')),
          ...fields(),
          noticeView(),
          h('div', { class: 'letsconnect-form__buttons' }, [
            h(
              CdxButton,
              { type: 'submit', action: 'progressive', weight: 'primary', disabled: busy.value },
              () => t(busy.value ? 'letsconnect-outcome-saving' : 'letsconnect-outcome-save'),
            ),
            h(
              CdxButton,
              { type: 'button', disabled: busy.value, onClick: () => (open.value = false) },
              () => t('letsconnect-outcome-cancel'),
            ),
          ]),
        ],
      );
    };
  },
});
