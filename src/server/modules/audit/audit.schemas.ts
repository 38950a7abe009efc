import { Type } from 'typebox';
import { pageOf, PageQuery } from '../../platform/pagination.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const StreamName = Type.String({ minLength: 1, maxLength: 100 });
const Day = Type.String({ format: 'date' });

export const Stream = Type.Object({
  stream: Type.String(),
  /** The agency of an `agency:<code>` stream; null for `system`. */
  agencyCode: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  events: Type.Integer(),
  headHash: Type.String(),
});
export const StreamPage = pageOf(Stream);
/** `q` finds a stream by its agency's name (accent-insensitive) or code. */
export const StreamQuery = Type.Object(PageQuery);

export const EventsQuery = Type.Object({
  stream: Type.Optional(StreamName),
  action: Type.Optional(Type.String({ maxLength: 100, description: 'exact action, or a prefix ending in "." (e.g. "role.")' })),
  actor: Type.Optional(Type.String({ maxLength: 200, description: "part of the actor's label (accent-insensitive)" })),
  entityType: Type.Optional(Type.String({ maxLength: 100 })),
  entityId: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 200, description: "text inside the event's data, e.g. a name (accent-insensitive)" })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  cursor: PageQuery.cursor,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
export const EventItem = Type.Object({
  stream: Type.String(),
  seq: Type.Integer(),
  occurredAt: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  hash: Type.String(),
});
export const EventPage = pageOf(EventItem);
export const EventParams = Type.Object({ stream: StreamName, seq: Type.Integer({ minimum: 1 }) });
export const EventDetail = Type.Object({
  ...EventItem.properties,
  actorId: Nullable(Type.String()),
  provinceCode: Nullable(Type.String()),
  prevHash: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  /** The content hashes to its stored hash today. */
  isHashValid: Type.Boolean(),
  /** Its previous hash is the hash of the entry before it (the genesis hash for the first). */
  isLinkValid: Type.Boolean(),
});

export const VerifyQuery = Type.Object({ stream: Type.Optional(StreamName) });
export const VerifyResult = Type.Object({
  ok: Type.Boolean(),
  streams: Type.Integer(),
  events: Type.Integer(),
  problems: Type.Array(
    Type.Object({
      stream: Type.String(),
      seq: Type.Integer(),
      reason: Type.String(),
      field: Type.Optional(Type.Union([Type.Literal('seq'), Type.Literal('prevHash'), Type.Literal('hash'), Type.Literal('head')])),
      expected: Type.Optional(Type.String()),
      actual: Type.Optional(Type.String()),
    }),
  ),
  chains: Type.Array(Type.Object({ stream: Type.String(), headSeq: Type.Integer(), intactThrough: Type.Integer(), ok: Type.Boolean() })),
});
