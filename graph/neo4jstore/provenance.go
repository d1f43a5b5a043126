package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/dipgraph/dipgraph/graph"
)

// Claims: what each article said, kept so that DeleteArticle can take
// back what only it gave (see doc.go, Invariants, and DeleteArticle).
//
// A node or link holds the union, or the best, of what its reports say:
// an event's date is the finest any report gives (graph.Reconcile), an
// entity's aliases are every name any report used, a participant link's
// groups and sectors those of every report. The article node keeps its
// own claims as the list property claims, one string each, fields
// separated by tabs:
//
//	event   <event id> <date> <end> <precision> <confidence>
//	alias   <entity id> <name>
//	group   <event id> <role> <entity id> <group>
//	sector  <event id> <role> <entity id> <sector>
//
// under the ids resolution filed them under, with the values the article
// itself gave (before they were reconciled with the stored ones). An
// article stored before claims were kept has no claims property; what it
// may have given is then unknown, and DeleteArticle leaves the values it
// could have touched as they are.
const (
	claimEvent  = "event"
	claimAlias  = "alias"
	claimGroup  = "group"
	claimSector = "sector"
)

var articleClaimsSet = mustQuery("article_claims_set")

// claim joins the fields of one claim; a tab inside a value becomes a
// space.
func claim(fields ...string) string {
	for i, f := range fields {
		fields[i] = strings.ReplaceAll(f, "\t", " ")
	}
	return strings.Join(fields, "\t")
}

// entityClaims are the names an article gives its entities: each one's
// name and aliases as the article has them, under the id resolution filed
// the entity under (renames maps batch ids to those).
func entityClaims(entities []graph.Entity, renames map[string]string) []string {
	var out []string
	for _, e := range entities {
		id := e.ID
		if to := renames[id]; to != "" {
			id = to
		}
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			if name != "" {
				out = append(out, claim(claimAlias, id, name))
			}
		}
	}
	return out
}

// eventClaims are the dates and confidences an article gives its events
// (raw: as reported, before reconciling), under the ids they were filed
// under (renames), and the groups and sectors it names on their
// participant links (b: the resolved batch).
func eventClaims(raw []graph.Event, renames map[string]string, b graph.Batch) []string {
	var out []string
	for _, ev := range raw {
		id := ev.ID
		if to := renames[id]; to != "" {
			id = to
		}
		out = append(out, claim(claimEvent, id, ev.Date, ev.End, ev.Precision, formatConfidence(ev.Confidence)))
	}
	for _, ev := range b.Events {
		for _, p := range ev.Participants {
			for _, g := range p.Groups {
				out = append(out, claim(claimGroup, ev.ID, p.Role, p.EntityID, g))
			}
			for _, s := range p.Sectors {
				out = append(out, claim(claimSector, ev.ID, p.Role, p.EntityID, s))
			}
		}
	}
	return out
}

func formatConfidence(c float64) string {
	if c == 0 {
		return ""
	}
	return strconv.FormatFloat(c, 'g', -1, 64)
}

// recordClaims stores, for each article of a round, its claims, sorted
// and without repeats, creating the article node if Ingest has not
// written it yet (it fills in the rest). It changes nothing for an
// article that holds those claims already.
func recordClaims(ctx context.Context, tx neo4j.ManagedTransaction, round []resolved) error {
	rows := make([]any, 0, len(round))
	for _, r := range round {
		claims := slices.Clone(r.claims)
		slices.Sort(claims)
		claims = slices.Compact(claims)
		if claims == nil {
			claims = []string{}
		}
		rows = append(rows, map[string]any{"id": r.batch.Article.ID, "claims": claims})
	}
	if _, err := run(ctx, tx, articleClaimsSet, map[string]any{"rows": rows}); err != nil {
		return fmt.Errorf("record claims: %w", err)
	}
	return nil
}

// reports holds, by article, the claims that articles still reporting an
// event (or naming an entity) make about it, as article_restore_read and
// article_aliases_read return them; nil for an article without claims
// recorded.
type reports map[string][]string

// readReports reads a column of {article, claims} maps.
func readReports(v any) reports {
	out := reports{}
	l, _ := v.([]any)
	for _, x := range l {
		m, _ := x.(map[string]any)
		id, _ := m["article"].(string)
		cl, ok := m["claims"].([]any)
		if !ok {
			out[id] = nil
			continue
		}
		claims := make([]string, 0, len(cl))
		for _, c := range cl {
			if s, ok := c.(string); ok {
				claims = append(claims, s)
			}
		}
		out[id] = claims
	}
	return out
}

// fields returns the fields after kind and prefix of one article's
// claims of that kind.
func fields(claims []string, kind string, prefix ...string) [][]string {
	var out [][]string
	for _, c := range claims {
		f := strings.Split(c, "\t")
		if len(f) < 1+len(prefix) || f[0] != kind || !slices.Equal(f[1:1+len(prefix)], prefix) {
			continue
		}
		out = append(out, f[1+len(prefix):])
	}
	return out
}

// bestDate folds the date claims the reports make about the event with
// graph.Reconcile, as Ingest did when they came: the best date (the
// finest), the highest confidence. ok is false when a report has no
// claims recorded or none about the event, or no report is left: what the
// event holds cannot be recomputed then.
func (rs reports) bestDate(eventID string) (graph.Event, bool) {
	if len(rs) == 0 {
		return graph.Event{}, false
	}
	var all [][]string
	for _, claims := range rs {
		f := fields(claims, claimEvent, eventID)
		if claims == nil || len(f) == 0 {
			return graph.Event{}, false
		}
		all = append(all, f...)
	}
	// In a fixed order, though graph.Reconcile's date and confidence do
	// not depend on it.
	slices.SortFunc(all, func(a, b []string) int { return strings.Compare(strings.Join(a, "\t"), strings.Join(b, "\t")) })
	var acc graph.Event
	for i, f := range all {
		if len(f) != 4 {
			return graph.Event{}, false
		}
		ev := graph.Event{Date: f[0], End: f[1], Precision: f[2]}
		if f[3] != "" {
			ev.Confidence, _ = strconv.ParseFloat(f[3], 64)
		}
		if i == 0 {
			acc = ev
			continue
		}
		acc = graph.Reconcile(acc, ev)
	}
	if acc.Date != "" {
		from, to, err := graph.DateRange(acc.Date, acc.End)
		if err != nil {
			return graph.Event{}, false
		}
		acc.From, acc.To = from, to
	}
	return acc, true
}

// values returns what the given articles claim of kind (group, sector)
// about the link (event, role, entity), sorted and without repeats; ok is
// false when one of them has no claims recorded or is not among rs.
func (rs reports) values(articles []string, kind, eventID, role, entityID string) ([]string, bool) {
	var out []string
	for _, a := range articles {
		claims, ok := rs[a]
		if !ok || claims == nil {
			return nil, false
		}
		for _, f := range fields(claims, kind, eventID, role, entityID) {
			if len(f) == 1 {
				out = append(out, f[0])
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), true
}

// names returns the names the reports give the entity; ok is false when
// one of them has no claims recorded.
func (rs reports) names(entityID string) (map[string]bool, bool) {
	out := map[string]bool{}
	for _, claims := range rs {
		if claims == nil {
			return nil, false
		}
		for _, f := range fields(claims, claimAlias, entityID) {
			if len(f) == 1 {
				out[f[0]] = true
			}
		}
	}
	return out, true
}

// listOf reads a list of strings the driver returned as any; nil for
// none or null.
func listOf(v any) []string {
	l, _ := v.([]any)
	return stringsOf(l)
}
