import { CdxCheckbox, CdxSelect, CdxTextInput } from '@wikimedia/codex';
import { defineComponent } from 'vue';
import { MAX_CONNECTIONS_PER_MONTH, type Profile } from '../../../shared/records/profile';
import { FORMATS } from '../../../shared/records/vocabulary';
import { Field, knownTimeZones, timeIn, useEnv } from '../../kit';
import { fieldProblems } from './form-model';
import { partEmits, partProps } from './part';
import { AvailabilityEditor } from './RowEditors';

/** "How and when": formats, time zone, weekly availability and connections a month. */
export const WhenPart = defineComponent({
  name: 'WhenPart',
  props: partProps,
  emits: partEmits,
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    const zones = knownTimeZones();
    const counts = Array.from({ length: MAX_CONNECTIONS_PER_MONTH + 1 }, (_, n) => ({
      value: n,
      label: String(n),
    }));
    const set = (patch: Partial<Profile>) => emit('update', patch);
    const zoneHint = () => {
      const zone = props.profile.timezone;
      const time = zone === '' ? null : timeIn(zone, env.now(), ui);
      return time === null
        ? t('letsconnect-gadget-form-timezone-help')
        : t('letsconnect-gadget-form-timezone-now', time);
    };
    const formats = (p: Profile) =>
      FORMATS.map((x) => (
        <CdxCheckbox
          modelValue={p.formats.includes(x)}
          onUpdate:modelValue={(on: boolean) =>
            set({ formats: FORMATS.filter((y) => (y === x ? on : p.formats.includes(y))) })
          }
        >
          {{ default: () => t(`letsconnect-format-${x}`) }}
        </CdxCheckbox>
      ));

    return () => {
      const p = props.profile;
      return (
        <fieldset class="letsconnect-form__part">
          <legend>{t('letsconnect-gadget-form-part-when')}</legend>
          <Field
            class="letsconnect-form__formats"
            anchor="letsconnect-form-formats"
            label={t('letsconnect-gadget-form-formats')}
            problems={fieldProblems(props.problems, 'formats')}
            fieldset
            optional
          >
            {{ default: () => formats(p) }}
          </Field>
          <Field
            class="letsconnect-form__timezone"
            anchor="letsconnect-form-timezone"
            label={t('letsconnect-gadget-form-timezone')}
            problems={fieldProblems(props.problems, 'timezone')}
            help={zoneHint()}
            optional
          >
            {{
              default: () => [
                <CdxTextInput
                  modelValue={p.timezone}
                  {...{ list: 'letsconnect-time-zones', autocomplete: 'off' }}
                  onUpdate:modelValue={(v: string) => set({ timezone: v.trim() })}
                />,
                <datalist id="letsconnect-time-zones">
                  {zones.map((z) => (
                    <option value={z} />
                  ))}
                </datalist>,
              ],
            }}
          </Field>
          <Field
            class="letsconnect-form__availability"
            anchor="letsconnect-form-availability"
            label={t('letsconnect-gadget-form-availability')}
            problems={fieldProblems(props.problems, 'availability')}
            help={t('letsconnect-gadget-form-availability-help')}
            fieldset
            optional
          >
            {{
              default: () => (
                <AvailabilityEditor
                  modelValue={p.availability}
                  onUpdate:modelValue={(v) => set({ availability: v })}
                />
              ),
            }}
          </Field>
          <Field
            class="letsconnect-form__connections"
            anchor="letsconnect-form-connections"
            label={t('letsconnect-gadget-form-connections')}
            problems={fieldProblems(props.problems, 'connections')}
            help={t('letsconnect-gadget-form-connections-help')}
          >
            {{
              default: () => (
                // Not a MenuSelect: all eleven numbers show at once.
                <CdxSelect
                  {...{ 'aria-label': t('letsconnect-gadget-form-connections') }}
                  selected={p.connectionsPerMonth}
                  menuItems={counts}
                  onUpdate:selected={(v: number) => set({ connectionsPerMonth: Number(v) })}
                />
              ),
            }}
          </Field>
        </fieldset>
      );
    };
  },
});
