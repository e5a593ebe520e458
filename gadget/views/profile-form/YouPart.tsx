import { defineComponent } from 'vue';
import type { Profile } from '../../../shared/records/profile';
import { EXPERIENCE_LEVELS, REGIONS } from '../../../shared/records/vocabulary';
import { Field, countryCodes, useEnv } from '../../kit';
import { fieldProblems, type Section } from './form-model';
import { partEmits, partProps } from './part';
import { GroupsEditor, LanguagesEditor } from './RowEditors';
import { MenuSelect } from './RowList';

/** "About you": groups, experience, region, country and languages. */
export const YouPart = defineComponent({
  name: 'YouPart',
  props: partProps,
  emits: partEmits,
  setup(props, { emit }) {
    const { t, languages } = useEnv();
    const countries = countryCodes(languages[0] ?? 'en');
    const experience = EXPERIENCE_LEVELS.map((x) => ({
      value: x,
      label: t(`letsconnect-experience-${x}`),
    }));
    const regions = REGIONS.map((r) => ({ value: r, label: t(`letsconnect-region-${r}`) }));
    const set = (patch: Partial<Profile>) => emit('update', patch);
    const problems = (section: Section) => fieldProblems(props.problems, section);
    const choose = t('letsconnect-gadget-form-choose');
    const menu = (
      key: 'experience' | 'region' | 'country',
      label: string,
      items: Array<{ value: string; label: string }>,
      optional: boolean,
    ) => (
      <Field
        class={`letsconnect-form__${key}`}
        anchor={`letsconnect-form-${key}`}
        label={label}
        problems={problems(key)}
        optional={optional}
      >
        {{
          default: () => (
            <MenuSelect
              label={label}
              selected={props.profile[key] === '' ? null : props.profile[key]}
              items={items}
              placeholder={choose}
              onSelect={(v) => set({ [key]: String(v) })}
            />
          ),
        }}
      </Field>
    );

    return () => {
      const p = props.profile;
      return (
        <fieldset class="letsconnect-form__part">
          <legend>{t('letsconnect-gadget-form-part-you')}</legend>
          <Field
            class="letsconnect-form__groups"
            anchor="letsconnect-form-groups"
            label={t('letsconnect-gadget-form-groups')}
            problems={problems('groups')}
            help={t('letsconnect-gadget-form-groups-help')}
            fieldset
            optional
          >
            {{
              default: () => (
                <GroupsEditor
                  modelValue={p.groups}
                  onUpdate:modelValue={(v) => set({ groups: v })}
                />
              ),
            }}
          </Field>
          {menu('experience', t('letsconnect-gadget-form-experience'), experience, true)}
          {menu('region', t('letsconnect-gadget-form-region'), regions, false)}
          {menu('country', t('letsconnect-gadget-form-country'), countries, true)}
          <Field
            class="letsconnect-form__languages"
            anchor="letsconnect-form-languages"
            label={t('letsconnect-gadget-form-languages')}
            problems={problems('languages')}
            fieldset
          >
            {{
              default: () => (
                <LanguagesEditor
                  modelValue={p.languages}
                  onUpdate:modelValue={(v) => set({ languages: v })}
                />
              ),
            }}
          </Field>
        </fieldset>
      );
    };
  },
});
