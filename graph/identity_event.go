package graph

import (
	"sort"
	"strings"
	"time"

	"github.com/dipgraph/dipgraph/extract"
)

// EventKey is what identity resolution compares of an event: its type
// and the features that tell one real event from another, with each
// participant reduced to what it stands for.
type EventKey struct {
	ID        string
	Type      string
	Subtype   string
	Modality  string
	Precision string
	Topic     string
	Ordinal   int
	From, To  time.Time
	// Actors holds the participants by role class: "source" (visitor,
	// speaker, actor, mediator, body), "target" (host, destination,
	// target) and "party" (participant, party). Other roles (location)
	// do not identify an event and are left out.
	Actors map[string]Actors
}

// Actors are the participants of one role class: the countries they are
// or belong to ("a person implies his country") and the persons and
// stateless bodies they name.
type Actors struct {
	Countries []string // ISO3, sorted
	Named     []string // entity ids of persons and of entities without a country, sorted
}

func (a Actors) empty() bool { return len(a.Countries) == 0 && len(a.Named) == 0 }

// RoleClass returns the role class of a participant role, or "" for a
// role that does not identify an event.
func RoleClass(role string) string {
	switch role {
	case "visitor", "speaker", "actor", "mediator", "body", "caller":
		return "source"
	case "host", "destination", "target", "recipient":
		return "target"
	case "participant", "party":
		return "party"
	}
	return ""
}

// CountryOf returns the ISO3 code of the country e is, or belongs to, or
// "" when that is not known.
func CountryOf(e Entity) string {
	if e.Type == extract.TypeCountry {
		if e.ISO3 != "" {
			return e.ISO3
		}
		return strings.TrimPrefix(e.ID, "country:")
	}
	return e.Country
}

// KeyOf returns the key of ev. entities gives the entities its
// participants name; a participant missing from it counts as a named
// actor without a country.
func KeyOf(ev Event, entities map[string]Entity) EventKey {
	k := EventKey{
		ID: ev.ID, Type: ev.Type, Subtype: ev.Subtype, Modality: ev.Modality,
		Precision: ev.Precision, Topic: ev.Topic, Ordinal: ev.Ordinal,
		From: ev.From, To: ev.To, Actors: map[string]Actors{},
	}
	if k.From.IsZero() || k.To.IsZero() {
		k.From, k.To, _ = DateRange(ev.Date, ev.End)
	}
	if k.Precision == "" {
		k.Precision = precisionOf(ev.Date)
	}
	sets := map[string][2]map[string]bool{}
	for _, p := range ev.Participants {
		class := RoleClass(p.Role)
		if class == "" {
			continue
		}
		s, ok := sets[class]
		if !ok {
			s = [2]map[string]bool{{}, {}}
			sets[class] = s
		}
		e, known := entities[p.EntityID]
		c := ""
		if known {
			c = CountryOf(e)
		}
		if c != "" {
			s[0][c] = true
		}
		if !known || e.Type == extract.TypePerson || c == "" {
			s[1][p.EntityID] = true
		}
	}
	for class, s := range sets {
		k.Actors[class] = Actors{Countries: sortedSet(s[0]), Named: sortedSet(s[1])}
	}
	return k
}

