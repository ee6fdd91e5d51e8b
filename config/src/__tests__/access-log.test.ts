import { describe, expect, it } from 'vitest';
import { groupVisits, type LogEvent } from '../access-log';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, 0) + minute * 60_000);
const staff = (
  minute: number,
  action: string,
  section: string | null,
  id = 7,
  name = 'Sabine Keller',
): LogEvent => ({
  at: at(minute),
  action,
  section,
  actorKind: 'staff',
  actorId: id,
  actorName: name,
});

describe('the access log', () => {
  it('groups a visit: one line per staff visit, with the sections read, downloaded and changed', () => {
    const events = [
      staff(0, 'read', 'profile'),
      staff(0, 'read', 'languages'),
      staff(0, 'read', 'documents'),
      staff(4, 'download', 'documents'),
      staff(9, 'read', 'profile'),
      staff(20, 'update', 'plans'),
    ].reverse();
    const visits = groupVisits(events);
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      actorKind: 'staff',
      actorName: 'Sabine Keller',
      from: at(0),
      to: at(20),
    });
    expect(visits[0].summary).toEqual([
      { action: 'read', sections: ['profile', 'languages', 'documents'] },
      { action: 'download', sections: ['documents'] },
      { action: 'update', sections: ['plans'] },
    ]);
    expect(visits[0].events.map((event) => event.at)).toEqual(events.map((event) => event.at));
  });

  it('starts a new visit after a pause of more than 30 minutes', () => {
    const visits = groupVisits([
      staff(61, 'read', 'languages'),
      staff(30, 'read', 'profile'),
      staff(0, 'read', 'profile'),
    ]);
    expect(visits.map((visit) => [visit.from, visit.to, visit.events.length])).toEqual([
      [at(61), at(61), 1],
      [at(0), at(30), 2],
    ]);
  });

  it('keeps two staff members apart, also with the same name, and does not end a visit for another one’s events', () => {
    const visits = groupVisits([
      staff(3, 'read', 'languages', 9, 'Jonas Weber'),
      staff(2, 'read', 'languages', 7),
      staff(1, 'read', 'profile', 8),
      staff(0, 'read', 'profile', 7),
    ]);
    expect(visits.map((visit) => [visit.actorName, visit.events.length])).toEqual([
      ['Jonas Weber', 1],
      ['Sabine Keller', 2],
      ['Sabine Keller', 1],
    ]);
    expect(visits[1].summary).toEqual([{ action: 'read', sections: ['profile', 'languages'] }]);
  });

  it('leaves the person’s own and MoBio’s events as single lines', () => {
    const own: LogEvent = {
      at: at(1),
      action: 'grant.create',
      section: null,
      actorKind: 'newcomer',
      actorName: null,
    };
    const expiry: LogEvent = {
      at: at(2),
      action: 'grant.expire',
      section: null,
      actorKind: 'system',
      actorName: null,
    };
    const visits = groupVisits([expiry, { ...own, at: at(1.5) }, own]);
    expect(visits.map((visit) => [visit.events.length, visit.summary])).toEqual([
      [1, [{ action: 'grant.expire', sections: [] }]],
      [1, [{ action: 'grant.create', sections: [] }]],
      [1, [{ action: 'grant.create', sections: [] }]],
    ]);
    expect(groupVisits([])).toEqual([]);
  });
});
