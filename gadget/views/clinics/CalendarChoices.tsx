/**
 * "Add to my calendar": the clinic as a file (this clinic, as it is now), and, where the
 * operator runs the calendar feed, subscriptions a calendar app keeps up to date by itself:
 * the reader's own places and the whole program. Each subscription is a `webcal:` link (calendar
 * apps open it as a subscription) and its address to copy, for apps that ask for one.
 */
import { CdxButton, CdxTextInput } from '@wikimedia/codex';
import { defineComponent, type PropType } from 'vue';
import { useEnv, useLoad } from '../../kit';
import { webcalUrl, type FeedAddresses } from './calendar';

export const CalendarChoices = defineComponent({
  name: 'CalendarChoices',
  props: {
    /** The feed's addresses (null: no feed runs); read when the choices open. */
    load: { type: Function as PropType<() => Promise<FeedAddresses | null>>, required: true },
  },
  emits: { download: () => true },
  setup(props, { emit }) {
    const { t } = useEnv();
    const feed = useLoad(props.load);

    const subscription = (kind: 'mine' | 'program', url: string) => (
      <div class={`letsconnect-calendar-choices__item letsconnect-calendar-choices__${kind}`}>
        <a class="letsconnect-calendar-choices__link" href={webcalUrl(url)}>
          {t(`letsconnect-calendar-subscribe-${kind}`)}
        </a>
        <p class="letsconnect-calendar-choices__help">
          {t(`letsconnect-calendar-subscribe-${kind}-help`)}
        </p>
        <label class="letsconnect-calendar-choices__copy" for={`letsconnect-calendar-${kind}-url`}>
          {t('letsconnect-calendar-subscribe-copy')}
        </label>
        <CdxTextInput
          modelValue={url}
          {...{
            id: `letsconnect-calendar-${kind}-url`,
            readonly: true,
            dir: 'ltr',
            onFocus: (e: FocusEvent) => (e.target as HTMLInputElement).select(),
          }}
        />
      </div>
    );

    return () => {
      const addresses = feed.status.value === 'loaded' ? feed.data.value : null;
      return (
        <section
          class="letsconnect-calendar-choices"
          aria-labelledby="letsconnect-calendar-choices-title"
        >
          <h3 id="letsconnect-calendar-choices-title">{t('letsconnect-calendar-add')}</h3>
          <div class="letsconnect-calendar-choices__item">
            <CdxButton {...{ type: 'button' }} onClick={() => emit('download')}>
              {{ default: () => t('letsconnect-calendar-download') }}
            </CdxButton>
            <p class="letsconnect-calendar-choices__help">
              {t('letsconnect-calendar-download-help')}
            </p>
          </div>
          {feed.status.value === 'loading' ? (
            <p>{t('letsconnect-calendar-subscribe-loading')}</p>
          ) : null}
          {feed.status.value === 'failed' ? (
            <p>{t('letsconnect-calendar-subscribe-failed', feed.failure.value)}</p>
          ) : null}
          {addresses?.mine ? subscription('mine', addresses.mine) : null}
          {addresses ? subscription('program', addresses.program) : null}
        </section>
      );
    };
  },
});
