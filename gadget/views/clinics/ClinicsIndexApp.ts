import { defineComponent, h, onMounted, ref, shallowRef, type PropType } from 'vue';
import { CdxButton, CdxMessage } from '@wikimedia/codex';
import { readDocument } from '../../../shared/documents/read-document';
import { directoryIndexTitle } from '../../../shared/pages';
import { topicLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { messageLookup, useEnv } from '../../kit';
import { browserTimeZone } from '../../kit';
import { readPage } from '../../kit';
import { taxonomyFromIndex } from '../../kit';
import { calendarFile, downloadFile, loadMyCalendar } from './calendar';
import { mayCreateClinics } from './clinic-data';
import { CreateClinicForm } from './CreateClinicForm';

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
    zone: { type: String, default: () => browserTimeZone() },
    download: {
      type: Function as PropType<(name: string, text: string) => void>,
      default: downloadFile,
    },
    absoluteUrl: { type: Function as PropType<(title: string) => string>, required: true },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const lookup = messageLookup(t);
    const mayCreate = ref(false);
    const creating = ref(false);
    const taxonomy = shallowRef<Taxonomy | null>(null);
    const busy = ref(false);
    const notice = ref<{ type: 'success' | 'error' | 'notice'; text: string } | null>(null);

    onMounted(async () => {
      if (props.username === null) return;
      try {
        mayCreate.value = await mayCreateClinics(props.wiki, props.root, props.username);
      } catch {
        mayCreate.value = false;
      }
    });

    async function openCreate(): Promise<void> {
      if (!taxonomy.value) {
        try {
          const index = await readPage(props.wiki, directoryIndexTitle(props.botName));
          taxonomy.value = taxonomyFromIndex(
            index.revid === null ? null : readDocument(index.text, 'directory-index').document,
          );
        } catch {
          taxonomy.value = taxonomyFromIndex(null);
        }
      }
      creating.value = true;
    }

    async function myCalendar(): Promise<void> {
      busy.value = true;
      notice.value = null;
      try {
        const cal = await loadMyCalendar(
          props.wiki,
          t,
          props.root,
          props.username ?? '',
          props.namespaceIds,
          env.now(),
          props.absoluteUrl,
        );
        if (cal.clinics === 0) {
          notice.value = { type: 'notice', text: t('letsconnect-calendar-mine-empty') };
          return;
        }
        props.download('letsconnect-calendar.ics', calendarFile(t, cal.events, env.now()));
        notice.value = {
          type: 'success',
          text: t('letsconnect-calendar-mine-done', String(cal.clinics)),
        };
      } catch (err) {
        notice.value = {
          type: 'error',
          text: t(
            'letsconnect-clinic-load-failed',
            err instanceof Error ? err.message : String(err),
          ),
        };
      } finally {
        busy.value = false;
      }
    }

    return () => {
      if (props.username === null) {
        const login = env.url('Special:UserLogin', { returnto: props.pageTitle });
        return h('p', { class: 'letsconnect-clinics-index' }, [
          h('a', { href: login }, t('letsconnect-calendar-login')),
        ]);
      }
      if (creating.value && taxonomy.value) {
        const tax = taxonomy.value;
        return h(CreateClinicForm, {
          wiki: props.wiki,
          root: props.root,
          username: props.username,
          taxonomy: tax,
          topicLabel: (id: string) => {
            const topic = tax.topics.get(id);
            return topic ? topicLabel(topic, env.languages, lookup) : id;
          },
          zone: props.zone,
          onClose: () => (creating.value = false),
        });
      }
      const n = notice.value;
      return h(
        'section',
        { class: 'letsconnect-clinics-index', 'aria-label': t('letsconnect-clinic-index-label') },
        [
          h('p', t('letsconnect-calendar-mine-help')),
          h('div', { class: 'letsconnect-form__buttons' }, [
            h(
              CdxButton,
              { type: 'button', disabled: busy.value, onClick: () => void myCalendar() },
              () => t('letsconnect-calendar-mine'),
            ),
            mayCreate.value
              ? h(
                  CdxButton,
                  {
                    type: 'button',
                    action: 'progressive',
                    weight: 'primary',
                    onClick: () => void openCreate(),
                  },
                  () => t('letsconnect-clinic-create-open'),
                )
              : null,
          ]),
          n
            ? h(
                CdxMessage,
                {
                  type: n.type,
                  class: 'letsconnect-notice',
                  role: n.type === 'error' ? 'alert' : 'status',
                },
                () => n.text,
              )
            : null,
        ],
      );
    };
  },
});
