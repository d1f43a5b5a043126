package extract

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// ErrEmpty is returned for input with no usable text.
var ErrEmpty = errors.New("extract: empty article text")

// ErrInvalidUTF8 is returned for input that is not UTF-8 text.
var ErrInvalidUTF8 = errors.New("extract: article text is not valid UTF-8")

var (
	tablesOnce sync.Once
	triggers   *triggerIndex
	bodies     []body
)

// extraction is the state of one call to Extract.
type extraction struct {
	d            *doc
	triggers     *triggerIndex
	ref          time.Time
	haveRef      bool
	pubDate      string
	events       []*event
	byKey        map[string]*event
	rels         []relation
	count        map[*entity]int
	lastConflict *event
	lastSubj     []mention // the subjects of the last verb, for "... and praised"
	clause       clause    // the reported speech of the sentence being read
	headline     []string  // the countries the headline names (headline.go)
}

func (x *extraction) pubYear() string {
	if len(x.pubDate) >= 4 {
		return x.pubDate[:4]
	}
	return ""
}

// Extract reads one article and returns its entities and events. It fails
// only when the input has no usable text; everything uncertain is data.
// The result depends on the input alone: no clock, no I/O.
func Extract(in Input) (Result, error) {
	if strings.TrimSpace(in.Text) == "" {
		return Result{}, ErrEmpty
	}
	if !utf8.ValidString(in.Text) {
		return Result{}, ErrInvalidUTF8
	}
	x, art := begin(in)
	d := x.d
	d.syn = make([]*syntax, len(d.sents))
	for si := range d.sents {
		d.ments[si] = d.findMentions(si)
		d.markLists(si)
		if in.Parse != nil {
			d.syn[si] = newSyntax(in.Parse.At(d.sents[si].Start), d.sents[si].tokens, d.ments[si])
			d.syn[si].tiePeople()
		}
		for _, m := range d.ments[si] {
			if m.ent != nil {
				m.ent.mentions = append(m.ent.mentions, m.Span)
				x.count[m.ent]++
			}
		}
		x.findEvents(si)
	}
	x.headlineTargets()
	x.titleCountries()
	x.datelineOfficials()
	x.dropStances()
	x.tripDays()
	x.finish()
	return x.result(art), nil
}

// begin reads the header, the sentences and the context of an article
// (issuer, signer, dateline, author): what the stages before the
// mentions give. in has usable text.
func begin(in Input) (*extraction, Article) {
	loadTables()
	text := in.Text
	h := parseArticle(text, in)
	art := Article{
		ID: articleID(in), Title: firstOf(strings.TrimSpace(in.Title), h.title),
		Published: h.published, Source: firstOf(in.Source, h.agency), Section: h.section,
		Author: h.author, Dateline: h.dateline, URL: in.URL, Body: h.body, Text: text,
	}
	if in.Published != "" {
		if t, hasClock, ok := parsePublished(in.Published); ok {
			if hasClock {
				art.Published = t.Format(time.RFC3339)
			} else {
				art.Published = t.Format("2006-01-02")
			}
		}
	}
	x := &extraction{
		d:        &doc{g: loadGazetteer(), people: loadPeople(), bodies: bodies, text: text, ents: map[string]*entity{}, day: openEnd},
		triggers: triggers, byKey: map[string]*event{}, count: map[*entity]int{},
	}
	if t, _, ok := parsePublished(art.Published); ok {
		x.ref, x.haveRef = t, true
		x.pubDate = t.Format("2006-01-02")
		x.d.day = t.Year()*10000 + int(t.Month())*100 + t.Day()
	}
	d := x.d
	d.artID = art.ID
	head := headLines(text)
	d.publisher = issuer(in, head, d.g)
	d.findSigner(in, head)
	x.headline = d.headlineCountries(art.Title)
	d.sents = splitSentences(text, h.paragraphs)
	d.ments = make([][]mention, len(d.sents))

	// The dateline place, for context only: "Baku, Azerbaijan".
	if h.dateline != "" {
		dl := tokenize(h.dateline, 0)
		if es, n := d.g.lookup(dl); n > 0 {
			e := pick(es, d)
			if e.kind == kindCapital || e.kind == kindCity {
				d.dateline = e.iso3
			}
		}
	}
	if h.author != "" {
		p := d.personEntity(h.author)
		p.occupation = "journalist"
		p.gender = guessGender("", h.author)
	}

	return x, art
}

