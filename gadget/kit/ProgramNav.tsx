import { defineComponent, type PropType } from 'vue';
import { PORTAL_AREAS, type PortalAreaId } from '../../shared/portal';
import { useEnv } from './env';

/**
 * The program's navigation, on every program page: the same areas, in the same order and
 * words, as the portal on the root page (shared/portal.ts). "My profile" goes to the reader's
 * own page when they have a named account; otherwise to the form on the root page, which asks
 * them to log in. The area the page belongs to is marked as current.
 */
export const ProgramNav = defineComponent({
  name: 'ProgramNav',
  props: {
    root: { type: String, required: true },
    /** The reader's named account, or null. */
    username: { type: String as PropType<string | null>, default: null },
    current: { type: String as PropType<PortalAreaId | null>, default: null },
  },
  setup(props) {
    const env = useEnv();
    const href = (area: (typeof PORTAL_AREAS)[number]) => {
      const { title, query, fragment } = area.target(props.root, props.username);
      const params = query ? Object.fromEntries(new URLSearchParams(query)) : undefined;
      return `${env.url(title, params)}${fragment ? `#${fragment}` : ''}`;
    };
    return () => (
      <nav class="letsconnect-nav" aria-label={env.t('letsconnect-portal-nav-label')}>
        <ul class="letsconnect-nav__list">
          {PORTAL_AREAS.map((area) => (
            <li key={area.id} class="letsconnect-nav__item">
              <a
                href={href(area)}
                {...(area.id === props.current ? { 'aria-current': 'page' } : {})}
              >
                {env.t(area.key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    );
  },
});
