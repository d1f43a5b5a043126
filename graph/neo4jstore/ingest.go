package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

var (
	articleMerge     = mustQuery("article_merge")
	entityMerge      = mustQuery("entity_merge")
	entityLabelQuery = mustQuery("entity_label")
	eventMerge       = mustQuery("event_merge")
	eventLabelQuery  = mustQuery("event_label")
	participantMerge = mustQuery("participant_merge")
	evidenceMerge    = mustQuery("evidence_merge")
	mentionMerge     = mustQuery("mention_merge")
	relationMerge    = mustQuery("relation_merge")
)

// Ingest writes one article's batch in one write transaction: the article,
// its entities and events (merged on their ids with other articles'), the
// participants, evidence spans, mentions and relations. Writing the same
// batch again changes nothing and reports Changed == false.
//
// Before it writes, Ingest resolves the batch's ids against the store in
// the same transaction (see doc.go, Identity): curation decisions first,
// then spelling variants of stored persons, then other reports of stored
// events. The summary counts the resolved batch.
//
// Ingest returns graph.ErrInvalid for a batch it cannot store (no article
// id, an unknown type, a span outside the text, a link to an id that is
// neither in the batch nor stored) and graph.ErrConflict when an id is
// stored with another type or a constraint fires.
func (s *Store) Ingest(ctx context.Context, b graph.Batch) (graph.IngestSummary, error) {
	out, err := s.IngestBatches(ctx, []graph.Batch{b})
	if err != nil {
		return graph.IngestSummary{}, err
	}
	return out[0].Summary, out[0].Err
}

// Outcome is what IngestBatches did with one batch: its summary, or why
// it was not stored.
type Outcome struct {
	Summary graph.IngestSummary
	// Err is graph.ErrInvalid or graph.ErrConflict, as Ingest returns them,
	// for a batch that was not stored.
	Err error
}

// IngestBatches writes many articles' batches in one write transaction,
// with what Ingest would write for each had they been ingested one after
// another in their order: the graph, and each Summary (Changed says
// whether that batch's rows changed anything). The batches are resolved
// and written in rounds (round.go): each round reads the store once for
// all its batches and writes them with one UNWIND statement per kind.
//
// A batch Ingest would refuse gets its error in its Outcome and the
// others are stored: when one fails in the transaction, each batch is
// written again in a transaction of its own. Any other error (the
// database unreachable after the driver's retries, a cancelled ctx) is
// returned, and then nothing of this call's transaction is stored: the
// batches can be given again, as they are idempotent.
func (s *Store) IngestBatches(ctx context.Context, bs []graph.Batch) ([]Outcome, error) {
	out := make([]Outcome, len(bs))
	var ok []int
	for i, b := range bs {
		if _, err := prepare(b); err != nil {
			out[i].Err = fmt.Errorf("neo4jstore: ingest %s: %w", b.Article.ID, err)
			continue
		}
		ok = append(ok, i)
	}
	if len(ok) == 0 {
		return out, nil
	}
	batches := make([]graph.Batch, len(ok))
	for k, i := range ok {
		batches[k] = bs[i]
	}
	sums, err := s.ingestTx(ctx, batches)
	if err == nil {
		for k, i := range ok {
			out[i].Summary = sums[k]
		}
		return out, nil
	}
	err = s.fail("ingest", batchKey(batches), err)
	if !refusal(err) {
		return nil, err
	}
	if len(ok) == 1 {
		out[ok[0]].Err = err
		return out, nil
	}
	// One of them is refused: each in a transaction of its own.
	for k, i := range ok {
		sums, err := s.ingestTx(ctx, batches[k:k+1])
		if err != nil {
			err = s.fail("ingest", batches[k].Article.ID, err)
			if !refusal(err) {
				return nil, err
			}
			out[i].Err = err
			continue
		}
		out[i].Summary = sums[0]
	}
	return out, nil
}

// refusal reports whether err is the store refusing a batch, rather
// than failing to write it.
func refusal(err error) bool {
	return errors.Is(err, graph.ErrInvalid) || errors.Is(err, graph.ErrConflict)
}

