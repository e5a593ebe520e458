/**
 * Reads one of the bot's JSON documents back, checking its version, kind and shape. Shape
 * checks cover every field a reader relies on; a document with problems is not returned.
 */
import { problem, type Problem } from '../problems';
import { SCHEMA_VERSION, type DocumentKind, type ProgramDocument } from './documents';

type Shape = 'string' | 'number' | 'boolean' | 'array' | 'string[]' | 'object';

interface KindShape {
  fields: Record<string, Shape>;
  /** The array field holding the document's items, and each item's fields. */
  items: string;
  item: Record<string, Shape>;
}

const SHAPES: Record<DocumentKind, KindShape> = {
  calendar: {
    fields: { generated: 'string', root: 'string', feedUrl: 'string', entries: 'array' },
    items: 'entries',
    item: {
      page: 'string',
      kind: 'string',
      title: 'string',
      sessions: 'string[]',
      minutes: 'number',
      timezone: 'string',
      link: 'string',
      description: 'string',
      status: 'string',
      places: 'array',
    },
  },
  capacities: {
    fields: { generated: 'string', root: 'string', topics: 'array', people: 'array' },
    items: 'people',
    item: { username: 'string', share: 'string[]', learn: 'string[]' },
  },
  'earlier-records': {
    fields: { generated: 'string', records: 'array', invited: 'array' },
    items: 'records',
    item: {
      username: 'string',
      source: 'string',
      group: 'string',
      region: 'string',
      languages: 'string[]',
      learn: 'string[]',
      share: 'string[]',
      learnOther: 'string',
      shareOther: 'string',
    },
  },
  translations: {
    fields: {
      generated: 'string',
      language: 'string',
      source: 'string',
      revid: 'number',
      messages: 'array',
    },
    items: 'messages',
    item: { key: 'string', text: 'string' },
  },
  'clinic-invitations': {
    fields: { generated: 'string', sent: 'array' },
    items: 'sent',
    item: { clinic: 'string', user: 'string', at: 'string', status: 'string' },
  },
  'clinic-notices': {
    fields: { generated: 'string', sent: 'array' },
    items: 'sent',
    item: {
      key: 'string',
      kind: 'string',
      clinic: 'string',
      user: 'string',
      at: 'string',
      status: 'string',
    },
  },
  'directory-shard': {
    fields: { generated: 'string', shard: 'number', entries: 'array' },
    items: 'entries',
    item: {
      username: 'string',
      revid: 'number',
      groups: 'array',
      experience: 'string',
      region: 'string',
      country: 'string',
      languages: 'array',
      learn: 'string[]',
      share: 'string[]',
      learnOther: 'string',
      shareOther: 'string',
      formats: 'string[]',
      timezone: 'string',
      availability: 'array',
      connectionsPerMonth: 'number',
      snoozeUntil: 'string',
      updated: 'string',
      about: 'string',
    },
  },
  'directory-index': {
    fields: {
      generated: 'string',
      root: 'string',
      total: 'number',
      shards: 'array',
      topics: 'array',
    },
    items: 'shards',
    item: { title: 'string', count: 'number', first: 'string', last: 'string' },
  },
  'match-history': {
    fields: {
      generated: 'string',
      round: 'string',
      lastrevid: 'number',
      proposals: 'array',
      unmatched: 'array',
      unmetDemand: 'array',
      rejected: 'array',
      messages: 'array',
    },
    items: 'proposals',
    item: {
      id: 'string',
      learners: 'string[]',
      sharer: 'string',
      topic: 'string',
      languages: 'string[]',
      status: 'string',
      reviewer: 'string',
    },
  },
  ledger: {
    fields: { generated: 'string', paused: 'array' },
    items: 'paused',
    item: { user: 'string', since: 'string' },
  },
  'connection-requests': {
    fields: {
      generated: 'string',
      root: 'string',
      requests: 'array',
      forged: 'array',
      unusual: 'array',
    },
    items: 'requests',
    item: {
      key: 'string',
      asker: 'string',
      id: 'string',
      to: 'string',
      topic: 'string',
      direction: 'string',
      seen: 'string',
      state: 'string',
    },
  },
  'directory-state': {
    fields: {
      generated: 'string',
      root: 'string',
      workingGroupRevid: 'number',
      topicsRevid: 'number',
      part: 'number',
      parts: 'number',
      pages: 'array',
    },
    items: 'pages',
    item: { title: 'string', lastrevid: 'number', problems: 'array' },
  },
  'creation-months': {
    fields: { generated: 'string', pages: 'array' },
    items: 'pages',
    item: { id: 'number', month: 'string' },
  },
  report: {
    fields: {
      generated: 'string',
      root: 'string',
      totals: 'object',
      months: 'array',
      regions: 'array',
      roles: 'array',
      learn: 'array',
      share: 'array',
    },
    items: 'months',
    item: {
      month: 'string',
      registered: 'number',
      clinics: 'number',
      participations: 'number',
      feedback: 'number',
      usefulAnswered: 'number',
      useful: 'number',
      proposed: 'number',
      approved: 'number',
      met: 'number',
    },
  },
  resources: {
    fields: { generated: 'string', root: 'string', lastrevid: 'number', resources: 'array' },
    items: 'resources',
    item: {
      title: 'string',
      url: 'string',
      page: 'string',
      kind: 'string',
      topics: 'string[]',
      languages: 'string[]',
      addedBy: 'string',
      added: 'string',
      description: 'string',
      revid: 'number',
    },
  },
};

function fits(value: unknown, shape: Shape): boolean {
  switch (shape) {
    case 'array':
      return Array.isArray(value);
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === shape;
  }
}

function checkFields(
  value: Record<string, unknown>,
  fields: Record<string, Shape>,
  path: string,
): Problem[] {
  return Object.entries(fields)
    .filter(([name, shape]) => !fits(value[name], shape))
    .map(([name, shape]) =>
      problem(`${path}${name}`, 'letsconnect-problem-json-shape', [`${path}${name}`, shape]),
    );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function readDocument<K extends DocumentKind>(
  text: string,
  kind: K,
): { document: Extract<ProgramDocument, { kind: K }> | null; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      document: null,
      problems: [problem('', 'letsconnect-problem-json-syntax', [message])],
    };
  }
  if (!isRecord(data)) {
    return {
      document: null,
      problems: [problem('', 'letsconnect-problem-json-shape', ['', 'object'])],
    };
  }
  if (data.schemaVersion !== SCHEMA_VERSION) {
    const found = String(data.schemaVersion);
    const p = problem('schemaVersion', 'letsconnect-problem-schema-version', [
      found,
      SCHEMA_VERSION,
    ]);
    return { document: null, problems: [p] };
  }
  if (data.kind !== kind) {
    const p = problem('kind', 'letsconnect-problem-json-kind', [kind, String(data.kind)]);
    return { document: null, problems: [p] };
  }
  const shape = SHAPES[kind];
  const problems = checkFields(data, shape.fields, '');
  const items = data[shape.items];
  if (Array.isArray(items)) {
    items.forEach((item, i) => {
      const path = `${shape.items}[${i}].`;
      if (isRecord(item)) problems.push(...checkFields(item, shape.item, path));
      else problems.push(problem(path, 'letsconnect-problem-json-shape', [path, 'object']));
    });
  }
  const document =
    problems.length === 0 ? (data as unknown as Extract<ProgramDocument, { kind: K }>) : null;
  return { document, problems };
}
