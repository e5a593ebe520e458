/**
 * `R/Clinics`' state: whether the reader may create clinics, the create form (with the
 * taxonomy it needs, read when first opened), and "My learning calendar".
 */
import { onMounted, ref, shallowRef } from 'vue';
import { readDocument } from '../../../shared/documents/read-document';
import { directoryIndexTitle } from '../../../shared/pages';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { readPage, taxonomyFromIndex, useEnv, useSave, type NoticeData } from '../../kit';
import { calendarFile, loadMyCalendar } from './calendar';
import { mayCreateClinics } from './clinic-data';

export function useClinicsIndex(props: {
  readonly wiki: WikiClient;
  readonly root: string;
  readonly botName: string;
  readonly username: string | null;
  readonly namespaceIds: Record<string, number>;
  readonly download: (name: string, text: string) => void;
  readonly absoluteUrl: (title: string) => string;
}) {
  const env = useEnv();
  const { t } = env;
  const mayCreate = ref(false);
  const creating = ref(false);
  const taxonomy = shallowRef<Taxonomy | null>(null);
  const { busy, notice, run } = useSave('clinic');

  onMounted(async () => {
    if (props.username === null) return;
    mayCreate.value = await mayCreateClinics(props.wiki, props.root, props.username).catch(
      () => false,
    );
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

  /** An .ics of upcoming clinics on the reader's topics and those they signed up for. */
  async function calendar(): Promise<NoticeData> {
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
      if (cal.clinics === 0) return { type: 'notice', text: t('letsconnect-calendar-mine-empty') };
      props.download('letsconnect-calendar.ics', calendarFile(t, cal.events, env.now()));
      return { type: 'success', text: t('letsconnect-calendar-mine-done', String(cal.clinics)) };
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return { type: 'error', text: t('letsconnect-clinic-load-failed', why) };
    }
  }

  return {
    mayCreate,
    creating,
    taxonomy,
    busy,
    notice,
    openCreate,
    myCalendar: () => run(calendar),
  };
}
