import { CdxButton } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { AccountPrompt, Notice, messageLookup, useEnv } from '../../kit';
import { calendarProps } from './calendar';
import type { AccountLookup } from './clinic-wiki';
import { CreateClinicForm } from './CreateClinicForm';
import { topicNamer } from './format';
import { useClinicsIndex } from './use-clinics-index';

/**
 * `R/Clinics`: "My learning calendar" (an .ics of upcoming clinics on the topics the reader
 * wants to learn and those they signed up for) and, for working-group members and Learning
 * Ambassadors, "Create a clinic".
 */
export const ClinicsIndexApp = defineComponent({
  name: 'ClinicsIndexApp',
  props: {
    wiki: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    botName: { type: String, required: true },
    username: { type: String as PropType<string | null>, default: null },
    pageTitle: { type: String, required: true },
    namespaceIds: { type: Object as PropType<Record<string, number>>, required: true },
    /** Existing accounts, for the create form's sharers. */
    accounts: { type: Object as PropType<AccountLookup>, required: true },
    ...calendarProps,
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const lookup = messageLookup(t);
    const { mayCreate, creating, taxonomy, busy, notice, openCreate, myCalendar } =
      useClinicsIndex(props);

    const createForm = (username: string, tax: Taxonomy) => (
      <CreateClinicForm
        wiki={props.wiki}
        root={props.root}
        username={username}
        taxonomy={tax}
        topicLabel={topicNamer(tax, env.languages, lookup)}
        zone={props.zone}
        accounts={props.accounts}
        onClose={() => (creating.value = false)}
      />
    );

    return () => {
      if (props.username === null) {
        const login = env.url('Special:UserLogin', { returnto: props.pageTitle });
        return (
          <AccountPrompt returnto={props.pageTitle}>
            {{
              default: () => (
                <p class="letsconnect-clinics-index">
                  <a href={login}>{t('letsconnect-calendar-login')}</a>
                </p>
              ),
            }}
          </AccountPrompt>
        );
      }
      if (creating.value && taxonomy.value) return createForm(props.username, taxonomy.value);
      return (
        <section class="letsconnect-clinics-index" aria-label={t('letsconnect-clinic-index-label')}>
          <p>{t('letsconnect-calendar-mine-help')}</p>
          <div class="letsconnect-form__buttons">
            <CdxButton
              {...{ type: 'button', disabled: busy.value }}
              onClick={() => void myCalendar()}
            >
              {{ default: () => t('letsconnect-calendar-mine') }}
            </CdxButton>
            {mayCreate.value ? (
              <CdxButton
                action="progressive"
                weight="primary"
                {...{ type: 'button' }}
                onClick={() => void openCreate()}
              >
                {{ default: () => t('letsconnect-clinic-create-open') }}
              </CdxButton>
            ) : null}
          </div>
          <Notice notice={notice.value} />
        </section>
      );
    };
  },
});