// batchKey names a call of IngestBatches in errors: its first article,
// and how many there are.
func batchKey(bs []graph.Batch) string {
	if len(bs) == 1 {
		return bs[0].Article.ID
	}
	return fmt.Sprintf("%s and %d more", bs[0].Article.ID, len(bs)-1)
}

// ingestTx resolves and writes bs, round after round, in one write
// transaction, and returns their summaries.
func (s *Store) ingestTx(ctx context.Context, bs []graph.Batch) ([]graph.IngestSummary, error) {
	return write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]graph.IngestSummary, error) {
		sums := make([]graph.IngestSummary, 0, len(bs))
		rest := bs
		// Each round reads ahead for at most twice as many batches as the
		// last one took, so that batches that depend on each other do not
		// have the rest read again and again.
		ahead := minAhead
		for len(rest) > 0 {
			round, err := resolve(ctx, tx, rest[:min(ahead, len(rest))])
			if err != nil {
				return nil, err
			}
			ps := make([]*ingest, len(round))
			for i, r := range round {
				p, err := prepare(r.batch)
				if err != nil {
					return nil, err
				}
				p.unset(r.unset)
				p.reports(r.origins)
				ps[i] = p
			}
			changed, err := writeRound(ctx, tx, ps)
			if err != nil {
				return nil, err
			}
			if err := recordClaims(ctx, tx, round); err != nil {
				return nil, err
			}
			ahead = max(minAhead, 2*len(round))
			for i, r := range round {
				p := ps[i]
				sums = append(sums, graph.IngestSummary{
					ArticleID: r.batch.Article.ID,
					Nodes:     1 + len(r.batch.Entities) + len(r.batch.Events),
					Edges:     len(p.participants) + len(p.evidence) + len(p.mentions) + len(p.relations),
					Changed:   changed[r.batch.Article.ID],
				})
			}
			rest = rest[len(round):]
		}
		return sums, nil
	})
}

// reconciled are the event properties event_merge lets a differing value
// replace: resolve sets them with graph.Reconcile or graph.Absorb, which
// only ever make a date finer, a modality firmer and a confidence higher.
var reconciled = []string{"date", "end", "from", "to", "precision", "modality", "confidence"}

// ingest is a batch turned into query parameters.
type ingest struct {
	articleID    string
	article      map[string]any
	entities     []any
	entityLabels map[string][]string // label -> ids
	events       []any
	eventLabels  map[string][]string
	participants []any
	evidence     []any
	mentions     []any
	relations    []any
}

