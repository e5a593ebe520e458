/**
 * Which view each program page gets: the one route table. The loader (on every page of the
 * wiki) reads it to load only the modules a page shows; each view's module then mounts
 * itself (views/<view>/entry.ts). The build makes one hidden gadget per view from VIEWS.
 */
import {
  parseClinicTitle,
  reportPageTitle,
  resourcesPageTitle,
  roundFromTitle,
  usernameFromRequestsTitle,
} from '../shared/pages';

export const VIEWS = [
  'directory',
  'program',
  'connections',
  'clinics',
  'resources',
  'report',
  'requests',
] as const;
export type ViewName = (typeof VIEWS)[number];

/** What the loader knows about a page before loading anything. */
export interface PageFacts {
  root: string;
  /** The title with spaces. */
  title: string;
  /** The latest revision (not an old one or a diff): views that save need it. */
  latest: boolean;
  /** Placeholders on the page: the directory's, and any other `.letsconnect-app`. */
  directoryPlaceholder: boolean;
  otherPlaceholder: boolean;
}

/** The view of the page's main place, in order: the first that serves the page wins. */
const MAIN: ReadonlyArray<{ view: ViewName; serves: (p: PageFacts) => boolean }> = [
  {
    view: 'clinics',
    serves: (p) =>
      p.title === `${p.root}/Clinics` || parseClinicTitle(p.root, p.title)?.kind === 'clinic',
  },
  { view: 'connections', serves: (p) => roundFromTitle(p.root, p.title) !== null },
  { view: 'resources', serves: (p) => p.title === resourcesPageTitle(p.root) },
  { view: 'report', serves: (p) => p.title === reportPageTitle(p.root) },
  { view: 'requests', serves: (p) => usernameFromRequestsTitle(p.root, p.title) !== null },
  { view: 'program', serves: () => true },
];

/** Views whose controls save: an old revision shows records that may be gone, so none there. */
const NEEDS_LATEST: ReadonlySet<ViewName> = new Set(['clinics', 'connections', 'requests']);

/**
 * The views for a page under the program root: the directory where its placeholder is, and
 * the main view where another placeholder is, or anywhere when the page has none.
 */
export function viewsFor(page: PageFacts): ViewName[] {
  const views: ViewName[] = [];
  if (page.directoryPlaceholder) views.push('directory');
  if (page.otherPlaceholder || !page.directoryPlaceholder) {
    const main = MAIN.find((r) => r.serves(page))?.view;
    if (main && (page.latest || !NEEDS_LATEST.has(main))) views.push(main);
  }
  return views;
}

/** The hidden gadget that holds a view. */
export const viewModule = (view: ViewName): string => `ext.gadget.letsconnect-${view}`;
