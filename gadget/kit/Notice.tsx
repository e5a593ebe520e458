/**
 * What just happened, in words: a success or a note is announced politely (role status), an
 * error or a warning (something was not done) at once (role alert). Each line of `text` is a paragraph; an optional link says where to go
 * next. Nothing is shown for no notice.
 */
import { CdxMessage } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';

export interface NoticeData {
  type: 'success' | 'error' | 'warning' | 'notice';
  text: string | readonly string[];
  link?: { href: string; text: string };
}

export const Notice = defineComponent({
  name: 'LcNotice',
  props: {
    notice: { type: Object as PropType<NoticeData | null>, default: null },
  },
  setup(props) {
    return () => {
      const n = props.notice;
      if (!n) return null;
      const lines = typeof n.text === 'string' ? [n.text] : n.text;
      return (
        <CdxMessage
          type={n.type}
          class="letsconnect-notice"
          // An attribute for the message's root, not a Codex prop.
          {...{ role: n.type === 'error' || n.type === 'warning' ? 'alert' : 'status' }}
        >
          {{
            default: () => [
              ...lines.map((line) => <p>{line}</p>),
              n.link ? (
                <p>
                  <a href={n.link.href}>{n.link.text}</a>
                </p>
              ) : null,
            ],
          }}
        </CdxMessage>
      );
    };
  },
});