// prepare checks b and builds the parameters of every statement. Empty
// properties are left out, so that a sparse report never erases what
// another article said.
func prepare(b graph.Batch) (*ingest, error) {
	a := b.Article
	if a.ID == "" {
		return nil, fmt.Errorf("article without id: %w", graph.ErrInvalid)
	}
	p := &ingest{
		articleID:    a.ID,
		entityLabels: map[string][]string{},
		eventLabels:  map[string][]string{},
	}
	p.article = props(
		"title", a.Title, "published", a.Published, "source", a.Source,
		"section", a.Section, "author", a.Author, "dateline", a.Dateline,
		"url", a.URL, "text", a.Text)
	if t, err := time.Parse(time.RFC3339, a.Published); err == nil {
		// The driver sends a time in a zone named "Offset" as a DATETIME
		// with that offset, which keeps the article's own clock.
		_, off := t.Zone()
		p.article["publishedAt"] = t.In(time.FixedZone("Offset", off))
	}

	span := func(what, articleID string, start, end int) (string, error) {
		if articleID == "" {
			articleID = a.ID
		}
		if start < 0 || end < start || (articleID == a.ID && end > len(a.Text)) {
			return "", fmt.Errorf("%s span [%d:%d] outside the %d bytes of article %s: %w",
				what, start, end, len(a.Text), articleID, graph.ErrInvalid)
		}
		return articleID, nil
	}

	for _, e := range b.Entities {
		label, ok := entityLabel(e.Type)
		if e.ID == "" || !ok {
			return nil, fmt.Errorf("entity %q of type %q: %w", e.ID, e.Type, graph.ErrInvalid)
		}
		p.entityLabels[label] = append(p.entityLabels[label], e.ID)
		row := props("name", e.Name, "iso3", e.ISO3, "iso2", e.ISO2,
			"country", e.Country, "title", e.Title)
		if label == "Person" {
			// The key under which resolve finds spelling variants.
			if k := graph.NameKey(e.Name); k != "" {
				row["nameKey"] = k
			}
		}
		p.entities = append(p.entities, map[string]any{
			"id": e.ID, "type": e.Type, "props": row, "aliases": nonNil(e.Aliases), "batch": a.ID,
		})
	}

	for _, ev := range b.Events {
		label, ok := eventLabel(ev.Type)
		if ev.ID == "" || !ok {
			return nil, fmt.Errorf("event %q of type %q: %w", ev.ID, ev.Type, graph.ErrInvalid)
		}
		// An event of an undated article may have no date (graph.FromExtract
		// leaves its From and To zero); it is stored without date, from and to.
		from, to := ev.From, ev.To
		if (from.IsZero() || to.IsZero()) && (ev.Date != "" || ev.End != "") {
			var err error
			if from, to, err = graph.DateRange(ev.Date, ev.End); err != nil {
				return nil, fmt.Errorf("event %s: %w", ev.ID, err)
			}
		}
		p.eventLabels[label] = append(p.eventLabels[label], ev.ID)
		row := props(
			"label", ev.Label, "date", ev.Date, "end", ev.End,
			"precision", ev.Precision, "modality", ev.Modality, "subtype", ev.Subtype,
			"cameo", ev.CAMEO, "cameoRoot", ev.CAMEORoot, "attribution", ev.Attribution,
			"topic", ev.Topic, "origin", ev.Origin, "partOf", ev.PartOf)
		if !from.IsZero() && !to.IsZero() {
			row["from"] = neo4j.DateOf(from)
			row["to"] = neo4j.DateOf(to)
		}
		if len(ev.UnattributedActors) > 0 {
			row["unattributed"] = encodeUnattributed(ev.UnattributedActors)
		}
		for k, v := range map[string]int{"quadClass": ev.QuadClass, "ordinal": ev.Ordinal, "count": ev.Count} {
			if v != 0 {
				row[k] = v
			}
		}
		for k, v := range map[string]float64{"goldstein": ev.Goldstein, "confidence": ev.Confidence} {
			if v != 0 {
				row[k] = v
			}
		}
		p.events = append(p.events, map[string]any{"id": ev.ID, "type": ev.Type, "props": row,
			"override": reconciled, "batch": a.ID})

		for _, pt := range ev.Participants {
			if pt.EntityID == "" || pt.Role == "" {
				return nil, fmt.Errorf("event %s: participant %q with role %q: %w", ev.ID, pt.EntityID, pt.Role, graph.ErrInvalid)
			}
			p.participants = append(p.participants, map[string]any{
				"event": ev.ID, "entity": pt.EntityID, "role": pt.Role, "article": a.ID,
				"groups": anyList(pt.Groups), "sectors": anyList(pt.Sectors), "batch": a.ID})
		}
		for _, x := range ev.Evidence {
			art, err := span("event "+ev.ID+" evidence", x.ArticleID, x.Start, x.End)
			if err != nil {
				return nil, err
			}
			p.evidence = append(p.evidence, map[string]any{"event": ev.ID, "article": art, "start": x.Start, "end": x.End, "batch": a.ID})
		}
	}

	for _, m := range b.Mentions {
		art, err := span("mention of "+m.EntityID, m.ArticleID, m.Start, m.End)
		if err != nil {
			return nil, err
		}
		if m.EntityID == "" {
			return nil, fmt.Errorf("mention without entity: %w", graph.ErrInvalid)
		}
		p.mentions = append(p.mentions, map[string]any{"entity": m.EntityID, "article": art, "start": m.Start, "end": m.End, "batch": a.ID})
	}

	for _, r := range b.Relations {
		if r.Source == "" || r.Target == "" || r.Type == "" {
			return nil, fmt.Errorf("relation %q -%q-> %q: %w", r.Source, r.Type, r.Target, graph.ErrInvalid)
		}
		ev := []string{}
		for _, x := range r.Evidence {
			art, err := span("relation "+r.Source+" "+r.Type+" "+r.Target, x.ArticleID, x.Start, x.End)
			if err != nil {
				return nil, err
			}
			ev = append(ev, formatSpan(art, x.Start, x.End))
		}
		p.relations = append(p.relations, map[string]any{
			"source": r.Source, "target": r.Target, "type": r.Type,
			"props": props("role", r.Role, "date", r.Date), "evidence": ev, "article": a.ID, "batch": a.ID,
		})
	}
	return p, nil
}

