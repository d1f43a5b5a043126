package neo4jstore

import (
	"strings"

	"github.com/dipgraph/dipgraph/extract"
)

// Labels are not $parameters in the queries: the two label queries name
// the label with the placeholder __TYPE__, which withLabel replaces, and
// Ingest runs one such statement per type present in a batch. The label
// always comes from the closed switches below, never from input: a type
// outside them is rejected before any Cypher is built. (Neo4j 5.26 also
// accepts SET n:$(expr), checked against 5.26.31; the per-type statement
// keeps the label visible in the query text and plan, works on older 5.x
// servers, and costs only a few statements per article.)

// labelPlaceholder is the token in entity_label.cypher and
// event_label.cypher that withLabel replaces.
const labelPlaceholder = "__TYPE__"

// entityLabel returns the node label of an entity type.
func entityLabel(typ string) (string, bool) {
	switch typ {
	case extract.TypeCountry:
		return "Country", true
	case extract.TypePerson:
		return "Person", true
	case extract.TypeOrganization:
		return "Organization", true
	case extract.TypePlace:
		return "Place", true
	case extract.TypeRegion:
		return "Region", true
	}
	return "", false
}

// eventLabel returns the node label of an event type.
func eventLabel(typ string) (string, bool) {
	switch typ {
	case extract.TypeStatement:
		return "Statement", true
	case extract.TypeVisit:
		return "Visit", true
	case extract.TypeMeeting:
		return "Meeting", true
	case extract.TypePhoneCall:
		return "PhoneCall", true
	case extract.TypeAnniversary:
		return "Anniversary", true
	case extract.TypeConflict:
		return "Conflict", true
	case extract.TypeMediation:
		return "Mediation", true
	case extract.TypeNegotiation:
		return "Negotiation", true
	case extract.TypeMilitaryAction:
		return "MilitaryAction", true
	case extract.TypeAgreement:
		return "Agreement", true
	case extract.TypeResolution:
		return "Resolution", true
	case extract.TypeSanction:
		return "Sanction", true
	case extract.TypeAccusation:
		return "Accusation", true
	case extract.TypeAid:
		return "Aid", true
	case extract.TypeAppointment:
		return "Appointment", true
	case extract.TypeCooperation:
		return "Cooperation", true
	case extract.TypeAppeal:
		return "Appeal", true
	case extract.TypeRejection:
		return "Rejection", true
	case extract.TypeThreat:
		return "Threat", true
	case extract.TypeProtest:
		return "Protest", true
	case extract.TypeReduceRelations:
		return "ReduceRelations", true
	case extract.TypeYield:
		return "Yield", true
	case extract.TypeInvestigation:
		return "Investigation", true
	case extract.TypeCoercion:
		return "Coercion", true
	}
	return "", false
}

// withLabel returns query with its label placeholder replaced by label,
// which must come from entityLabel or eventLabel.
func withLabel(query, label string) string {
	return strings.ReplaceAll(query, labelPlaceholder, label)
}
