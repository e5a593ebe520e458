import { CdxButton, CdxMessage } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import { useEnv } from '../../kit';
import type { OwnProfile } from './profile-page';

/**
 * What the page's history means for the form: someone else changed the profile page (the form
 * shows the owner's own last version, with a link to what they changed), and, after leaving,
 * the owner's answers from before, offered back (only the owner sees the form).
 */
export const HistoryNotices = defineComponent({
  name: 'HistoryNotices',
  props: {
    own: { type: Object as PropType<OwnProfile>, required: true },
  },
  emits: { restore: () => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;

    const foreign = () => {
      const f = props.own.foreignEdit;
      if (!f) return null;
      const diff =
        f.trustedRevid === null
          ? env.url(props.own.title, { action: 'history' })
          : env.url(props.own.title, { oldid: String(f.trustedRevid), diff: String(f.revid) });
      return (
        <CdxMessage type="warning" class="letsconnect-form__foreign-edit">
          {{
            default: () => [
              <p>
                {t(
                  f.trustedRevid === null
                    ? 'letsconnect-gadget-form-foreign-edit-none'
                    : 'letsconnect-gadget-form-foreign-edit',
                  f.user,
                )}
              </p>,
              <p>
                <a href={diff}>{t('letsconnect-gadget-form-foreign-edit-diff')}</a>
              </p>,
            ],
          }}
        </CdxMessage>
      );
    };

    const restore = () =>
      props.own.profile?.withdrawn && props.own.before ? (
        <p class="letsconnect-form__restore">
          {t('letsconnect-gadget-form-restore-explain')}{' '}
          <CdxButton {...{ type: 'button' }} onClick={() => emit('restore')}>
            {{ default: () => t('letsconnect-gadget-form-restore') }}
          </CdxButton>
        </p>
      ) : null;

    return () => (
      <div class="letsconnect-form__history">
        {foreign()}
        {restore()}
      </div>
    );
  },
});
