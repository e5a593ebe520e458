/**
 * The program's areas, in one table: the portal on the program's root page (bot-written,
 * readable without JavaScript) and the gadget's navigation on every program page link the
 * same places, in the same order, with the same words (message keys).
 */
import {
  calendarPageTitle,
  directoryPageTitle,
  profilePageTitle,
  reportPageTitle,
  resourcesPageTitle,
  workingGroupPageTitle,
} from './pages';

export type PortalAreaId =
  | 'directory'
  | 'profile'
  | 'connections'
  | 'clinics'
  | 'calendar'
  | 'resources'
  | 'report'
  | 'how'
  | 'working-group';

export interface PortalArea {
  id: PortalAreaId;
  /** The link's words: `letsconnect-portal-<id>`; what is there: `letsconnect-portal-<id>-about`. */
  key: string;
  /**
   * Where it goes: a page title, with a query or a fragment. "My profile" is the reader's own
   * page when the gadget knows who reads, else the root with the form's parameter.
   */
  target: (
    root: string,
    reader: string | null,
  ) => { title: string; query?: string; fragment?: string };
}

/** Where the portal's "How it works" section is, on the root page. */
export const HOW_IT_WORKS_ANCHOR = 'how-it-works';

export const connectionsIndexTitle = (root: string): string => `${root}/Connections`;
export const clinicsIndexTitle = (root: string): string => `${root}/Clinics`;

export const PORTAL_AREAS: readonly PortalArea[] = [
  {
    id: 'directory',
    key: 'letsconnect-portal-directory',
    target: (r) => ({ title: directoryPageTitle(r) }),
  },
  {
    id: 'profile',
    key: 'letsconnect-portal-profile',
    target: (r, reader) =>
      reader ? { title: profilePageTitle(r, reader) } : { title: r, query: 'letsconnect=edit' },
  },
  {
    id: 'connections',
    key: 'letsconnect-portal-connections',
    target: (r) => ({ title: connectionsIndexTitle(r) }),
  },
  {
    id: 'clinics',
    key: 'letsconnect-portal-clinics',
    target: (r) => ({ title: clinicsIndexTitle(r) }),
  },
  {
    id: 'calendar',
    key: 'letsconnect-portal-calendar',
    target: (r) => ({ title: calendarPageTitle(r) }),
  },
  {
    id: 'resources',
    key: 'letsconnect-portal-resources',
    target: (r) => ({ title: resourcesPageTitle(r) }),
  },
  {
    id: 'report',
    key: 'letsconnect-portal-report',
    target: (r) => ({ title: reportPageTitle(r) }),
  },
  {
    id: 'how',
    key: 'letsconnect-portal-how',
    target: (r) => ({ title: r, fragment: HOW_IT_WORKS_ANCHOR }),
  },
  {
    id: 'working-group',
    key: 'letsconnect-portal-working-group',
    target: (r) => ({ title: workingGroupPageTitle(r) }),
  },
];

/** The area a program page belongs to, for the navigation's "current" mark; null for none. */
export function portalAreaOf(
  root: string,
  title: string,
  reader: string | null,
): PortalAreaId | null {
  const t = title.replace(/_/g, ' ');
  const under = (page: string) => t === page || t.startsWith(`${page}/`);
  if (reader !== null && t === profilePageTitle(root, reader)) return 'profile';
  for (const area of PORTAL_AREAS) {
    const target = area.target(root, null);
    if (target.query || target.fragment || target.title === root) continue;
    if (under(target.title)) return area.id;
  }
  return null;
}
