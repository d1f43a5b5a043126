// Events are identified by our own stable id, hashed from kind,
// participants and date, so every article reporting one event meets the
// same node.
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (ev:Event) REQUIRE ev.id IS UNIQUE
