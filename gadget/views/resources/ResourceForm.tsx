/**
 * "Add a resource" on R/Resources: title, a link on a Wikimedia site (or a recording on
 * Commons), topic, language, type and an optional description, checked as the bot checks
 * them before anything is saved; appended conflict-safely under the reader's name. A failed
 * save keeps what was typed. A temporary account is told why it cannot add one.
 */
import { defineComponent, ref, type PropType } from 'vue';
import { CdxButton } from '@wikimedia/codex';
import type { Resource } from '../../../shared/records/resource';
import { defaultTaxonomy, type Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { resourcesPageTitle } from '../../../shared/pages';
import { AccountPrompt, Notice, useEnv } from '../../kit';
import { ResourceFields } from './ResourceFields';
import { useResourceForm } from './use-resource-form';

export const ResourceForm = defineComponent({
  name: 'ResourceForm',
  props: {
    client: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    username: { type: String as PropType<string | null>, default: null },
    taxonomy: { type: Object as PropType<Taxonomy>, default: () => defaultTaxonomy() },
    /** Open the form at once (otherwise a button opens it). */
    startOpen: { type: Boolean, default: false },
  },
  emits: { saved: (_r: Resource) => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const open = ref(props.startOpen);
    const form = useResourceForm(props, (r) => emit('saved', r));
    const notice = () => {
      const n = form.notice.value;
      if (!n) return null;
      const name = n.type === 'success' ? 'saved' : 'failed';
      return <Notice notice={n} class={`letsconnect-resource-form__${name}`} />;
    };

    return () => {
      if (props.username === null)
        return (
          <AccountPrompt returnto={resourcesPageTitle(props.root)}>
            {{
              default: () => (
                <p class="letsconnect-resource-form__login">{t('letsconnect-resource-login')}</p>
              ),
            }}
          </AccountPrompt>
        );
      if (!open.value)
        return (
          <CdxButton
            class="letsconnect-resource-form__open"
            action="progressive"
            onClick={() => (open.value = true)}
          >
            {{ default: () => t('letsconnect-resource-add') }}
          </CdxButton>
        );
      const busy = form.busy.value;
      return (
        <form
          class="letsconnect-resource-form"
          aria-labelledby="letsconnect-resource-form-title"
          onSubmit={(e: Event) => {
            e.preventDefault();
            void form.save();
          }}
        >
          <h3 id="letsconnect-resource-form-title">{t('letsconnect-resource-form-title')}</h3>
          <p>{t('letsconnect-resource-form-intro')}</p>
          <ResourceFields form={form} />
          {notice()}
          <div class="letsconnect-resource-form__actions">
            <CdxButton
              action="progressive"
              weight="primary"
              {...{ type: 'submit', disabled: busy }}
            >
              {{
                default: () =>
                  t(busy ? 'letsconnect-resource-saving' : 'letsconnect-resource-save'),
              }}
            </CdxButton>
            <CdxButton {...{ type: 'button' }} onClick={() => (open.value = false)}>
              {{ default: () => t('letsconnect-resource-cancel') }}
            </CdxButton>
          </div>
        </form>
      );
    };
  },
});
