package node

import "github.com/dipgraph/dipgraph/graph"

// Node is any object with a stable global id: *graph.Event, *graph.Article
// or one of the entity kinds of this package. It has no methods because the
// graph types carry none; the generated code switches on the concrete type.
type Node any

// Entity is a country, person, organization, place or region: one of the
// pointer types of this package.
type Entity interface {
	// Graph returns the stored entity.
	Graph() graph.Entity
}

// Country is an entity of type Country.
type Country struct{ graph.Entity }

// Person is an entity of type Person.
type Person struct{ graph.Entity }

// Organization is an entity of type Organization.
type Organization struct{ graph.Entity }

// Place is an entity of type Place.
type Place struct{ graph.Entity }

// Region is an entity of type Region.
type Region struct{ graph.Entity }

// Graph returns the stored entity.
func (c *Country) Graph() graph.Entity { return c.Entity }

// Graph returns the stored entity.
func (p *Person) Graph() graph.Entity { return p.Entity }

// Graph returns the stored entity.
func (o *Organization) Graph() graph.Entity { return o.Entity }

// Graph returns the stored entity.
func (p *Place) Graph() graph.Entity { return p.Entity }

// Graph returns the stored entity.
func (r *Region) Graph() graph.Entity { return r.Entity }
