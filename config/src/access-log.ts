/**
 * The access log as a person reads it: one line per staff visit instead of one per event. Opening
 * a record reads several sections, each an audit event of its own; a person asks "who looked, when,
 * at what", so events of one staff member with no pause longer than VISIT_GAP_MS between them form
 * one visit. Events of the person themselves and of MoBio (expiry, reminders) stay single lines.
 */

/** The longest pause within one visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export interface LogEvent {
  at: Date;
  action: string;
  section: string | null;
  actorKind: string | null;
  /** Which staff member (internal id); only used to tell two members with the same name apart. */
  actorId?: number | null;
  actorName: string | null;
  resourceType?: string | null;
  /** Why an administrator acted (a code of ACCOUNT_REASONS) and their own words. */
  reason?: string | null;
  note?: string | null;
}

export interface LogVisit<E extends LogEvent = LogEvent> {
  actorKind: string | null;
  actorName: string | null;
  /** The first and the last event of the visit. */
  from: Date;
  to: Date;
  /** Per action, in the order first done, the sections it touched (each once). */
  summary: Array<{ action: string; sections: string[] }>;
  /** The single events, newest first. */
  events: E[];
}

/**
 * Groups events, given newest first as the log lists them, into visits, newest visit first. A staff member's event joins that
 * member's latest visit when it follows the visit's last event within `gapMs`; events of others in
 * between do not end a visit, since two people may work at the same time.
 */
export function groupVisits<E extends LogEvent>(
  events: readonly E[],
  gapMs = VISIT_GAP_MS,
): Array<LogVisit<E>> {
  // Reversed before the (stable) sort, so events of the same instant keep the order they were written in.
  const oldestFirst = [...events].reverse().sort((a, b) => a.at.getTime() - b.at.getTime());
  const visits: Array<{ visit: LogVisit<E>; order: number }> = [];
  const open = new Map<string, LogVisit<E>>();
  for (const event of oldestFirst) {
    const key =
      event.actorKind === 'staff' ? `staff:${event.actorId ?? event.actorName ?? ''}` : undefined;
    const current = key === undefined ? undefined : open.get(key);
    if (current && event.at.getTime() - current.to.getTime() <= gapMs) {
      current.to = event.at;
      current.events.unshift(event);
      continue;
    }
    const visit: LogVisit<E> = {
      actorKind: event.actorKind,
      actorName: event.actorName,
      from: event.at,
      to: event.at,
      summary: [],
      events: [event],
    };
    visits.push({ visit, order: visits.length });
    if (key !== undefined) open.set(key, visit);
  }
  for (const { visit } of visits) {
    for (const event of [...visit.events].reverse()) {
      let line = visit.summary.find((item) => item.action === event.action);
      if (!line) visit.summary.push((line = { action: event.action, sections: [] }));
      if (event.section && !line.sections.includes(event.section))
        line.sections.push(event.section);
    }
  }
  return visits
    .sort((a, b) => b.visit.to.getTime() - a.visit.to.getTime() || b.order - a.order)
    .map(({ visit }) => visit);
}