// unset adds to the event rows the properties to remove, by event id.
func (p *ingest) unset(byEvent map[string][]string) {
	for _, r := range p.events {
		row := r.(map[string]any)
		if u := byEvent[row["id"].(string)]; len(u) > 0 {
			row["unset"] = u
		}
	}
}

// reports adds to the evidence rows the extractor ids of the reports each
// span supports (evidence_merge keeps them as anchors for re-ingest): the
// ones resolution recorded, else the event's own id.
func (p *ingest) reports(origins map[evidenceKey][]string) {
	for _, r := range p.evidence {
		row := r.(map[string]any)
		k := evidenceKey{row["event"].(string), row["article"].(string), row["start"].(int), row["end"].(int)}
		ids := unique(origins[k])
		if len(ids) == 0 {
			ids = []string{k.event}
		}
		row["reports"] = ids
	}
}

// writeRound runs the statements of a round's batches in tx, each kind of
// row of every batch in one statement, in the batches' order, and returns
// the articles whose batches changed the database. It may run more than
// once (the driver retries).
func writeRound(ctx context.Context, tx neo4j.ManagedTransaction, ps []*ingest) (map[string]bool, error) {
	changed := map[string]bool{}
	exec := func(query string, params map[string]any) (result, error) {
		res, err := run(ctx, tx, query, params)
		if err != nil || len(res.records) != 1 {
			return res, err
		}
		ids, _, err := neo4j.GetRecordValue[[]any](res.records[0], "changed")
		if err != nil {
			return res, err
		}
		for _, id := range stringsOf(ids) {
			changed[id] = true
		}
		return res, nil
	}
	all := func(rows func(*ingest) []any) []any {
		var out []any
		for _, p := range ps {
			out = append(out, rows(p)...)
		}
		return out
	}
	articles := all(func(p *ingest) []any {
		return []any{map[string]any{"id": p.articleID, "props": p.article, "batch": p.articleID}}
	})
	merge := func(what, query string, rows []any, check func(result) error) error {
		if len(rows) == 0 {
			return nil
		}
		res, err := exec(query, map[string]any{"rows": rows})
		if err == nil {
			err = check(res)
		}
		if err != nil {
			return fmt.Errorf("merge %s: %w", what, err)
		}
		return nil
	}
	label := func(query string, byLabel func(*ingest) map[string][]string) error {
		ids := map[string][]string{}
		for _, p := range ps {
			for l, xs := range byLabel(p) {
				ids[l] = append(ids[l], xs...)
			}
		}
		for _, l := range sortedKeys(ids) {
			if _, err := run(ctx, tx, withLabel(query, l), map[string]any{"ids": unique(ids[l])}); err != nil {
				return fmt.Errorf("label %s: %w", l, err)
			}
		}
		return nil
	}
	if err := merge("articles", articleMerge, articles, func(result) error { return nil }); err != nil {
		return nil, err
	}
	if err := merge("entities", entityMerge, all(func(p *ingest) []any { return p.entities }), noConflicts); err != nil {
		return nil, err
	}
	if err := label(entityLabelQuery, func(p *ingest) map[string][]string { return p.entityLabels }); err != nil {
		return nil, err
	}
	if err := merge("events", eventMerge, all(func(p *ingest) []any { return p.events }), noConflicts); err != nil {
		return nil, err
	}
	if err := label(eventLabelQuery, func(p *ingest) map[string][]string { return p.eventLabels }); err != nil {
		return nil, err
	}
	links := []struct {
		what string
		rows func(*ingest) []any
		q    string
	}{
		{"participants", func(p *ingest) []any { return p.participants }, participantMerge},
		{"evidence", func(p *ingest) []any { return p.evidence }, evidenceMerge},
		{"mentions", func(p *ingest) []any { return p.mentions }, mentionMerge},
		{"relations", func(p *ingest) []any { return p.relations }, relationMerge},
	}
	for _, l := range links {
		rows := all(l.rows)
		if err := merge(l.what, l.q, rows, allLinked(len(rows))); err != nil {
			return nil, err
		}
	}
	return changed, nil
}

