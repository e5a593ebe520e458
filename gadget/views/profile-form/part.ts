/** What each part of the profile form is given, and what it sends back. */
import type { PropType } from 'vue';
import type { Problem } from '../../../shared/problems';
import type { Profile } from '../../../shared/records/profile';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';

export const partProps = {
  profile: { type: Object as PropType<Profile>, required: true },
  /** Problems to show (empty until the person first tries to save). */
  problems: { type: Array as PropType<readonly Problem[]>, required: true },
} as const;

/** The parts with topic pickers also need the topics and their names. */
export const topicPartProps = {
  ...partProps,
  taxonomy: { type: Object as PropType<Taxonomy>, required: true },
  topicLabel: { type: Function as PropType<(id: string) => string>, required: true },
} as const;

/** Changed values go up as a patch of the profile. */
export const partEmits = { update: (_patch: Partial<Profile>) => true };
