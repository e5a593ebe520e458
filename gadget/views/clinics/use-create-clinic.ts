/** The create-a-clinic form's state: the draft, its problems once a save was tried, the save. */
import { computed, ref } from 'vue';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { failed, useEnv, useSave, type NoticeData } from '../../kit';
import { isTemporaryAccountName, notExistingNamedAccounts } from '../../../shared/accounts';
import { splitList } from '../../../shared/records/fields';
import type { AccountLookup } from './clinic-wiki';
import {
  clinicPage,
  draftProblems,
  draftToClinic,
  emptyDraft,
  sharerProblem,
  type ClinicDraft,
  type DraftField,
  type DraftProblem,
} from './create-clinic';

export function useCreateClinic(props: {
  readonly wiki: WikiClient;
  readonly root: string;
  readonly username: string;
  readonly taxonomy: Taxonomy;
  readonly zone: string;
  readonly accounts: AccountLookup;
}) {
  const env = useEnv();
  const { t } = env;
  const draft = ref<ClinicDraft>(emptyDraft(props.zone));
  const attempted = ref(false);
  /** Sharers the wiki said have no account, or that are temporary accounts (found on save). */
  const notAccounts = ref<string[]>([]);
  const problems = computed(() => [
    ...draftProblems(draft.value, props.taxonomy, env.now()),
    ...notAccounts.value.map((name) =>
      sharerProblem(
        isTemporaryAccountName(name)
          ? 'letsconnect-clinic-create-sharer-temporary'
          : 'letsconnect-clinic-create-sharer-unknown',
        name,
      ),
    ),
  ]);
  const { busy, notice, run, failedNotice } = useSave('clinic');

  const set = (patch: Partial<ClinicDraft>) => (draft.value = { ...draft.value, ...patch });
  /** A field's problems, shown once the reader has tried to save. */
  const problemsOf = (field: DraftField): DraftProblem[] =>
    attempted.value ? problems.value.filter((p) => p.field === field) : [];

  /** Creates the page, never overwrites it: a clinic of the same name is left as it is. */
  async function save(): Promise<NoticeData> {
    attempted.value = true;
    // Sharers must be existing named accounts: a typo or a temporary account is no one.
    const sharers = splitList(draft.value.sharers);
    notAccounts.value = notExistingNamedAccounts(sharers, await props.accounts.missing(sharers));
    if (problems.value.length > 0)
      return {
        type: 'error',
        text: t('letsconnect-clinic-create-invalid', String(problems.value.length)),
      };
    const clinic = draftToClinic(draft.value, props.username);
    const page = clinicPage(props.root, draft.value, clinic);
    try {
      const summary = t('letsconnect-clinic-create-summary', clinic.title);
      await props.wiki.save(page.title, page.text, summary, null);
    } catch (err) {
      const f = failed(err);
      if (f.failure !== 'conflict') return failedNotice(f);
      return {
        type: 'error',
        text: [t('letsconnect-clinic-create-exists'), t('letsconnect-gadget-save-kept')],
        link: { href: env.url(page.title), text: t('letsconnect-clinic-create-view-existing') },
      };
    }
    draft.value = emptyDraft(props.zone);
    attempted.value = false;
    return {
      type: 'success',
      text: t('letsconnect-clinic-create-saved'),
      link: { href: env.url(page.title), text: t('letsconnect-clinic-create-view') },
    };
  }

  return { draft, set, problemsOf, busy, notice, create: () => run(save) };
}
