import { calendarFeedSection } from './calendar-feed';
import { clinicNoticesSection } from './clinic-notices';
import { clinicSharersSection } from './clinic-sharers';
import { cspSection } from './csp';
import { faultsSection } from './faults';
import { hostileSection } from './hostile';
import { loadSection } from './load';
import { nightModeSection } from './night-mode';
import { participantsSection } from './participants';
import { permissionsSection } from './permissions';
import { privacySection } from './privacy';
import { requestsSection } from './requests';
import { temporaryAccountsSection } from './temporary-accounts';
import { translationsSection } from './translations';
import type { ReliabilitySection } from './types';
import { workingGroupSection } from './working-group';
import { xssSection } from './xss';

/** Every section, in the order the table shows them. Each engineer adds theirs here. */
export const SECTIONS: ReliabilitySection[] = [
  faultsSection,
  hostileSection,
  privacySection,
  permissionsSection,
  xssSection,
  loadSection,
  cspSection,
  nightModeSection,
  temporaryAccountsSection,
  participantsSection,
  workingGroupSection,
  requestsSection,
  translationsSection,
  clinicNoticesSection,
  calendarFeedSection,
  clinicSharersSection,
];
