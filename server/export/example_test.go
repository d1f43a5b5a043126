package export_test

import (
	"fmt"
	"net/url"

	"github.com/dipgraph/dipgraph/server/export"
)

// The query of GET /export/{format} and the flags of dipgraph export name
// a selection the same way.
func ExampleParseFilter() {
	q, _ := url.ParseQuery("type=visit,meeting&involving=country:AZE,country:RUS&from=2017&to=2017-12")
	f, err := export.ParseFilter(q)
	fmt.Println(f.Types, f.Involving, f.From.Format("2006-01-02"), f.To.Format("2006-01-02"), err)
	// Output: [Visit Meeting] [country:AZE country:RUS] 2017-01-01 2017-12-31 <nil>
}

func ExampleFormats() {
	for _, f := range export.Formats() {
		fmt.Printf("%-11s %-40s %s\n", f.Name, f.ContentType, f.FileName())
	}
	// Output:
	// graphml     application/graphml+xml; charset=utf-8   dipgraph.graphml
	// gexf        application/gexf+xml; charset=utf-8      dipgraph.gexf
	// cyjs        application/json                         dipgraph.cyjs
	// json        application/json                         dipgraph.json
	// timelinejs  application/json                         dipgraph.timeline.json
	// ics         text/calendar; charset=utf-8             dipgraph.ics
	// csv         text/csv; charset=utf-8; header=present  dipgraph.csv
	// gephi-nodes text/csv; charset=utf-8; header=present  dipgraph.nodes.csv
	// gephi-edges text/csv; charset=utf-8; header=present  dipgraph.edges.csv
}
