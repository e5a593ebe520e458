import type { Problem, ProblemKey } from '../../../shared/problems';

/**
 * A problem only a clinic form finds ("choose a session", "a time in the past"), in the shared
 * shape so the kit's Field shows it like any other. Its key is one of the form's own messages,
 * not one of the shared problem keys.
 */
export const formProblem = (
  field: string,
  key: string,
  params: readonly string[] = [],
): Problem => ({ field, key: key as ProblemKey, params, severity: 'error' });
