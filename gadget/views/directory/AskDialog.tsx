/**
 * "Ask to connect": pick a topic the other person shares (to learn it) or wants to learn (to
 * share it), the format and a short note; the request is saved on the reader's own requests
 * page, and the bot tells the other person on its next run. Refused before anything is saved
 * when the reader already has the most open requests the program allows.
 */
import { CdxDialog, CdxRadio, CdxTextArea } from '@wikimedia/codex';
import { computed, defineComponent, ref, watch, type PropType } from 'vue';
import { askOptions, openRequestsOf, REQUEST_POLICY } from '../../../shared/connections/requests';
import { addRequest, requestsPageItems } from '../../../shared/connections/requests-page';
import type { DirectoryEntry } from '../../../shared/documents/documents';
import { requestsPageTitle } from '../../../shared/pages';
import { REQUEST_NOTE_MAX, type RequestDirection } from '../../../shared/records/request';
import type { Format } from '../../../shared/records/vocabulary';
import type { WikiClient } from '../../../shared/wiki-client';
import {
  CharacterCount,
  Field,
  Notice,
  loadOwnRequests,
  saveOwnRequests,
  useEnv,
  useSave,
  type NoticeData,
  type OwnRequestsPage,
} from '../../kit';

const FORMATS: readonly Format[] = ['one-to-one', 'resource-sharing'];

export const AskDialog = defineComponent({
  name: 'AskDialog',
  props: {
    person: { type: Object as PropType<DirectoryEntry | null>, default: null },
    username: { type: String, required: true },
    client: { type: Object as PropType<WikiClient>, required: true },
    root: { type: String, required: true },
    botName: { type: String, required: true },
    topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
  },
  emits: { close: () => true },
  setup(props, { emit }) {
    const env = useEnv();
    const { t } = env;
    const choice = ref('');
    const format = ref<Format>('one-to-one');
    const note = ref('');
    const page = ref<OwnRequestsPage | null>(null);
    const blocked = ref<NoticeData | null>(null);
    const sent = ref(false);
    const { busy, notice, run, failedNotice } = useSave('requests');
    const options = computed(() => (props.person ? askOptions(props.person) : []));
    const key = (o: { topic: string; direction: RequestDirection }) => `${o.direction}:${o.topic}`;

    watch(
      () => props.person,
      async (person) => {
        choice.value = '';
        note.value = '';
        format.value = 'one-to-one';
        sent.value = false;
        notice.value = null;
        blocked.value = null;
        page.value = null;
        if (!person) return;
        const first = options.value[0];
        if (options.value.length === 1 && first) choice.value = key(first);
        try {
          const own = await loadOwnRequests(
            props.client,
            props.root,
            props.botName,
            props.username,
          );
          page.value = own.page;
          const open = openRequestsOf(
            props.username,
            requestsPageItems(own.page.text).requests,
            own.data?.requests ?? [],
          );
          if (open >= REQUEST_POLICY.maxOpenPerAsker)
            blocked.value = {
              type: 'warning',
              text: t('letsconnect-ask-limit', String(REQUEST_POLICY.maxOpenPerAsker)),
              link: {
                href: env.url(requestsPageTitle(props.root, props.username)),
                text: t('letsconnect-ask-your-requests'),
              },
            };
        } catch {
          blocked.value = { type: 'error', text: t('letsconnect-ask-load-failed') };
        }
      },
      { immediate: true },
    );

    const tooLong = computed(() => [...note.value].length > REQUEST_NOTE_MAX);

    async function send(): Promise<void> {
      const person = props.person;
      const picked = options.value.find((o) => key(o) === choice.value);
      if (!person || !page.value || blocked.value || sent.value) return;
      if (!picked) {
        notice.value = { type: 'error', text: t('letsconnect-ask-pick-topic') };
        return;
      }
      if (tooLong.value) return;
      await run(async () => {
        const result = await saveOwnRequests(
          props.client,
          page.value!,
          props.username,
          t('letsconnect-ask-summary', person.username),
          (text) => ({
            text: addRequest(text, {
              to: person.username,
              topic: picked.topic,
              direction: picked.direction,
              format: format.value,
              note: note.value.trim(),
              asked: env.now().toISOString().slice(0, 16) + 'Z',
            }).text,
          }),
        );
        if (!('saved' in result)) return 'stop' in result ? null : failedNotice(result);
        page.value = result.saved;
        sent.value = true;
        return {
          type: 'success',
          text: t('letsconnect-ask-sent', person.username),
          link: {
            href: env.url(requestsPageTitle(props.root, props.username)),
            text: t('letsconnect-ask-your-requests'),
          },
        };
      });
    }

    return () => {
      const person = props.person;
      const done = sent.value || blocked.value !== null;
      return (
        <CdxDialog
          class="letsconnect-ask"
          open={person !== null}
          title={person ? t('letsconnect-ask-title', person.username) : ''}
          useCloseButton={true}
          closeButtonLabel={t('letsconnect-gadget-form-cancel')}
          primaryAction={
            done
              ? undefined
              : {
                  label: t('letsconnect-ask-send'),
                  actionType: 'progressive',
                  disabled: busy.value || page.value === null,
                }
          }
          defaultAction={{
            label: done ? t('letsconnect-ask-close') : t('letsconnect-gadget-form-cancel'),
          }}
          onPrimary={() => void send()}
          onDefault={() => emit('close')}
          {...{ 'onUpdate:open': (open: boolean) => (open ? undefined : emit('close')) }}
        >
          {{
            default: () =>
              !person
                ? null
                : [
                    <Notice notice={blocked.value ?? notice.value} />,
                    done
                      ? null
                      : [
                          <p>{t('letsconnect-ask-intro', person.username)}</p>,
                          <Field label={t('letsconnect-ask-topic')} fieldset>
                            {{
                              default: () =>
                                options.value.map((o) => (
                                  <CdxRadio
                                    key={key(o)}
                                    name="letsconnect-ask-topic"
                                    inputValue={key(o)}
                                    modelValue={choice.value}
                                    onUpdate:modelValue={() => (choice.value = key(o))}
                                  >
                                    {{
                                      default: () =>
                                        t(
                                          `letsconnect-ask-option-${o.direction}`,
                                          props.topicLabel(o.topic),
                                        ),
                                    }}
                                  </CdxRadio>
                                )),
                            }}
                          </Field>,
                          <Field label={t('letsconnect-ask-format')} fieldset>
                            {{
                              default: () =>
                                FORMATS.map((f) => (
                                  <CdxRadio
                                    key={f}
                                    name="letsconnect-ask-format"
                                    inputValue={f}
                                    modelValue={format.value}
                                    onUpdate:modelValue={() => (format.value = f)}
                                  >
                                    {{ default: () => t(`letsconnect-requests-format-${f}`) }}
                                  </CdxRadio>
                                )),
                            }}
                          </Field>,
                          <Field
                            label={t('letsconnect-ask-note')}
                            optional
                            help={t('letsconnect-ask-note-help')}
                          >
                            {{
                              default: () => [
                                <CdxTextArea
                                  class="letsconnect-ask__note"
                                  modelValue={note.value}
                                  status={tooLong.value ? 'error' : 'default'}
                                  onUpdate:modelValue={(v: string) => (note.value = v)}
                                />,
                                <CharacterCount value={note.value} max={REQUEST_NOTE_MAX} />,
                              ],
                            }}
                          </Field>,
                        ],
                  ],
          }}
        </CdxDialog>
      );
    };
  },
});
