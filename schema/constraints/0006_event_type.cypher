// Event lists are filtered by type (Visit, Meeting, ...).
CREATE INDEX event_type IF NOT EXISTS FOR (ev:Event) ON (ev.type)
