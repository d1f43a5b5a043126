package extract

import "github.com/dipgraph/dipgraph/extract/parse"

// Input is one article handed to the extractor. Only Text is required; the
// other fields, when given, take precedence over what the extractor finds
// in the text itself (a scraped file carries its metadata in its first lines,
// a JSONL record carries it in fields).
type Input struct {
	ID        string `json:"id,omitempty"`
	Title     string `json:"title,omitempty"`
	Text      string `json:"text"`
	Published string `json:"published,omitempty"` // RFC 3339, YYYY-MM-DD or YYYYMMDD
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	// Parse is the parser's reading of the sentences that Sentences
	// returned for this input (nil: the rules read the raw tokens alone).
	Parse *parse.Document `json:"-"`
}

// Span is a half-open range [Start, End) of byte offsets into Article.Text,
// which is the input text exactly as given.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Article is the metadata of one article, found in the input fields or in
// the text itself.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"` // RFC 3339 with zone, or YYYY-MM-DD when only a date is known
	Source    string `json:"source,omitempty"`
	Section   string `json:"section,omitempty"`
	Author    string `json:"author,omitempty"`
	Dateline  string `json:"dateline,omitempty"`
	URL       string `json:"url,omitempty"`
	// Body is the span of the article body, after the scraper leftovers
	// and the repeated headline were set aside.
	Body Span   `json:"body"`
	Text string `json:"text"`
}

// Node is an entity or an event in node-link form.
type Node struct {
	ID         string         `json:"id"`
	Type       string         `json:"type"`
	Name       string         `json:"name"`
	Properties map[string]any `json:"properties"`
}

// Edge links two nodes. For an event, Source is the event and Target a
// participant, and Type is the participant's role (visitor, host, ...).
// Between entities, Type is an upper-case relation (MEMBER_OF, LOCATED_IN,
// ...). An AUTHORED edge targets the article's id.
type Edge struct {
	Source     string         `json:"source"`
	Target     string         `json:"target"`
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
}

// Result is everything extracted from one article, in a deterministic order:
// nodes by (type, id), edges by (source, type, target).
type Result struct {
	Article Article `json:"article"`
	Nodes   []Node  `json:"nodes"`
	Edges   []Edge  `json:"edges"`
}

// Entity node types.
const (
	TypeCountry      = "Country"
	TypePerson       = "Person"
	TypeOrganization = "Organization"
	TypePlace        = "Place"
	TypeRegion       = "Region"
)

// Event node types.
const (
	TypeStatement       = "Statement"
	TypeVisit           = "Visit"
	TypeMeeting         = "Meeting"
	TypePhoneCall       = "PhoneCall"
	TypeAnniversary     = "Anniversary"
	TypeConflict        = "Conflict"
	TypeMediation       = "Mediation"
	TypeNegotiation     = "Negotiation"
	TypeMilitaryAction  = "MilitaryAction"
	TypeAgreement       = "Agreement"
	TypeResolution      = "Resolution"
	TypeSanction        = "Sanction"
	TypeAccusation      = "Accusation"
	TypeAid             = "Aid"
	TypeAppointment     = "Appointment"
	TypeCooperation     = "Cooperation"
	TypeAppeal          = "Appeal"
	TypeRejection       = "Rejection"
	TypeThreat          = "Threat"
	TypeProtest         = "Protest"
	TypeReduceRelations = "ReduceRelations"
	TypeYield           = "Yield"
	TypeInvestigation   = "Investigation"
	TypeCoercion        = "Coercion"
)

// EntityTypes lists the entity node types.
func EntityTypes() []string {
	return []string{TypeCountry, TypePerson, TypeOrganization, TypePlace, TypeRegion}
}

// EventTypes lists the event node types.
func EventTypes() []string {
	return []string{TypeStatement, TypeVisit, TypeMeeting, TypePhoneCall, TypeAnniversary,
		TypeConflict, TypeMediation, TypeNegotiation, TypeMilitaryAction, TypeAgreement,
		TypeResolution, TypeSanction, TypeAccusation, TypeAid, TypeAppointment,
		TypeCooperation, TypeAppeal, TypeRejection, TypeThreat, TypeProtest, TypeReduceRelations,
		TypeYield, TypeInvestigation, TypeCoercion}
}

