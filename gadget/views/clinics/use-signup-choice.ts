/** The sign-up form's choice: session, role, interpretation; and whether it means waiting. */
import { computed, ref } from 'vue';
import { teamRole, type Roster } from '../../../shared/clinics/roster';
import { DEFAULT_CLINIC_CAPACITY, type Clinic, type Signup } from '../../../shared/records/clinic';
import type { SignupRole } from '../../../shared/records/vocabulary';
import type { Problem } from '../../../shared/problems';
import { useEnv } from '../../kit';
import { formProblem } from './form-problem';
import { sessionTime } from './format';

export interface SignupChoice {
  session: number | null;
  role: SignupRole;
  interpretation: string;
}

export function useSignupChoice(
  props: {
    readonly username: string;
    readonly clinic: Clinic;
    readonly roster: Roster;
    readonly existing: Signup | null;
    readonly zone: string;
  },
  submitted: (c: SignupChoice) => void,
) {
  const env = useEnv();
  const { t } = env;
  const two = computed(() => props.clinic.sessions.length > 1);
  const choice = ref<SignupChoice>({
    session: props.existing?.session ?? (two.value ? null : 1),
    role: props.existing?.role || 'participant',
    interpretation: props.existing?.interpretation ?? '',
  });
  const missingSession = ref(false);
  const capacity = props.clinic.capacity ?? DEFAULT_CLINIC_CAPACITY;
  const isFull = (n: number) => (props.roster.sessions[n - 1]?.confirmed.length ?? 0) >= capacity;
  /**
   * A sharer's or interpreter's role the clinic does not list the reader in: they join as a
   * participant (the roster's own rule, the one the bot counts by).
   */
  const unlisted = computed(
    () =>
      choice.value.role !== 'participant' &&
      !teamRole(props.clinic, { role: choice.value.role, username: props.username }),
  );
  /** A participant (listed or not) in a full session goes on its waiting list. */
  const waits = computed(
    () =>
      (choice.value.role === 'participant' || unlisted.value) && isFull(choice.value.session ?? 1),
  );
  const sessionProblems = computed<Problem[]>(() =>
    missingSession.value
      ? [formProblem('session', 'letsconnect-clinic-signup-session-missing')]
      : [],
  );
  const set = (patch: Partial<SignupChoice>) => {
    choice.value = { ...choice.value, ...patch };
    if (choice.value.session !== null) missingSession.value = false;
  };
  const submit = () => {
    if (two.value && choice.value.session === null) {
      missingSession.value = true;
      return;
    }
    submitted({ ...choice.value });
  };
  /** The sessions to choose from, in the reader's time zone; a full one says so. */
  const sessionOptions = computed(() =>
    props.clinic.sessions.map((start, i) => ({
      value: String(i + 1),
      label: t(
        isFull(i + 1)
          ? 'letsconnect-clinic-signup-session-full'
          : 'letsconnect-clinic-signup-session-option',
        String(i + 1),
        sessionTime(start, env.languages[0] ?? 'en', props.zone),
      ),
    })),
  );
  return { two, choice, waits, unlisted, sessionOptions, sessionProblems, set, submit };
}
