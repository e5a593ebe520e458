/** What the build's `letsconnect:messages` module holds: English, as the bundle ships it. */
import en from '../../../shared/i18n/en.json';

export default { en: en as unknown as Record<string, string> };
