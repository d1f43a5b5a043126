// Package expect loads must / should / must-not expectation files and scores
// an extraction against them. The extractor's tests and `dipgraph eval`
// both use it, so that a fact is judged the same way everywhere.
//
// An expectation file is JSON:
//
//	{
//	  "article": {"title": "...", "published": "...", ...},
//	  "must":    [Fact, ...],
//	  "should":  [Fact, ...],
//	  "mustNot": [Fact, ...]
//	}
//
// A Fact names one of: an entity (type, name, properties), a mention (a
// piece of text that must refer to a named entity), an event (type, date,
// end, precision, modality, CAMEO code, participants by role, a phrase of
// its evidence, properties), a relation between two entities, or a
// duplicate (more than one entity whose name contains a word). A fact holds
// when some part of the result satisfies every field it gives.
//
// It also scores the evaluation suites of shared/eval: ScoreSuite the
// development report on coded sentences, and ScoreArticles and ScoreEvents
// exactly what shared/eval/score.py computes (same keys, same tie rules,
// same floats), so that `dipgraph eval` and the official scorer agree.
//
// It imports only the standard library and extract.
//
// Invariants: scoring is pure and deterministic; a fact is judged the same
// way in tests and in the eval command. Never imports graph, server, cmd or
// a database driver.
package expect
