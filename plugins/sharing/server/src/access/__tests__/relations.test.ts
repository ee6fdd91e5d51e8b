import { describe, expect, it } from 'vitest';
import { changesRelation, pinnedOwner, relationRefs } from '..';

describe('relationRefs', () => {
  it('reads nothing from an empty value', () => {
    expect(relationRefs(undefined)).toEqual([]);
    expect(relationRefs(null)).toEqual([]);
    expect(relationRefs({})).toEqual([]);
  });
  it('tells a numeric id from a documentId, also when the id comes as text', () => {
    expect(relationRefs(5)).toEqual([{ id: 5 }]);
    expect(relationRefs('5')).toEqual([{ id: 5 }]);
    expect(relationRefs('abc123')).toEqual([{ documentId: 'abc123' }]);
    expect(relationRefs({ id: '7' })).toEqual([{ id: 7 }]);
    expect(relationRefs({ documentId: 'abc' })).toEqual([{ documentId: 'abc' }]);
  });
  it('reads every form Strapi accepts: lists, connect and set', () => {
    expect(relationRefs([1, 'doc'])).toEqual([{ id: 1 }, { documentId: 'doc' }]);
    expect(relationRefs({ connect: [{ id: 2 }], set: ['doc'] })).toEqual([
      { id: 2 },
      { documentId: 'doc' },
    ]);
    expect(relationRefs({ connect: [{ documentId: 'a', position: { end: true } }] })).toEqual([
      { documentId: 'a' },
    ]);
  });
  it('does not count what is disconnected as a target', () => {
    expect(relationRefs({ disconnect: [{ id: 3 }] })).toEqual([]);
  });
});

describe('changesRelation', () => {
  it('is no change when the relation is not given', () => {
    expect(changesRelation(undefined)).toBe(false);
  });
  it('is no change when connect and disconnect are both empty, as the Content Manager sends an untouched relation', () => {
    expect(changesRelation({ connect: [], disconnect: [] })).toBe(false);
    expect(changesRelation({ connect: [] })).toBe(false);
  });
  it('is a change when anything is connected, disconnected, set or given directly', () => {
    expect(changesRelation({ connect: [{ id: 1 }], disconnect: [] })).toBe(true);
    expect(changesRelation({ disconnect: [{ id: 1 }] })).toBe(true);
    expect(changesRelation({ set: [] })).toBe(true);
    expect(changesRelation({ connect: [], set: [1] })).toBe(true);
    expect(changesRelation(5)).toBe(true);
    expect(changesRelation(null)).toBe(true);
    expect(changesRelation([])).toBe(true);
  });
});

describe('pinnedOwner', () => {
  it('reads an owner id pinned at the top level, plain or with $eq', () => {
    expect(pinnedOwner({ owner: { id: 5 } })).toBe(5);
    expect(pinnedOwner({ owner: { id: { $eq: 5 } }, title: 'x' })).toBe(5);
  });
  it('pins nothing when there is no filter, no owner or no single numeric id', () => {
    expect(pinnedOwner(undefined)).toBeUndefined();
    expect(pinnedOwner({ title: 'x' })).toBeUndefined();
    expect(pinnedOwner({ owner: { id: { $in: [5, 6] } } })).toBeUndefined();
    expect(pinnedOwner({ owner: { id: '5' } })).toBeUndefined();
    expect(pinnedOwner({ owner: { id: null } })).toBeUndefined();
  });
  it('does not read an owner nested below $or or $and, which would not narrow every record', () => {
    expect(pinnedOwner({ $or: [{ owner: { id: 5 } }, { owner: { id: 6 } }] })).toBeUndefined();
  });
});
