import { CdxButton, CdxCheckbox, CdxMessage } from '@wikimedia/codex';
import { defineComponent, ref, type PropType } from 'vue';
import type { WikiClient } from '../../../shared/wiki-client';
import {
  ErrorSummary,
  Field,
  Notice,
  problemText,
  useEnv,
  useLoad,
  type ErrorSummaryItem,
} from '../../kit';
import { PersonCard } from '../person-card/PersonCard';
import { fieldProblems, sectionOf } from './form-model';
import type { OwnProfile } from './profile-page';
import { HistoryNotices } from './HistoryNotices';
import { loadFromElsewhere } from './elsewhere';
import { CapacityExchangeField, EarlierRecordNotice } from './FromElsewhere';
import { ProfileFields } from './ProfileFields';
import { StatusActions } from './StatusActions';
import { useProfileForm } from './use-profile-form';

/**
 * Register or update: the whole profile in one Codex form, checked with the same rules
 * the bot applies, previewed as others will see it, and saved to the person's own page.
 * A failed save keeps everything typed and says why.
 */
export const ProfileForm = defineComponent({
  name: 'ProfileForm',
  props: {
    own: { type: Object as PropType<OwnProfile>, required: true },
    client: { type: Object as PropType<WikiClient>, required: true },
    /** Where the bot keeps its documents (earlier records, the directory). */
    botName: { type: String, default: 'LetsConnectBot' },
  },
  emits: { saved: (_own: OwnProfile) => true, cancel: () => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const s = useProfileForm(props, (own) => emit('saved', own));
    /** Refused saves: each one moves the focus to the error summary. */
    const refusals = ref(0);
    // Issue 19: an earlier record, and what came from the Capacity Exchange (only if any).
    const elsewhere = useLoad(() => loadFromElsewhere(props.client, props.botName, props.own));
    const errors = () => s.shown.value.filter((p) => p.severity === 'error');

    // Each error links to its field (a Field with id `letsconnect-form-<section>`), in the
    // words the field shows, with the field's label.
    const summaryItems = (): ErrorSummaryItem[] =>
      errors().map((p) => {
        const section = sectionOf(p.field);
        if (section === 'form')
          return { target: 'letsconnect-form-title', text: problemText(t, p) };
        const label = t(`letsconnect-gadget-form-${section === 'topics' ? 'learn' : section}`);
        return { target: `letsconnect-form-${section}`, text: problemText(t, p, label) };
      });

    const submit = async () => {
      await s.save();
      if (errors().length > 0) refusals.value++;
    };

    const consent = () => (
      <Field
        class="letsconnect-form__consent"
        anchor="letsconnect-form-consent"
        label={t('letsconnect-gadget-form-consent')}
        problems={fieldProblems(s.shown.value, 'consent')}
        fieldset
      >
        {{
          default: () => [
            <p class="letsconnect-form__public">{t('letsconnect-gadget-form-consent-explain')}</p>,
            <CdxCheckbox
              modelValue={s.form.value.listed}
              onUpdate:modelValue={(on: boolean) => s.update({ listed: on })}
            >
              {{ default: () => t('letsconnect-gadget-form-consent-agree') }}
            </CdxCheckbox>,
          ],
        }}
      </Field>
    );

    const buttons = () => (
      <div class="letsconnect-form__buttons">
        <CdxButton
          action="progressive"
          weight="primary"
          {...{ type: 'submit', disabled: s.busy.value }}
        >
          {{
            default: () =>
              s.busy.value
                ? t('letsconnect-gadget-form-saving')
                : t(
                    s.current.value.profile
                      ? 'letsconnect-gadget-form-save'
                      : 'letsconnect-gadget-form-join',
                  ),
          }}
        </CdxButton>
        <CdxButton {...{ type: 'button' }} onClick={() => emit('cancel')}>
          {{ default: () => t('letsconnect-gadget-form-cancel') }}
        </CdxButton>
      </div>
    );

    return () => {
      const saved = s.current.value.profile;
      return (
        <form
          class="letsconnect-form"
          aria-labelledby="letsconnect-form-title"
          novalidate
          onSubmit={(e: Event) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h2 id="letsconnect-form-title">
            {t(saved ? 'letsconnect-gadget-form-title-edit' : 'letsconnect-gadget-form-title-join')}
          </h2>
          <p class="letsconnect-form__intro">{t('letsconnect-gadget-form-intro')}</p>
          <ErrorSummary
            title={t('letsconnect-gadget-form-invalid', String(errors().length))}
            items={summaryItems()}
            focusKey={refusals.value}
          />
          {saved?.withdrawn ? (
            <CdxMessage type="notice">
              {{ default: () => t('letsconnect-gadget-form-withdrawn-notice') }}
            </CdxMessage>
          ) : null}
          <HistoryNotices own={s.current.value} onRestore={s.restoreBefore} />
          <EarlierRecordNotice
            own={s.current.value}
            found={elsewhere.data.value ?? null}
            form={s.form.value}
            onUpdate={s.update}
          />
          <ProfileFields
            profile={s.form.value}
            taxonomy={s.current.value.taxonomy}
            topicLabel={s.label}
            problems={s.shown.value}
            onUpdate={s.update}
          />
          <CapacityExchangeField
            own={s.current.value}
            found={elsewhere.data.value ?? null}
            form={s.form.value}
            topicLabel={s.label}
            onUpdate={s.update}
          />
          <details class="letsconnect-form__preview">
            <summary>{t('letsconnect-gadget-form-preview')}</summary>
            <PersonCard person={s.form.value} topicLabel={s.label} preview />
          </details>
          {consent()}
          {s.notice.value ? <Notice class="letsconnect-outcome" notice={s.notice.value} /> : null}
          {buttons()}
          {saved && !saved.withdrawn ? (
            <StatusActions
              profile={saved}
              busy={s.busy.value}
              onWithdraw={() => void s.withdraw(saved)}
              onSnooze={(until: string) => void s.snooze(saved, until)}
            />
          ) : null}
        </form>
      );
    };
  },
});
