/**
 * What the swap form checks a name against: the published skills directory (read once, when
 * the first swap form or the review queue opens) and the round as the view holds it, by the
 * same rule the bot holds approved connections back by (shared/connections/pairing-check.ts).
 * The review queue reads people's regions and the topics' labels and areas from it too.
 */
import { computed, ref, type ComputedRef } from 'vue';
import type { PairingContext } from '../../../shared/connections/pairing-check';
import type { Proposal } from '../../../shared/records/proposal';
import type { Taxonomy } from '../../../shared/taxonomy/taxonomy';
import type { WikiClient } from '../../../shared/wiki-client';
import { loadDirectory, useLoad, type LoadStatus } from '../../kit';

export interface SwapCheck {
  /** 'idle' until a swap form asks for the directory. */
  status: LoadStatus | 'idle';
  /** Null until the directory is read (or when it could not be). */
  context: PairingContext | null;
  /** The program's topics as the directory carries them (null until read). */
  taxonomy: Taxonomy | null;
  /** Reads the directory, once. */
  need: () => void;
}

export function useSwapCheck(
  source: { client: WikiClient; root: string; botName: string },
  round: () => readonly Proposal[],
  today: () => string,
): ComputedRef<SwapCheck> {
  const asked = ref(false);
  const directory = useLoad(() => loadDirectory(source.client, source.root, source.botName), {
    immediate: false,
  });
  const context = computed<PairingContext | null>(() => {
    const d = directory.data.value;
    if (!d || d.index === null) return null;
    return {
      people: new Map(d.entries.map((e) => [e.username, e])),
      round: round(),
      today: today(),
      categories: new Map([...d.taxonomy.topics.values()].map((t) => [t.id, t.category])),
    };
  });
  return computed(() => ({
    status: !asked.value
      ? 'idle'
      : directory.status.value === 'loaded' && context.value === null
        ? 'failed'
        : directory.status.value,
    context: context.value,
    taxonomy: directory.data.value?.taxonomy ?? null,
    need: () => {
      if (asked.value) return;
      asked.value = true;
      void directory.reload();
    },
  }));
}
