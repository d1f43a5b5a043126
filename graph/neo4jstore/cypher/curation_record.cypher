// curation_record: record analysts' decisions, so that Ingest applies
// them to later batches.
//
// Params:     $rows LIST<MAP> of
//               id      STRING          merge:<from> or split:<from>:<article>
//               kind    STRING          "merge" or "split"
//               from    STRING          the entity id an article yields
//               to      STRING          the entity id to file it under
//               article STRING or null  for splits: the article
// Returns:    recorded INTEGER
// Idempotent: yes but for at, the time of the last recording
UNWIND $rows AS row
MERGE (c:Curation {id: row.id})
SET c.kind = row.kind, c.from = row.from, c.to = row.to, c.article = row.article,
    c.at = datetime()
RETURN count(c) AS recorded
