/**
 * A clinic's sessions in the reader's time zone (and the organiser's, when it differs), and
 * the places taken and waiting in each.
 */
import { defineComponent, type PropType } from 'vue';
import type { Roster } from '../../../shared/clinics/roster';
import { DEFAULT_CLINIC_CAPACITY, type Clinic } from '../../../shared/records/clinic';
import { useEnv } from '../../kit';
import { sessionTime } from './format';

export const ClinicTimes = defineComponent({
  name: 'ClinicTimes',
  props: {
    clinic: { type: Object as PropType<Clinic>, required: true },
    roster: { type: Object as PropType<Roster>, required: true },
    /** The reader's IANA time zone ('' when unknown: UTC). */
    zone: { type: String, required: true },
  },
  setup(props) {
    const env = useEnv();
    const { t } = env;
    const ui = env.languages[0] ?? 'en';
    return () => {
      const c = props.clinic;
      const other = c.timezone !== '' && c.timezone !== props.zone;
      const organiser = (start: string) =>
        ` ${t('letsconnect-clinic-session-organiser', sessionTime(start, ui, c.timezone), c.timezone)}`;
      return (
        <div class="letsconnect-clinic-app__times">
          <p>{t('letsconnect-clinic-times-yours', props.zone || 'UTC')}</p>
          <ul>
            {c.sessions.map((start, i) => (
              <li>
                {t(
                  'letsconnect-clinic-session',
                  String(i + 1),
                  sessionTime(start, ui, props.zone || undefined),
                )}
                {other ? (
                  <span class="letsconnect-clinic-app__organiser">{organiser(start)}</span>
                ) : null}
              </li>
            ))}
          </ul>
          <ul class="letsconnect-clinic-app__places">
            {props.roster.sessions.map((r) => (
              <li>
                {t(
                  'letsconnect-clinic-places',
                  String(r.session),
                  String(r.confirmed.length),
                  String(c.capacity ?? DEFAULT_CLINIC_CAPACITY),
                  String(r.waiting.length),
                )}
              </li>
            ))}
          </ul>
        </div>
      );
    };
  },
});
