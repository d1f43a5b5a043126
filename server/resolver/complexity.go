package resolver

import (
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/server/gql"
)

// Complexity returns the cost model that the server's complexity limit
// applies. Every field costs 1 plus what is selected under it, except that
// a connection costs what is selected under it once per item of the page
// it may return, so a query's cost grows with the rows it can touch.
func Complexity() gql.ComplexityRoot {
	var c gql.ComplexityRoot
	c.Query.Events = func(child int, _ *graph.EventFilter, first *int, _ *string) int {
		return 1 + child*pageSize(first)
	}
	return c
}

// pageSize returns the number of items a connection may return for first.
func pageSize(first *int) int {
	var p graph.PageRequest
	if first != nil {
		p.First = *first
	}
	return p.Size()
}