// IsEventType reports whether t names an event node type.
func IsEventType(t string) bool {
	for _, e := range EventTypes() {
		if e == t {
			return true
		}
	}
	return false
}

// IsEntityType reports whether t names an entity node type.
func IsEntityType(t string) bool {
	for _, e := range EntityTypes() {
		if e == t {
			return true
		}
	}
	return false
}

// Precision says how exactly a date is known.
const (
	PrecisionDay     = "day"
	PrecisionMonth   = "month"
	PrecisionYear    = "year"
	PrecisionDecade  = "decade"
	PrecisionDerived = "derived" // no date in the text: the publication date was taken
	PrecisionUnknown = "unknown" // no date in the text and no publication date
)

// Modality says how an event is asserted.
const (
	ModalityAsserted     = "asserted"
	ModalityPlanned      = "planned"
	ModalityNegated      = "negated"
	ModalityHypothetical = "hypothetical"
	ModalityHistorical   = "historical"
)

// Property keys used on nodes and edges.
const (
	PropISO3       = "iso3"
	PropISO2       = "iso2"
	PropCountry    = "country" // ISO3 of the country a person, city or body belongs to
	PropAliases    = "aliases"
	PropMentions   = "mentions" // []Span of every mention of an entity
	PropTitle      = "title"    // a person's office, e.g. "Foreign Minister"
	PropOccupation = "occupation"
	// PropCountryFrom says where a person's country came from when the
	// text does not tie him to one: "dateline", or "title" when another
	// mention of his office names its country (titlecountry.go).
	PropCountryFrom = "countryFrom"
	PropSector      = "sector" // a person's sector in Phoenix terms (GOV, MIL, IGO, ...)
	PropDate        = "date"   // ISO 8601 at its precision: 1992, 2017-11, 2017-11-20
	PropEnd         = "end"
	PropPrecision   = "precision"
	PropModality    = "modality"
	PropCAMEO       = "cameo"
	PropCAMEORoot   = "cameoRoot"
	PropQuadClass   = "quadClass"
	PropGoldstein   = "goldstein"
	PropPLOVER      = "plover"     // PLOVER event type, where the CAMEO code maps
	PropPLOVERMode  = "ploverMode" // PLOVER mode, where the code says it
	PropConfidence  = "confidence"
	PropEvidence    = "evidence" // []Span
	PropTrigger     = "trigger"  // the words of the evidence that name the act ("met with")
	// PropTargetFrom says where the target of an act came from when its
	// sentence names none: "headline".
	PropTargetFrom  = "targetFrom"
	PropAttribution = "attribution" // node id of who asserted it, or "narrative"
	PropLabel       = "label"       // a short human label
	PropSubtype     = "subtype"     // official, state, working, briefing, ceasefire, ...
	PropOrdinal     = "ordinal"
	PropCount       = "count"
	PropTopic       = "topic"
	PropOrigin      = "origin" // the year an anniversary looks back to
	PropPartOf      = "partOf" // id of the event this one is part of (a conflict)
	PropSince       = "since"  // true when the date is a start ("since 1988")
	// PropUnattributed lists an event's actors named by a common noun
	// whose country the text does not give ("gunmen"), as []GroupActor.
	PropUnattributed = "unattributed"
	// PropGroups and PropSectors, on the edge from an event to a country,
	// name the groups that acted for the country ("riot police") and
	// their sectors (COP), as []string of one length.
	PropGroups  = "groups"
	PropSectors = "sectors"
	// PropSide lists, for a meeting of one side with named others ("will
	// meet with A, B and C"), the ids of the participants on the subject's
	// side: each meets the others, who need not meet one another.
	PropSide = "side"
)

// GroupActor is an event's actor named by a common noun and of no known
// country: "gunmen" in "Gunmen kidnapped two aid workers". Sector is a
// CAMEO actor sector (UAF, REB, CVL, ...).
type GroupActor struct {
	Role   string `json:"role"`
	Name   string `json:"name"`
	Sector string `json:"sector,omitempty"`
}
