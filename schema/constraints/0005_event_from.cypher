// Event lists are ordered and paged by (from, id) and filtered by date
// overlap on from/to; from is the first day an event's date covers.
CREATE INDEX event_from IF NOT EXISTS FOR (ev:Event) ON (ev.from)
