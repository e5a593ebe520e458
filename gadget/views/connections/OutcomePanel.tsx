import { CdxButton } from '@wikimedia/codex';
import { defineComponent, nextTick, onMounted, ref, type PropType } from 'vue';
import type { Outcome, Proposal } from '../../../shared/records/proposal';
import { Notice, useEnv } from '../../kit';
import { OutcomeFields } from './OutcomeFields';
import { useOutcome, type SaveOutcome } from './use-outcome';

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
    report: { type: Function as PropType<SaveOutcome>, required: true },
  },
  setup(props) {
    const { t } = useEnv();
    const o = useOutcome(props);
    const formEl = ref<HTMLElement | null>(null);

    onMounted(() => {
      if (!props.startOpen) return;
      o.start();
      void nextTick(() => formEl.value?.scrollIntoView?.({ block: 'start' }));
    });

    const closed = () => (
      <div class="letsconnect-report-panel">
        {props.existing ? <p>{t('letsconnect-outcome-reported')}</p> : null}
        <CdxButton action="progressive" onClick={o.start} {...{ type: 'button' }}>
          {{
            default: () =>
              t(props.existing ? 'letsconnect-outcome-edit' : 'letsconnect-outcome-open'),
          }}
        </CdxButton>
        <Notice notice={o.said.value} />
      </div>
    );

    return () => {
      if (!o.open.value) return closed();
      const titleId = `letsconnect-outcome-title-${props.proposal.id}`;
      const busy = o.busy.value;
      return (
        <form
          ref={formEl}
          class="letsconnect-form letsconnect-outcome-form"
          aria-labelledby={titleId}
          novalidate
          onSubmit={(e: Event) => {
            e.preventDefault();
            void o.save();
          }}
        >
          <h3 id={titleId}>{t('letsconnect-outcome-title', props.proposal.id)}</h3>
          <p>{t('letsconnect-outcome-form-intro')}</p>
          <OutcomeFields
            outcome={o.form.value}
            problems={o.shown.value}
            onUpdate={(patch: Partial<Outcome>) => o.set(patch)}
          />
          <Notice notice={o.said.value} />
          <div class="letsconnect-form__buttons">
            <CdxButton
              action="progressive"
              weight="primary"
              {...{ type: 'submit', disabled: busy }}
            >
              {{
                default: () => t(busy ? 'letsconnect-outcome-saving' : 'letsconnect-outcome-save'),
              }}
            </CdxButton>
            <CdxButton
              onClick={() => (o.open.value = false)}
              {...{ type: 'button', disabled: busy }}
            >
              {{ default: () => t('letsconnect-outcome-cancel') }}
            </CdxButton>
          </div>
        </form>
      );
    };
  },
});
