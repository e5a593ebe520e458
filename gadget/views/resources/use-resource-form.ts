/**
 * The "add a resource" form's state: what is typed, the problems found in it (checked as the
 * bot checks them, before anything is saved) and the save. A failed save keeps what was typed;
 * a saved one clears the title, link and description for the next item.
 */
import { computed, ref, type ComputedRef, type Ref } from 'vue';
import type { Problem } from '../../../shared/problems';
import type { Resource } from '../../../shared/records/resource';
import { resourceProblems } from '../../../shared/resources/centre';
import { topicLabel, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { messageLookup, useEnv, useSave, type NoticeData } from '../../kit';
import { addResource } from './save-resource';

export interface Draft {
  title: string;
  url: string;
  topic: string;
  language: string;
  kind: string;
  description: string;
}

/** The record's fields, as problems name them. */
export type FieldName = 'title' | 'url' | 'topics' | 'languages' | 'kind' | 'description';

export interface ResourceFormState {
  draft: Ref<Draft>;
  set: (key: keyof Draft, value: string) => void;
  /** The topics to choose from, by label. */
  topics: ComputedRef<Array<{ value: string; label: string }>>;
  problemsOf: (field: FieldName) => Problem[];
  save: () => Promise<void>;
  busy: Ref<boolean>;
  notice: Ref<NoticeData | null>;
}

export interface ResourceFormProps {
  client: WikiClient;
  root: string;
  username: string | null;
  taxonomy: Taxonomy;
}

export function useResourceForm(
  props: ResourceFormProps,
  onSaved: (r: Resource) => void,
): ResourceFormState {
  const env = useEnv();
  const { t } = env;
  const lookup = messageLookup(t);
  const { busy, notice, run, failedNotice } = useSave('resource');
  const problems = ref<Problem[]>([]);
  const draft = ref<Draft>({
    title: '',
    url: '',
    topic: '',
    language: (env.languages[0] ?? 'en').toLowerCase(),
    kind: '',
    description: '',
  });
  const topics = computed(() =>
    [...props.taxonomy.topics.values()]
      .filter((topic) => !topic.retired)
      .map((topic) => ({ value: topic.id, label: topicLabel(topic, env.languages, lookup) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  );

  const record = (): Resource => {
    const d = draft.value;
    const language = d.language.trim().toLowerCase();
    return {
      title: d.title.trim(),
      url: d.url.trim(),
      page: '',
      kind: d.kind as Resource['kind'],
      topics: d.topic === '' ? [] : [d.topic],
      languages: language === '' ? [] : [language],
      addedBy: props.username ?? '',
      added: env.now().toISOString().slice(0, 10),
      description: d.description.trim(),
    };
  };

  async function save(): Promise<void> {
    const r = record();
    problems.value = resourceProblems(r, props.taxonomy, true).filter(
      (p) => p.severity === 'error',
    );
    if (problems.value.length > 0) return;
    await run(async (): Promise<NoticeData> => {
      const summary = t('letsconnect-resource-summary', r.title);
      const result = await addResource(props.client, props.root, r, summary);
      if (result.kind === 'failed') return failedNotice(result);
      onSaved(r);
      draft.value = { ...draft.value, title: '', url: '', description: '' };
      return { type: 'success', text: t('letsconnect-resource-saved') };
    });
  }

  return {
    draft,
    set: (key, value) => (draft.value = { ...draft.value, [key]: value }),
    topics,
    problemsOf: (field) => problems.value.filter((p) => p.field === field),
    save,
    busy,
    notice,
  };
}