func sortedSet(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ModalityClass groups modalities that may describe one real event: a
// planned visit that took place is the visit asserted afterwards, and an
// asserted event is historical in a later article ("fact"); a negated
// or a hypothetical event is a claim of its own kind.
func ModalityClass(m string) string {
	switch m {
	case extract.ModalityNegated, extract.ModalityHypothetical:
		return m
	}
	return "fact"
}

// Slack is how far apart, in days, two reports of one event may date it
// beyond the days their dates cover: a day-precise date may be a day
// off (time zones, an arrival late on the eve), except for statements,
// which officials make daily; a date derived from the publication time
// says only that the event was near it, a week either way.
func Slack(typ, precision string) time.Duration {
	const day = 24 * time.Hour
	switch precision {
	case extract.PrecisionDerived:
		return 7 * day
	case extract.PrecisionDay, "":
		if typ == extract.TypeStatement {
			return 0
		}
		return day
	}
	return 0
}

// DatesMeet reports whether the date windows of a and b overlap, each
// widened by the larger Slack of the two.
func DatesMeet(a, b EventKey) bool {
	slack := max(Slack(a.Type, a.Precision), Slack(b.Type, b.Precision))
	return !a.From.After(b.To.Add(slack)) && !b.From.After(a.To.Add(slack))
}

// datesOverlap reports whether the date windows of a and b overlap
// without slack.
func datesOverlap(a, b EventKey) bool {
	return !a.From.After(b.To) && !b.From.After(a.To)
}

// SameEvent reports whether two event keys describe one real event. The
// rules, all of which must hold:
//
//   - the same type;
//   - the same modality class (ModalityClass);
//   - overlapping date windows (DatesMeet), at precisions at most one
//     level apart (day or derived, month, year, decade): a month may be
//     a day's, a year a month's, but a year is too coarse to say which
//     of a year's visits a dated report is;
//   - no conflicting ordinal (the 25th and the 26th anniversary), and for
//     anniversaries and resolutions no conflicting topic (neither contains
//     the other); for agreements and military actions no conflicting
//     subtype (a treaty is not a ceasefire; "agreement" and "attack" are
//     generic and agree with any);
//   - compatible participants in each role class both name: the same
//     countries (for parties, a subset also does when the smaller side
//     names at least two countries, or when its persons are among the
//     other's: a summit reported with fewer members), and persons of
//     which one side's are among the other's (Lavrov's visit is not
//     Putin's, the Lavrov-Mammadyarov talks not the Lavrov-Aliyev ones);
//   - enough in common to pin the event down: two countries or named
//     actors (a person counts with his country), or, on the same day
//     without slack, one named actor (a body's two reports of its
//     statement). One shared country alone ("cooperation with the United
//     States in 2021") would make a magnet of every sparse report.
func SameEvent(a, b EventKey) bool {
	if a.Type != b.Type || ModalityClass(a.Modality) != ModalityClass(b.Modality) || !DatesMeet(a, b) {
		return false
	}
	if d := precisionLevel(a) - precisionLevel(b); d > 1 || d < -1 {
		return false
	}
	if a.Ordinal != 0 && b.Ordinal != 0 && a.Ordinal != b.Ordinal {
		return false
	}
	switch a.Type {
	case extract.TypeAnniversary, extract.TypeResolution:
		ta, tb := strings.ToLower(a.Topic), strings.ToLower(b.Topic)
		if ta != "" && tb != "" && !strings.Contains(ta, tb) && !strings.Contains(tb, ta) {
			return false
		}
	case extract.TypeAgreement, extract.TypeMilitaryAction:
		generic := func(s string) bool { return s == "" || s == "agreement" || s == "attack" }
		if a.Subtype != b.Subtype && !generic(a.Subtype) && !generic(b.Subtype) {
			return false
		}
	}
	for _, class := range []string{"source", "target", "party"} {
		x, y := a.Actors[class], b.Actors[class]
		if x.empty() || y.empty() {
			continue
		}
		if len(x.Named) > 0 && len(y.Named) > 0 && !nested(x.Named, y.Named) {
			return false
		}
		if len(x.Countries) > 0 && len(y.Countries) > 0 && !equal(x.Countries, y.Countries) {
			ok := class == "party" && nested(x.Countries, y.Countries) &&
				(min(len(x.Countries), len(y.Countries)) >= 2 ||
					(len(x.Named) > 0 && len(y.Named) > 0))
			if !ok {
				return false
			}
		}
	}
	countries, named := sharedActors(a, b)
	return countries+named >= 2 ||
		(named >= 1 && precisionLevel(a) == 3 && precisionLevel(b) == 3 && datesOverlap(a, b))
}

// precisionLevel places a key's precision on the scale SameEvent
// compares: 3 for a day (or a date derived from the publication day), 2
// for a month, 1 for a year, 0 for a decade.
func precisionLevel(k EventKey) int {
	switch k.Precision {
	case extract.PrecisionMonth:
		return 2
	case extract.PrecisionYear:
		return 1
	case extract.PrecisionDecade:
		return 0
	}
	return 3
}

// sharedActors counts the distinct countries and named actors a and b
// have in common, over all role classes.
func sharedActors(a, b EventKey) (countries, named int) {
	seenC, seenN := map[string]bool{}, map[string]bool{}
	for class, x := range a.Actors {
		y := b.Actors[class]
		for _, c := range x.Countries {
			if contains(y.Countries, c) {
				seenC[c] = true
			}
		}
		for _, n := range x.Named {
			if contains(y.Named, n) {
				seenN[n] = true
			}
		}
	}
	return len(seenC), len(seenN)
}

func contains(sorted []string, s string) bool {
	i := sort.SearchStrings(sorted, s)
	return i < len(sorted) && sorted[i] == s
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// nested reports whether one sorted set holds the other.
func nested(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for _, x := range a {
		i := sort.SearchStrings(b, x)
		if i == len(b) || b[i] != x {
			return false
		}
	}
	return true
}

func shared(a, b EventKey) int {
	n := 0
	for class, x := range a.Actors {
		y := b.Actors[class]
		for _, s := range [][2][]string{{x.Countries, y.Countries}, {x.Named, y.Named}} {
			for _, v := range s[0] {
				i := sort.SearchStrings(s[1], v)
				if i < len(s[1]) && s[1][i] == v {
					n++
				}
			}
		}
	}
	return n
}

// EventCandidate is a stored event that a new report may be of.
type EventCandidate struct {
	Key EventKey
	// Anchored means the candidate already holds evidence from the
	// report's article at one of the report's spans: the article was
	// ingested before and its report filed under this event.
	Anchored bool
}

// PickEvent decides under which id a report (in) of an event is filed,
// given the stored events it may be of, and whether that is another
// event than in.ID.
//
//   - An anchored candidate of its type takes it: the article was
//     ingested before and this report filed there. That decision stands,
//     even when the stored event has since moved (a finer date from
//     another report) or another article has since stored an event under
//     the report's own id, so re-ingesting an article changes nothing.
//     Among several anchored ones: the one with the report's id, then
//     those for which SameEvent holds, then the smaller id.
//   - Otherwise a stored event with the report's own id takes it when
//     their modality classes agree, or when their types differ (that
//     clash is the store's conflict to report). Otherwise the report is
//     another claim about the same occasion (a visit denied after it was
//     announced) and is filed apart: with a matching candidate, or under
//     the id qualified by its modality (QualifiedEventID).
//   - Otherwise the candidates for which SameEvent holds are ranked:
//     those whose dates overlap without slack first, then the finer
//     precision, then the more shared actors, then the smaller id.
//   - A report dated coarser than a day (month, year, derived) that
//     matches more than one candidate is ambiguous ("in November" when
//     two November visits are stored) and stays apart.
func PickEvent(in EventKey, cands []EventCandidate) (id string, merged bool) {
	var anchored []EventCandidate
	for _, c := range cands {
		if c.Anchored && c.Key.Type == in.Type {
			anchored = append(anchored, c)
		}
	}
	if len(anchored) > 0 {
		sort.SliceStable(anchored, func(i, j int) bool {
			a, b := anchored[i], anchored[j]
			if oa, ob := a.Key.ID == in.ID, b.Key.ID == in.ID; oa != ob {
				return oa
			}
			if sa, sb := SameEvent(in, a.Key), SameEvent(in, b.Key); sa != sb {
				return sa
			}
			return a.Key.ID < b.Key.ID
		})
		id := anchored[0].Key.ID
		return id, id != in.ID
	}

	own := in.ID
	var matches []EventCandidate
	for _, c := range cands {
		if c.Key.ID == in.ID {
			if c.Key.Type != in.Type || ModalityClass(c.Key.Modality) == ModalityClass(in.Modality) {
				return in.ID, false
			}
			own = QualifiedEventID(in)
			continue
		}
		if SameEvent(in, c.Key) {
			matches = append(matches, c)
		}
	}
	if len(matches) == 0 {
		return own, own != in.ID
	}
	sort.SliceStable(matches, func(i, j int) bool {
		a, b := matches[i], matches[j]
		if oa, ob := datesOverlap(in, a.Key), datesOverlap(in, b.Key); oa != ob {
			return oa
		}
		if ra, rb := precisionRank(a.Key.Precision), precisionRank(b.Key.Precision); ra != rb {
			return ra > rb
		}
		if sa, sb := shared(in, a.Key), shared(in, b.Key); sa != sb {
			return sa > sb
		}
		return a.Key.ID < b.Key.ID
	})
	if len(matches) > 1 && precisionRank(in.Precision) < precisionRank(extract.PrecisionDay) {
		return own, own != in.ID
	}
	return matches[0].Key.ID, true
}

// QualifiedEventID is the id of a report whose extractor id is taken by
// a report of another modality class: the id with the modality appended
// after a dot.
func QualifiedEventID(k EventKey) string {
	return k.ID + "." + k.Modality
}

// precisionRank orders date precisions from the least to the most
// exact; a date derived from the publication time is the least.
func precisionRank(p string) int {
	switch p {
	case extract.PrecisionDay:
		return 4
	case extract.PrecisionMonth:
		return 3
	case extract.PrecisionYear:
		return 2
	case extract.PrecisionDecade:
		return 1
	}
	return 0
}

// precisionOf infers the precision of an ISO 8601 date from its form,
// for events that do not say.
func precisionOf(date string) string {
	switch len(date) {
	case len("2006-01-02"):
		return extract.PrecisionDay
	case len("2006-01"):
		return extract.PrecisionMonth
	case len("2006"):
		return extract.PrecisionYear
	}
	return ""
}

// modalityRank orders the modalities of the "fact" class: a planned
// event that is later asserted was held; an asserted report outranks a
// later article's historical mention.
func modalityRank(m string) int {
	switch m {
	case extract.ModalityAsserted:
		return 3
	case extract.ModalityHistorical:
		return 2
	case extract.ModalityPlanned:
		return 1
	}
	return 0
}

// betterDate reports whether a's date should replace b's: the finer
// precision; at equal precision a range over a single date; then the
// earlier date and end, so the choice does not depend on which report
// came first.
func betterDate(a, b Event) bool {
	pa, pb := a.Precision, b.Precision
	if pa == "" {
		pa = precisionOf(a.Date)
	}
	if pb == "" {
		pb = precisionOf(b.Date)
	}
	if ra, rb := precisionRank(pa), precisionRank(pb); ra != rb {
		return ra > rb
	}
	if (a.End != "") != (b.End != "") {
		return a.End != ""
	}
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	return a.End < b.End
}

// Reconcile returns the report ev as it is to be written onto the
// stored event of the same id: ev's values, except that the date is the
// better of the two (betterDate), the modality never falls back (planned
// -> historical -> asserted) and the confidence is the higher. These three
// only ever move one way, so a store may let them replace what it holds;
// of the other values it keeps its own. Participants and evidence are
// ev's; the store adds them to the stored ones.
func Reconcile(stored, ev Event) Event {
	out := ev
	if ev.Date == "" || betterDate(stored, ev) {
		out.Date, out.End, out.From, out.To, out.Precision = stored.Date, stored.End, stored.From, stored.To, stored.Precision
	}
	if ModalityClass(stored.Modality) == ModalityClass(ev.Modality) && modalityRank(stored.Modality) > modalityRank(ev.Modality) {
		out.Modality = stored.Modality
	}
	out.Confidence = max(stored.Confidence, ev.Confidence)
	return out
}

// Absorb returns the report ev, filed under the stored event it was
// found to be (PickEvent), as it is to be written: with the stored id;
// the stored event's descriptive values (label, CAMEO, Goldstein,
// attribution, ...) kept and only its empty ones filled from ev, so the
// first report names the event whichever article comes later; the date,
// modality and confidence reconciled as by Reconcile.
func Absorb(stored, ev Event) Event {
	out := Reconcile(stored, ev)
	out.ID = stored.ID
	fill := func(dst *string, s string) {
		if s != "" {
			*dst = s
		}
	}
	fill(&out.Label, stored.Label)
	fill(&out.Subtype, stored.Subtype)
	fill(&out.CAMEO, stored.CAMEO)
	fill(&out.CAMEORoot, stored.CAMEORoot)
	fill(&out.Attribution, stored.Attribution)
	fill(&out.Topic, stored.Topic)
	fill(&out.Origin, stored.Origin)
	fill(&out.PartOf, stored.PartOf)
	if stored.QuadClass != 0 {
		out.QuadClass = stored.QuadClass
	}
	if stored.Goldstein != 0 {
		out.Goldstein = stored.Goldstein
	}
	if stored.Ordinal != 0 {
		out.Ordinal = stored.Ordinal
	}
	if stored.Count != 0 {
		out.Count = stored.Count
	}
	return out
}
