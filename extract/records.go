package extract

import (
	"slices"
	"strings"
)

// Actor is one side of a coded dyad: a name and the country it stands for
// (ISO3, or IGO for an international body).
type Actor struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Country string `json:"country"`
	// CountryInferred is set when the text does not give the actor's
	// country and the record takes it from the act: a group or person of
	// no known country in a domestic act (see domesticAct).
	CountryInferred bool `json:"country_inferred,omitempty"`
}

// Record is one coded dyad, PLOVER/GDELT style: a source acting on a target.
type Record struct {
	ArticleID string  `json:"article_id"`
	EventID   string  `json:"event_id"`
	Type      string  `json:"type"`
	Date      string  `json:"date"`
	End       string  `json:"end,omitempty"`
	Precision string  `json:"precision"`
	Modality  string  `json:"modality"`
	CAMEO     string  `json:"cameo"`
	CAMEORoot string  `json:"cameo_root"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	PLOVER    string  `json:"plover,omitempty"`
	Mode      string  `json:"plover_mode,omitempty"`
	Source    Actor   `json:"source"`
	Target    Actor   `json:"target"`
	Evidence  Span    `json:"evidence"`
	Trigger   string  `json:"trigger,omitempty"` // the words that name the act
}

// Records codes the events of a result as dyads. A meeting of A and B gives
// A->B and B->A; a visit of A to B gives 042 A->B and 043 B->A. Events
// without a CAMEO code (anniversaries, conflicts as a state) give none.
func Records(r Result) []Record {
	nodes := map[string]Node{}
	for _, n := range r.Nodes {
		nodes[n.ID] = n
	}
	roles := map[string]map[string][]string{} // event -> role -> entity ids
	addRole := func(ev, role, id string) {
		if roles[ev] == nil {
			roles[ev] = map[string][]string{}
		}
		roles[ev][role] = append(roles[ev][role], id)
	}
	// a group stands for its country under its own name: "riot police (KEN)"
	group := func(name, country string) string {
		id := "group~" + name + "~" + country
		nodes[id] = Node{ID: id, Type: typeGroup, Name: name, Properties: map[string]any{PropCountry: country}}
		return id
	}
	nodeOf := map[string]string{} // a group's id -> the id of the node it acts for
	for _, e := range r.Edges {
		gs, _ := e.Properties[PropGroups].([]string)
		if len(gs) == 0 {
			addRole(e.Source, e.Type, e.Target)
		}
		for _, g := range gs {
			id := group(g, strings.TrimPrefix(e.Target, "country:"))
			nodeOf[id] = e.Target
			addRole(e.Source, e.Type, id)
		}
	}
	for _, n := range r.Nodes {
		if gs, ok := n.Properties[PropUnattributed].([]GroupActor); ok {
			for _, g := range gs {
				addRole(n.ID, g.Role, group(g.Name, ""))
			}
		}
	}
	var out []Record
	for _, n := range r.Nodes {
		if !IsEventType(n.Type) {
			continue
		}
		code, _ := n.Properties[PropCAMEO].(string)
		if code == "" {
			continue
		}
		mod := str(n.Properties[PropModality])
		if mod == ModalityHypothetical {
			continue // nothing happened
		}
		orig := code
		if mod == ModalityNegated {
			// not doing a cooperative act is refusing it ("will not end the
			// strike", "did not lift the ban"); not fighting codes nothing
			if r := cameoRoot(code); r < "03" || r > "08" {
				continue
			}
			code = refusalCode(code)
		}
		if mod == ModalityPlanned {
			code = intentCode(code)
		}
		rl := roles[n.ID]
		base := Record{
			ArticleID: r.Article.ID, EventID: n.ID, Type: n.Type,
			Date: str(n.Properties[PropDate]), End: str(n.Properties[PropEnd]),
			Precision: str(n.Properties[PropPrecision]), Modality: str(n.Properties[PropModality]),
			Trigger: str(n.Properties[PropTrigger]),
		}
		if ev, ok := n.Properties[PropEvidence].([]Span); ok && len(ev) > 0 {
			base.Evidence = ev[0]
		}
		domestic := false // a domestic target may be the source's own country
		emit := func(code string, src, dst string) {
			if src == dst && !domestic {
				return
			}
			if dst == "" && code == "010" {
				return // bare reporting ("X said") is about no one
			}
			s, t := actor(nodes, src), Actor{}
			if dst != "" {
				t = actor(nodes, dst)
			}
			if s.Country == "" && inferable(nodes[src]) && t.Country != "" && t.Country != "IGO" && t.Country != "NGO" && domesticAct(orig) {
				// an actor of no known country who yields to, demands of,
				// protests against or coerces a party of one country is
				// coded as of that country, and says so
				s.Country, s.CountryInferred = t.Country, true
			}
			if t.Country == "" && inferable(nodes[dst]) && s.Country != "" && s.Country != "IGO" && s.Country != "NGO" && domesticAct(orig) {
				// "rebels in the Ivory Coast dismissed an appeal from
				// President Gbagbo": the other side of a domestic act
				t.Country, t.CountryInferred = s.Country, true
			}
			if r := cameoRoot(code); (r == "04" || code == "036") && ownCountry(nodes, src, s, dst, t) {
				// "in the Philippines, the Secretary will meet with President
				// Marcos": a country does not meet its own official
				return
			}
			rec := base
			rec.CAMEO, rec.CAMEORoot = code, cameoRoot(code)
			rec.QuadClass, rec.Goldstein = QuadClass(code), goldstein(code)
			rec.PLOVER, rec.Mode = plover(code)
			rec.Source, rec.Target = s, t
			out = append(out, rec)
		}
		both := func(ids []string) {
			for _, a := range ids {
				for _, b := range ids {
					emit(code, a, b)
				}
			}
		}
		parties := append(append([]string{}, rl["participant"]...), rl["party"]...)
		switch {
		case n.Type == TypeVisit && code == "036":
			// an announced visit: both sides express the intent to meet
			for _, v := range rl["visitor"] {
				for _, h := range rl["host"] {
					emit(code, v, h)
					emit(code, h, v)
				}
			}
		case n.Type == TypeVisit && str(n.Properties[PropSubtype]) == "hosted":
			for _, v := range rl["visitor"] {
				for _, h := range rl["host"] {
					emit("043", h, v)
				}
			}
		case n.Type == TypeVisit:
			for _, v := range rl["visitor"] {
				for _, h := range rl["host"] {
					emit("042", v, h)
				}
			}
		case len(parties) > 1 && len(rl["mediator"]) == 0:
			side, _ := n.Properties[PropSide].([]string)
			var us, them []string
			for _, p := range parties {
				id := p
				if t, ok := nodeOf[p]; ok {
					id = t
				}
				if slices.Contains(side, id) {
					us = append(us, p)
				} else {
					them = append(them, p)
				}
			}
			if len(us) == 0 || len(them) == 0 {
				both(parties) // "A, B and C met": each met each
				break
			}
			// "A will meet with B, C and D": A meets each of them; "A and
			// B agreed with C": A and B act together too
			both(us)
			for _, a := range us {
				for _, b := range them {
					emit(code, a, b)
					emit(code, b, a)
				}
			}
		case len(parties) == 1 && len(rl["mediator"]) == 0:
			emit(code, parties[0], "")
		default:
			var srcs, dsts []string
			for _, role := range []string{"speaker", "actor", "mediator", "body", "source", "host"} {
				srcs = append(srcs, rl[role]...)
			}
			for _, role := range []string{"target", "party", "visitor"} {
				dsts = append(dsts, rl[role]...)
			}
			if len(srcs) > 1 && cooperation(orig) && !anyCountry(nodes, dsts) {
				// "the Turkish and Greek sides agreed to share information":
				// sides that agree, meet or cooperate do so with each other
				both(srcs)
				if len(dsts) == 0 {
					break
				}
			}
			if len(srcs) == 0 {
				// "the journalist was arrested": done by someone unnamed
				for _, t := range dsts {
					emit(code, "", t)
				}
			}
			for _, s := range srcs {
				for _, t := range dsts {
					emit(code, s, t)
				}
				if len(dsts) == 0 {
					domestic = true
					emit(code, s, domesticTarget(orig, nodes, s, rl["location"])) // a coded act with no target named
					domestic = false
				}
			}
		}
	}
	return out
}

// ownCountry reports whether one side of a dyad is a country and the other
// one of its own people or bodies, by what the text says of them.
func ownCountry(nodes map[string]Node, src string, s Actor, dst string, t Actor) bool {
	if s.Country == "" || s.Country != t.Country || s.CountryInferred || t.CountryInferred {
		return false
	}
	return (nodes[src].Type == TypeCountry) != (nodes[dst].Type == TypeCountry)
}

func actor(nodes map[string]Node, id string) Actor {
	n, ok := nodes[id]
	if !ok && strings.HasPrefix(id, "country:") {
		return Actor{ID: id, Country: strings.TrimPrefix(id, "country:")}
	}
	a := Actor{ID: id, Name: n.Name}
	switch n.Type {
	case TypeCountry:
		a.Country = str(n.Properties[PropISO3])
	case TypeOrganization:
		a.Country = str(n.Properties[PropCountry])
		if a.Country == "" {
			switch str(n.Properties["kind"]) {
			case "igo":
				a.Country = "IGO"
			case "ngo":
				a.Country = "NGO"
			}
		}
	default:
		a.Country = str(n.Properties[PropCountry])
		if a.Country == "" && str(n.Properties[PropSector]) == "IGO" {
			a.Country = "IGO" // "Kofi Annan", while Secretary-General
		}
	}
	return a
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// intentCode maps the code of an act announced for the future to CAMEO's
// refusalCode gives the "reject" code of a cooperative act not done: not
// cooperating materially is 121, not giving aid 122, and not yielding the
// matching 123x/124x ("will not end the boycott" 1242, "did not lift the
// sanctions" 1244, "would not release" 1243); other refusals are 120.
func refusalCode(code string) string {
	switch cameoRoot(code) {
	case "06":
		return "121"
	case "07":
		return "122"
	case "08":
	default:
		return "120"
	}
	switch {
	case strings.HasPrefix(code, "081"):
		return "1241"
	case code == "082":
		return "1242"
	case strings.HasPrefix(code, "083") && len(code) == 4:
		return "123" + code[3:]
	case strings.HasPrefix(code, "083"):
		return "123"
	case strings.HasPrefix(code, "084"):
		return "1243"
	case code == "085":
		return "1244"
	case strings.HasPrefix(code, "086"):
		return "1245"
	case strings.HasPrefix(code, "087"):
		return "1246"
	}
	return "124"
}

// "express intent to" code: a planned visit or meeting is 036, planned aid
// 033, a planned release 0353, other planned cooperation 030; a coercive or
// violent act announced is a threat (130).
func intentCode(code string) string {
	switch cameoRoot(code) {
	case "04":
		return "036"
	case "05":
		if code == "057" {
			return "030"
		}
		return code
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		if code == "0841" {
			return "0353"
		}
		if code == "0871" {
			return "0356"
		}
		return "035"
	case "15", "16", "17", "18", "19", "20":
		return "130" // harm announced is a threat ("will extend the curfew", "would blockade Lyon")
	}
	return code
}

// domesticTarget gives the target of a protest, a coercive act, a
// concession or an investigation that names none: the country where it happened, or else the
// actor's own. Such acts are aimed at a government at home. Other acts keep
// no target.
func domesticTarget(code string, nodes map[string]Node, src string, locations []string) string {
	switch cameoRoot(code) {
	case "08", "09", "14", "17":
	default:
		if !strings.HasPrefix(code, "035") {
			return "" // an intent to yield ("agreed to postpone the march") is aimed at home too
		}
	}
	for _, l := range locations {
		if a := actor(nodes, l); a.Country != "" {
			return "country:" + a.Country
		}
	}
	if a := actor(nodes, src); a.Country != "" && a.Country != "IGO" && a.Country != "NGO" {
		return "country:" + a.Country
	}
	return ""
}

// domesticAct reports whether an act is most often done within one
// country, so that an actor of no known country shares its target's:
// yielding, investigating, demanding, disapproving, rejecting,
// threatening, protesting and coercing.
func domesticAct(code string) bool {
	switch cameoRoot(code) {
	case "08", "09", "10", "11", "12", "13", "14", "17":
		return true
	}
	return strings.HasPrefix(code, "035") // intent to yield
}

// cooperation reports whether an act done by several sides together is
// done with each other: intent to cooperate, consultation, diplomatic and
// material cooperation.
func cooperation(code string) bool {
	switch cameoRoot(code) {
	case "03", "04", "05", "06":
		return true
	}
	return false
}

// anyCountry reports whether one of the actors has a country.
func anyCountry(nodes map[string]Node, ids []string) bool {
	for _, id := range ids {
		if actor(nodes, id).Country != "" {
			return true
		}
	}
	return false
}

// inferable reports whether an actor of no known country may take one
// from a domestic act: a group named by a common noun, an official of
// government, army, parliament or courts, or a party or armed group. A
// company, an envoy of a body or a name alone says too little.
func inferable(n Node) bool {
	switch n.Type {
	case typeGroup:
		return true
	case TypePerson:
		switch str(n.Properties["sector"]) {
		case "GOV", "MIL", "LEG", "JUD", "COP", "OPP", "REB":
			return true
		}
	case TypeOrganization:
		switch str(n.Properties["kind"]) {
		case "armed_group", "party", "gov", "reb", "opp":
			return true
		}
	}
	return false
}