// noConflicts checks the conflicts column of entity_merge and event_merge.
func noConflicts(res result) error {
	if len(res.records) != 1 {
		return fmt.Errorf("%d rows where one was expected", len(res.records))
	}
	ids, _, err := neo4j.GetRecordValue[[]any](res.records[0], "conflicts")
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		return fmt.Errorf("%v already stored with another type: %w", ids, graph.ErrConflict)
	}
	return nil
}

// allLinked checks the linked column of the link statements: a row whose
// ends were not found names an id that is neither in the batch nor stored.
func allLinked(want int) func(result) error {
	return func(res result) error {
		if len(res.records) != 1 {
			return fmt.Errorf("%d rows where one was expected", len(res.records))
		}
		n, _, err := neo4j.GetRecordValue[int64](res.records[0], "linked")
		if err != nil {
			return err
		}
		if int(n) != want {
			return fmt.Errorf("%d of %d links name an unknown id: %w", want-int(n), want, graph.ErrInvalid)
		}
		return nil
	}
}

// props builds a property map from key, value pairs, leaving out empty
// values.
func props(kv ...string) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			m[kv[i]] = kv[i+1]
		}
	}
	return m
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// formatSpan writes a relation's evidence span as it is stored:
// "<article id>[<start>:<end>]".
func formatSpan(articleID string, start, end int) string {
	return articleID + "[" + strconv.Itoa(start) + ":" + strconv.Itoa(end) + "]"
}

// parseSpan reads what formatSpan wrote. Article ids may hold any
// character, so the span is read from the last '['.
func parseSpan(s string) (graph.Evidence, bool) {
	i := strings.LastIndexByte(s, '[')
	if i < 0 || !strings.HasSuffix(s, "]") {
		return graph.Evidence{}, false
	}
	a, b, ok := strings.Cut(s[i+1:len(s)-1], ":")
	if !ok {
		return graph.Evidence{}, false
	}
	start, err1 := strconv.Atoi(a)
	end, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return graph.Evidence{}, false
	}
	return graph.Evidence{ArticleID: s[:i], Start: start, End: end}, true
}

// anyList is a list of strings as the driver takes it, never nil.
func anyList(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// encodeUnattributed stores unattributed actors as "role|name|sector"
// strings, a list Neo4j can hold as a property.
func encodeUnattributed(as []graph.UnattributedActor) []any {
	out := make([]any, len(as))
	for i, a := range as {
		out[i] = a.Role + "|" + a.Name + "|" + a.Sector
	}
	return out
}

// decodeUnattributed reads what encodeUnattributed stored.
func decodeUnattributed(v any) []graph.UnattributedActor {
	l, _ := v.([]any)
	var out []graph.UnattributedActor
	for _, x := range l {
		s, _ := x.(string)
		parts := strings.SplitN(s, "|", 3)
		if len(parts) == 3 {
			out = append(out, graph.UnattributedActor{Role: parts[0], Name: parts[1], Sector: parts[2]})
		}
	}
	return out
}

// minAhead is how many batches a round reads ahead for at least.
const minAhead = 32
