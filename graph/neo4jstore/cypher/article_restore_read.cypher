// article_restore_read: what DeleteArticle needs to take back what a
// deleted article gave the events other articles report too: each event's
// remaining reports with their claims about it (provenance.go), and its
// participant links. Run after article_delete_events took the article's
// evidence off.
//
// Params:     $events LIST<STRING>  ids of the kept events
// Returns:    id      STRING
//             reports LIST<MAP>  {article STRING, claims LIST<STRING> or
//                                null when the article has none recorded}:
//                                its event, group and sector claims about
//                                the event
//             links   LIST<MAP>  {role, entity STRING, articles LIST<STRING>}
// Idempotent: yes (reads only)
UNWIND $events AS eid
MATCH (ev:Event {id: eid})
RETURN ev.id AS id,
  COLLECT {
    MATCH (ev)-[:EVIDENCE]->(a:Article)
    WITH DISTINCT a
    RETURN {article: a.id, claims: CASE WHEN a.claims IS NULL THEN null ELSE
      [c IN a.claims WHERE c STARTS WITH 'event\t' + ev.id + '\t'
                        OR c STARTS WITH 'group\t' + ev.id + '\t'
                        OR c STARTS WITH 'sector\t' + ev.id + '\t'] END}
  } AS reports,
  COLLECT {
    MATCH (ev)-[p:PARTICIPANT]->(e:Entity)
    RETURN {role: p.role, entity: e.id, articles: coalesce(p.articles, [])}
  } AS links