// loadTables reads the embedded trigger and body tables once.
func loadTables() {
	tablesOnce.Do(func() {
		triggers = newTriggerIndex(loadTriggers())
		bodies = loadBodies()
		for _, b := range bodies {
			for _, p := range b.patterns {
				bodyStarts[p[0]] = true
			}
		}
	})
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// finish ties events to their conflicts and sets historical modality.
func (x *extraction) finish() {
	for _, ev := range x.events {
		if ev.conflict != nil && ev.conflict.typ == "" {
			ev.conflict = x.byKey[ev.conflict.key]
		}
		if c := ev.conflict; c != nil && !ev.hasRole("party", "actor", "target") {
			for _, p := range c.parts {
				if p.role == "party" {
					ev.addPart("party", p.ent)
				}
			}
		}
		if x.haveRef && ev.precision != PrecisionDerived && ev.precision != PrecisionUnknown && ev.modality == ModalityAsserted {
			if end := firstOf(ev.end, ev.date); end < x.pubYear() || (ev.precision == PrecisionYear && end < x.pubYear()) {
				ev.modality = ModalityHistorical
			}
		}
		if x.haveRef && ev.modality == ModalityAsserted && ev.precision == PrecisionDay && ev.date > x.pubDate {
			ev.modality = ModalityPlanned
		}
	}
}

// result builds the node-link output in a deterministic order.
func (x *extraction) result(art Article) Result {
	r := Result{Article: art, Nodes: []Node{}, Edges: []Edge{}}
	used := map[*entity]bool{}
	for _, e := range x.d.order {
		if len(e.mentions) > 0 && !x.d.onlyListed(e) || e.occupation != "" {
			used[e] = true
		}
	}
	// Entities a person or body belongs to are part of the graph too.
	for _, e := range x.d.order {
		if !used[e] {
			continue
		}
		if e.org != "" {
			if o, ok := x.d.ents[e.org]; ok {
				used[o] = true
			}
		}
	}
	for _, ev := range x.events {
		for _, p := range ev.parts {
			used[p.ent] = true
			// the country an official, body or group acts for takes part too
			if (p.ent.typ == TypePerson || p.ent.typ == TypeOrganization || p.ent.typ == typeGroup) && p.ent.country != "" {
				if c := x.d.countryEntity(p.ent.country); c != nil {
					used[c] = true
				}
			}
		}
	}
	nodeIDs := map[string]bool{}
	for _, e := range x.d.order {
		if !used[e] || e.typ == typeGroup {
			continue
		}
		props := map[string]any{}
		switch e.typ {
		case TypeCountry:
			props[PropISO3] = e.iso3
			if e.iso2 != "" {
				props[PropISO2] = e.iso2
			}
		default:
			if e.country != "" {
				props[PropCountry] = e.country
			}
		}
		if e.title != "" {
			props[PropTitle] = e.title
		}
		if e.countryFrom != "" {
			props[PropCountryFrom] = e.countryFrom
		}
		if e.sector != "" && e.typ == TypePerson {
			props[PropSector] = e.sector
		}
		if e.occupation != "" {
			props[PropOccupation] = e.occupation
		}
		if e.orgKind != "" {
			props["kind"] = e.orgKind
		}
		if len(e.mentions) > 0 {
			props[PropMentions] = e.mentions
		}
		if len(e.aliases) > 0 {
			props[PropAliases] = append([]string(nil), e.aliases...)
		}
		r.Nodes = append(r.Nodes, Node{ID: e.id, Type: e.typ, Name: e.name, Properties: props})
		nodeIDs[e.id] = true
	}
	// Relations between entities: a person's office, a body's country, a
	// city's country, and what the text states.
	addEdge := func(src, dst, typ string, props map[string]any) {
		if nodeIDs[src] && nodeIDs[dst] && src != dst {
			if props == nil {
				props = map[string]any{}
			}
			r.Edges = append(r.Edges, Edge{Source: src, Target: dst, Type: typ, Properties: props})
		}
	}
	for _, e := range x.d.order {
		if !nodeIDs[e.id] {
			continue
		}
		switch e.typ {
		case TypePerson:
			if e.org != "" {
				addEdge(e.id, e.org, "OFFICIAL_OF", map[string]any{"role": e.title})
			} else if e.country != "" {
				addEdge(e.id, "country:"+e.country, "OFFICIAL_OF", map[string]any{"role": e.title})
			}
			if e.occupation == "journalist" {
				r.Edges = append(r.Edges, Edge{Source: e.id, Target: art.ID, Type: "AUTHORED", Properties: map[string]any{}})
			}
		case TypeOrganization:
			if e.parent != "" {
				addEdge(e.id, e.parent, "PART_OF", nil)
			} else if e.country != "" {
				addEdge(e.id, "country:"+e.country, "PART_OF", nil)
			}
		case TypePlace, TypeRegion:
			if e.country != "" {
				addEdge(e.id, "country:"+e.country, "LOCATED_IN", nil)
			}
		}
	}
	for _, rel := range x.rels {
		props := map[string]any{PropEvidence: []Span{rel.ev}}
		if rel.date != "" {
			props[PropDate] = rel.date
		}
		if rel.role != "" {
			props["role"] = rel.role
		}
		addEdge(rel.a.id, rel.b.id, rel.typ, props)
	}
	// Events.
	ids := map[*event]string{}
	for _, ev := range x.events {
		if len(ev.parts) == 0 {
			continue
		}
		id := eventID(ev)
		if nodeIDs[id] {
			continue
		}
		ids[ev] = id
		nodeIDs[id] = true
	}
	for _, ev := range x.events {
		id, ok := ids[ev]
		if !ok {
			continue
		}
		props := map[string]any{
			PropDate: ev.date, PropPrecision: ev.precision, PropModality: ev.modality,
			PropEvidence: ev.evidence, PropConfidence: confidence(ev),
		}
		if ev.end != "" {
			props[PropEnd] = ev.end
		}
		if ev.trigger != "" {
			props[PropTrigger] = ev.trigger
		}
		if ev.targetFrom != "" {
			props[PropTargetFrom] = ev.targetFrom
		}
		if ev.cameo != "" {
			props[PropCAMEO] = ev.cameo
			props[PropCAMEORoot] = cameoRoot(ev.cameo)
			props[PropQuadClass] = QuadClass(ev.cameo)
			props[PropGoldstein] = goldstein(ev.cameo)
			if t, m := plover(ev.cameo); t != "" {
				props[PropPLOVER] = t
				if m != "" {
					props[PropPLOVERMode] = m
				}
			}
		}
		if ev.subtype != "" {
			props[PropSubtype] = ev.subtype
		}
		if ev.attribution != nil {
			props[PropAttribution] = ev.attribution.id
		} else {
			props[PropAttribution] = "narrative"
		}
		if ev.ordinal > 0 {
			props[PropOrdinal] = ev.ordinal
		}
		if ev.origin != "" {
			props[PropOrigin] = ev.origin
		}
		if ev.count > 0 {
			props[PropCount] = ev.count
		}
		if ev.topic != "" {
			props[PropTopic] = ev.topic
		}
		if ev.conflict != nil {
			if cid, ok := ids[ev.conflict]; ok && cid != id {
				props[PropPartOf] = cid
			}
		}
		if ev.since {
			props[PropSince] = true
		}
		var unattributed []GroupActor
		linked := map[[2]string]int{} // (target, role) -> index in r.Edges
		for _, p := range ev.parts {
			target := p.ent.id
			if p.ent.typ == typeGroup {
				if p.ent.country == "" {
					unattributed = append(unattributed, GroupActor{Role: p.role, Name: p.ent.name, Sector: p.ent.sector})
					continue
				}
				// a group acts for its country: the edge says which groups
				target = "country:" + p.ent.country
			}
			if !nodeIDs[target] {
				continue
			}
			k, ok := linked[[2]string{target, p.role}]
			if !ok {
				k = len(r.Edges)
				linked[[2]string{target, p.role}] = k
				r.Edges = append(r.Edges, Edge{Source: id, Target: target, Type: p.role, Properties: map[string]any{}})
			}
			if p.ent.typ == typeGroup {
				props := r.Edges[k].Properties
				gs, _ := props[PropGroups].([]string)
				ss, _ := props[PropSectors].([]string)
				props[PropGroups], props[PropSectors] = append(gs, p.ent.name), append(ss, p.ent.sector)
			}
		}
		if len(unattributed) > 0 {
			props[PropUnattributed] = unattributed
		}
		if side := sideIDs(ev, nodeIDs); len(side) > 0 {
			props[PropSide] = side
		}
		r.Nodes = append(r.Nodes, Node{ID: id, Type: ev.typ, Name: label(ev), Properties: props})
	}
	sort.SliceStable(r.Nodes, func(i, j int) bool {
		if r.Nodes[i].Type != r.Nodes[j].Type {
			return r.Nodes[i].Type < r.Nodes[j].Type
		}
		return r.Nodes[i].ID < r.Nodes[j].ID
	})
	sort.SliceStable(r.Edges, func(i, j int) bool {
		a, b := r.Edges[i], r.Edges[j]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Target < b.Target
	})
	return r
}

func confidence(ev *event) float64 {
	c := 0.6
	if ev.dated {
		c += 0.2
	}
	if len(ev.parts) >= 2 {
		c += 0.1
	}
	if len(ev.evidence) > 1 {
		c += 0.1
	}
	if c > 1 {
		c = 1
	}
	return float64(int(c*100+0.5)) / 100
}

// label is a short human label: "Visit: Sergey Lavrov to Azerbaijan".
func label(ev *event) string {
	if ev.label != "" {
		return ev.label
	}
	names := func(role string) string {
		var n []string
		for _, p := range ev.parts {
			if p.role == role {
				n = append(n, p.ent.name)
			}
		}
		return strings.Join(n, ", ")
	}
	switch ev.typ {
	case TypeVisit:
		dest := firstOf(names("destination"), names("host"))
		return "Visit of " + names("visitor") + " to " + dest
	case TypeStatement:
		return "Statement by " + names("speaker")
	case TypeAnniversary:
		return strconv.Itoa(ev.ordinal) + ordSuffix(ev.ordinal) + " anniversary of " + firstOf(ev.topic, "relations") + " (" + names("party") + ")"
	case TypeResolution:
		return names("body") + " resolution" + plural(ev.count)
	case TypeAppointment:
		return "Appointment of " + firstOf(names("appointee"), "someone") + firstOf(suffix(" by ", names("appointer")), "")
	}
	if p := names("participant"); p != "" {
		return ev.typ + ": " + p
	}
	if p := names("party"); p != "" {
		return ev.typ + ": " + p
	}
	if p := names("actor"); p != "" {
		if t := names("target"); t != "" {
			return ev.typ + ": " + p + " against " + t
		}
		return ev.typ + ": " + p
	}
	if p := names("mediator"); p != "" {
		return "Mediation by " + p
	}
	return ev.typ
}

func plural(n int) string {
	if n > 1 {
		return "s (" + strconv.Itoa(n) + ")"
	}
	return ""
}

func ordSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

func (e *event) hasRole(roles ...string) bool {
	for _, p := range e.parts {
		for _, r := range roles {
			if p.role == r {
				return true
			}
		}
	}
	return false
}

func suffix(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}

// sideIDs returns the node ids of a meeting's subject side (a group by
// its country's id), when it meets two or more others who need not meet
// one another.
func sideIDs(ev *event, nodeIDs map[string]bool) []string {
	if len(ev.side) == 0 {
		return nil
	}
	in := map[*entity]bool{}
	for _, e := range ev.side {
		in[e] = true
	}
	var ids []string
	others := 0
	seen := map[string]bool{}
	for _, p := range ev.parts {
		if p.role != "participant" {
			continue
		}
		if !in[p.ent] {
			others++
			continue
		}
		id := p.ent.id
		if p.ent.typ == typeGroup {
			id = "country:" + p.ent.country
		}
		if nodeIDs[id] && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if others < 2 {
		return nil // with one other, every pair meets anyway
	}
	sort.Strings(ids)
	return ids
}
