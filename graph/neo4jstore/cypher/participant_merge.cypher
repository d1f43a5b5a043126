// participant_merge: link events to the entities taking part in them.
// Both ends must exist (they are merged earlier in the same transaction).
//
// Params:     $rows LIST<MAP> of
//               event  STRING  event id
//               entity STRING  entity id
//               role   STRING  visitor, host, speaker, party, ...
// Returns:    linked INTEGER  rows whose two ends were found; fewer than
//                             the rows sent means a dangling id
// Idempotent: yes; one PARTICIPANT per (event, role, entity).
UNWIND $rows AS row
MATCH (ev:Event {id: row.event})
MATCH (e:Entity {id: row.entity})
MERGE (ev)-[:PARTICIPANT {role: row.role}]->(e)
RETURN count(*) AS linked
