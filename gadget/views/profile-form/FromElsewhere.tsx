import { CdxButton, CdxCheckbox, CdxMessage } from '@wikimedia/codex';
import { defineComponent, ref, type PropType } from 'vue';
import type { Profile } from '../../../shared/records/profile';
import { Field, useEnv } from '../../kit';
import { withEarlierRecord, type FromElsewhere } from './elsewhere';
import type { OwnProfile } from './profile-page';

/**
 * "Bring my earlier Let's Connect record" (a notice with a button, for someone without a
 * profile who has one) and "Bring my capacities from the Capacity Exchange" (a checkbox, and
 * what came from there). Nothing is published until the person saves the form.
 */
export const EarlierRecordNotice = defineComponent({
  name: 'EarlierRecordNotice',
  props: {
    own: { type: Object as PropType<OwnProfile>, required: true },
    found: { type: Object as PropType<FromElsewhere | null>, default: null },
    form: { type: Object as PropType<Profile>, required: true },
  },
  emits: { update: (_patch: Partial<Profile>) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const filled = ref(false);
    return () => {
      const record = props.found?.earlier;
      // Once the profile is saved, the record has done its job.
      if (!record || (props.own.profile && !props.own.profile.withdrawn)) return null;
      return (
        <CdxMessage type={filled.value ? 'success' : 'notice'} class="letsconnect-form__earlier">
          {{
            default: () =>
              filled.value ? (
                <p>{t('letsconnect-gadget-form-earlier-filled')}</p>
              ) : (
                <p>
                  {t('letsconnect-gadget-form-earlier-found')}{' '}
                  <CdxButton
                    {...{ type: 'button' }}
                    onClick={() => {
                      emit('update', withEarlierRecord(props.form, record));
                      filled.value = true;
                    }}
                  >
                    {{ default: () => t('letsconnect-gadget-form-earlier-fill') }}
                  </CdxButton>
                </p>
              ),
          }}
        </CdxMessage>
      );
    };
  },
});

export const CapacityExchangeField = defineComponent({
  name: 'CapacityExchangeField',
  props: {
    own: { type: Object as PropType<OwnProfile>, required: true },
    found: { type: Object as PropType<FromElsewhere | null>, default: null },
    form: { type: Object as PropType<Profile>, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
  },
  emits: { update: (_patch: Partial<Profile>) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const brought = () => {
      if (!props.form.fromCapx) return null;
      const capx = props.found?.capx;
      if (!props.own.profile?.fromCapx || !capx)
        return (
          <p class="letsconnect-form__capx-pending">{t('letsconnect-gadget-form-capx-pending')}</p>
        );
      const list = (ids: readonly string[]) => ids.map(props.topicLabel).join(', ');
      const lines = [
        ...(capx.share.length > 0
          ? [t('letsconnect-gadget-form-capx-share', list(capx.share))]
          : []),
        ...(capx.learn.length > 0
          ? [t('letsconnect-gadget-form-capx-learn', list(capx.learn))]
          : []),
      ];
      return (
        <ul class="letsconnect-form__capx-topics">
          {lines.length === 0 ? (
            <li>{t('letsconnect-gadget-form-capx-none')}</li>
          ) : (
            lines.map((line) => <li>{line}</li>)
          )}
        </ul>
      );
    };
    return () => (
      <Field
        class="letsconnect-form__capx"
        anchor="letsconnect-form-capx"
        label={t('letsconnect-gadget-form-capx')}
        problems={[]}
        fieldset
      >
        {{
          default: () => [
            <p class="letsconnect-form__public">{t('letsconnect-gadget-form-capx-explain')}</p>,
            <CdxCheckbox
              modelValue={props.form.fromCapx === true}
              onUpdate:modelValue={(on: boolean) => emit('update', { fromCapx: on })}
            >
              {{ default: () => t('letsconnect-gadget-form-capx-agree') }}
            </CdxCheckbox>,
            brought(),
          ],
        }}
      </Field>
    );
  },
});
