// Package extract turns the text of one news article into a small graph:
// the article's metadata, its entities (countries, people, organizations,
// places, regions) with every mention of them, and its events (visits,
// meetings, statements, anniversaries, conflicts, agreements, ...) with
// participants by role, dates at their precision, modality, attribution,
// CAMEO codes and evidence spans.
//
// The pipeline is rules and lexicons, in stages: the header of a scraped
// file (title, section and time, dateline, by-line) and its leftovers
// (article.go); sentences and tokens with byte offsets (text.go); dates
// resolved against the publication time (date.go); mentions resolved to
// entities through the embedded gazetteer, titles and coreference
// (gazetteer.go; mention.go walks a sentence's tokens through one
// recogniser per kind of mention: mention_pronoun.go, mention_country.go,
// mention_person.go, mention_title.go, mention_body.go, mention_group.go); the government that issues a press release
// (publisher.go, gazetteer/publishers.tsv), whose "we" and signer's "I"
// are its voice (voice.go) and whose offices named without a country are
// its own (office.go), while names of things are no people (things.go); actors the tables do not hold: groups named
// by a common noun, placed by a demonym, a "-led" country or where the
// sentence happens, and bodies named by the word their name ends in
// (group.go); events from the triggers table with their
// frames and the CAMEO verb lexicon (lexicon.go, gazetteer/verbs.tsv):
// a sentence's steps (findevents.go), its reported clause and speaker
// (clause.go), arguments by the order of the words (roles.go), one
// handler per frame by kind of event (frame.go dispatches to
// frame_visit.go, frame_meeting.go, frame_act.go, frame_force.go,
// frame_agreement.go, frame_anniversary.go; statements in
// frame_statement.go), and the event with its date and merging
// (event.go); CAMEO weights (cameo.go); dyad records (records.go); known
// figures with their offices over time (people.go, gazetteer/people.tsv,
// and the dated roles of the PETRARCH Phoenix dictionaries,
// gazetteer/phoenix_*.tsv, made by go generate from gazetteer/petrarch2)
// and the actor coder (actor.go: a phrase and a date to country and sector).
//
// Invariants:
//   - Pure: no I/O, no clock, no globals that change behaviour. The tables
//     are embedded (gazetteer/*.tsv, and the word lists of
//     gazetteer/words, words.go) and read once.
//   - Every offset is a byte offset into the input text exactly as given
//     (Article.Text); spans are half-open and slice back to the text they
//     cite. The seed article has curly quotes, so bytes and runes differ.
//   - Deterministic: nodes sorted by (type, id), edges by (source, type,
//     target); ids are derived from content (country:AZE,
//     person:sergey-lavrov, event:visit:<hash of type, participants, date>).
//   - Extract fails only on unusable input (empty or not UTF-8). Anything
//     uncertain is data: a confidence, a derived date precision, a record
//     actor's country_inferred.
//   - A group ("gunmen") is never a node: an event links to the group's
//     country with the groups on the edge (PropGroups, PropSectors), and
//     keeps groups of no known country in PropUnattributed.
//
// It imports nothing outside the standard library: never graph, server,
// cmd, a database driver, net/http or os/exec (cmd/dipgraph's
// TestImportRules enforces it). Tests read ../testdata: articles/,
// expect/ (must/should/must-not, scored by extract/expect) and extract/
// (golden snapshots, rewritten by go test ./extract -update).
package extract
