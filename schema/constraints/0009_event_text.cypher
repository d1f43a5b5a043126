// Full-text search over what an event is called and about: its label
// (`Visit of Sergey Lavrov to Azerbaijan`), topic and subtype. Serves the
// events filter's text and Query.search.
CREATE FULLTEXT INDEX event_text IF NOT EXISTS FOR (ev:Event) ON EACH [ev.label, ev.topic, ev.subtype]
