/**
 * What a reader who may not write sees where a view would offer a write. A temporary account
 * is told why (temporary accounts cannot take part) and given links to log in and to create
 * an account, both bringing it back to this page; a reader who is not logged in gets the
 * view's own prompt (the default slot, often a login link), or nothing.
 */
import { CdxMessage } from '@wikimedia/codex';
import { defineComponent } from 'vue';
import { useEnv } from './env';

export const AccountPrompt = defineComponent({
  name: 'LcAccountPrompt',
  props: {
    /** The page to come back to after logging in. */
    returnto: { type: String, required: true },
    /** Its query string (`letsconnect-outcome=…`), if any. */
    returntoquery: { type: String, default: '' },
  },
  setup(props, { slots }) {
    const { t, url, reader } = useEnv();
    return () => {
      if (!reader.temporary) return slots.default?.() ?? null;
      const back: Record<string, string> = { returnto: props.returnto };
      if (props.returntoquery !== '') back.returntoquery = props.returntoquery;
      return (
        <CdxMessage type="warning" class="letsconnect-account-prompt">
          {{
            default: () => [
              <p>{t('letsconnect-gadget-temporary')}</p>,
              <ul class="letsconnect-account-prompt__links">
                <li>
                  <a href={url('Special:UserLogin', back)}>
                    {t('letsconnect-gadget-temporary-login')}
                  </a>
                </li>
                <li>
                  <a href={url('Special:CreateAccount', back)}>
                    {t('letsconnect-gadget-temporary-create')}
                  </a>
                </li>
              </ul>,
            ],
          }}
        </CdxMessage>
      );
    };
  },
});
