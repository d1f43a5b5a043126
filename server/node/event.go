package node

import "github.com/dipgraph/dipgraph/graph"

// Event is an event of any type: one of the event types of this package,
// as a pointer.
type Event interface {
	// GraphEvent returns the stored event.
	GraphEvent() *graph.Event
}

// EventBase is what every event type of this package is: a stored event.
// Its method makes them all Events.
type EventBase struct{ graph.Event }

// GraphEvent returns the stored event.
func (e *EventBase) GraphEvent() *graph.Event { return &e.Event }

// The event types, one per extract.EventTypes.
type (
	// Statement is an event of type Statement.
	Statement struct{ EventBase }
	// Visit is an event of type Visit.
	Visit struct{ EventBase }
	// Meeting is an event of type Meeting.
	Meeting struct{ EventBase }
	// PhoneCall is an event of type PhoneCall.
	PhoneCall struct{ EventBase }
	// Anniversary is an event of type Anniversary.
	Anniversary struct{ EventBase }
	// Conflict is an event of type Conflict.
	Conflict struct{ EventBase }
	// Mediation is an event of type Mediation.
	Mediation struct{ EventBase }
	// Negotiation is an event of type Negotiation.
	Negotiation struct{ EventBase }
	// MilitaryAction is an event of type MilitaryAction.
	MilitaryAction struct{ EventBase }
	// Agreement is an event of type Agreement.
	Agreement struct{ EventBase }
	// Resolution is an event of type Resolution.
	Resolution struct{ EventBase }
	// Sanction is an event of type Sanction.
	Sanction struct{ EventBase }
	// Accusation is an event of type Accusation.
	Accusation struct{ EventBase }
	// Aid is an event of type Aid.
	Aid struct{ EventBase }
	// Appointment is an event of type Appointment.
	Appointment struct{ EventBase }
	// Cooperation is an event of type Cooperation.
	Cooperation struct{ EventBase }
	// Appeal is an event of type Appeal.
	Appeal struct{ EventBase }
	// Rejection is an event of type Rejection.
	Rejection struct{ EventBase }
	// Threat is an event of type Threat.
	Threat struct{ EventBase }
	// Protest is an event of type Protest.
	Protest struct{ EventBase }
	// ReduceRelations is an event of type ReduceRelations.
	ReduceRelations struct{ EventBase }
	// Yield is an event of type Yield.
	Yield struct{ EventBase }
	// Investigation is an event of type Investigation.
	Investigation struct{ EventBase }
	// Coercion is an event of type Coercion.
	Coercion struct{ EventBase }
)
