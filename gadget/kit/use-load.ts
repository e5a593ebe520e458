import { onMounted, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { errorCode } from '../api/api-error';

export type LoadStatus = 'loading' | 'failed' | 'loaded';

export interface Loaded<T> {
  status: Ref<LoadStatus>;
  /** The data once loaded (kept while a reload runs, so the page does not flash). */
  data: ShallowRef<T | undefined>;
  /** The API's code for the last failure ('' when none). */
  failure: Ref<string>;
  /** Loads again (the retry button, or after a save changed what was read). */
  reload: () => Promise<void>;
}

/**
 * Data a view reads when it opens: loading, then loaded or failed (with the reason, and a
 * way to try again). Starts when the component mounts, unless `immediate` is false.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  options: { immediate?: boolean } = {},
): Loaded<T> {
  const status = ref<LoadStatus>('loading');
  const data = shallowRef<T>();
  const failure = ref('');
  async function reload(): Promise<void> {
    status.value = 'loading';
    try {
      data.value = await load();
      failure.value = '';
      status.value = 'loaded';
    } catch (err) {
      failure.value = errorCode(err);
      status.value = 'failed';
    }
  }
  if (options.immediate ?? true) onMounted(() => void reload());
  return { status, data, failure, reload };
}
