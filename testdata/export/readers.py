"""Reads dipgraph's exports with the readers their users have.

usage: python readers.py DIR SCHEMAS

DIR holds one export per format, named after it (graphml, gexf, cyjs,
json, timelinejs, ics, csv, gephi-nodes, gephi-edges); SCHEMAS the JSON
Schemas of TimelineJS and Cytoscape.js. Each file is parsed by its real
reader (NetworkX, icalendar, Python's csv, jsonschema), which raises on
what it cannot read; then prints, as JSON, what each reader saw: ids of
nodes, events and edges, and a few typed values, for the Go test
(cmd/dipgraph TestExportReaders) to compare across formats.
"""

import csv
import datetime
import json
import os
import sys

import icalendar
import jsonschema
import networkx as nx

d, schemas = sys.argv[1], sys.argv[2]
path = lambda f: os.path.join(d, f)
out = {}


def schema(name):
    with open(os.path.join(schemas, name), encoding="utf-8") as f:
        s = json.load(f)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


def graph_summary(g):
    events = sorted(n for n, a in g.nodes(data=True) if a.get("kind") == "event")
    typed = {}
    for n, a in g.nodes(data=True):
        for k in ("quadClass", "reports", "goldstein", "confidence"):
            if k in a:
                typed.setdefault(k, set()).add(type(a[k]).__name__)
    return {
        "nodes": sorted(g.nodes()),
        "events": events,
        "edges": sorted(
            (k if isinstance(k, str) else a.get("id", "")) for u, v, k, a in g.edges(keys=True, data=True)
        ) if g.is_multigraph() else sorted(a.get("id", "") for u, v, a in g.edges(data=True)),
        "edge_count": g.number_of_edges(),
        "types": {k: sorted(v) for k, v in typed.items()},
    }


# GraphML: typed keys, so ints come back as int and doubles as float.
g = nx.read_graphml(path("graphml"))
out["graphml"] = graph_summary(g)

# GEXF 1.3, dynamic: events carry start and end, every node a colour.
g = nx.read_gexf(path("gexf"))
s = graph_summary(g)
s["dynamic_events"] = sorted(n for n, a in g.nodes(data=True) if a.get("kind") == "event" and "start" in a)
s["uncoloured"] = sorted(n for n, a in g.nodes(data=True) if "color" not in a.get("viz", {}))
s["mode"] = g.graph.get("mode")
out["gexf"] = s

# Cytoscape.js: the schema, and every edge between nodes that exist.
with open(path("cyjs"), encoding="utf-8") as f:
    cy = json.load(f)
schema("cytoscape.schema.json").validate(cy)
ids = [n["data"]["id"] for n in cy["elements"]["nodes"]]
assert len(ids) == len(set(ids)), "cyjs: a node id twice"
dangling = [e["data"]["id"] for e in cy["elements"]["edges"] if e["data"]["source"] not in set(ids) or e["data"]["target"] not in set(ids)]
out["cyjs"] = {
    "nodes": sorted(ids),
    "events": sorted(n["data"]["id"] for n in cy["elements"]["nodes"] if n["data"].get("kind") == "event"),
    "edges": sorted(e["data"]["id"] for e in cy["elements"]["edges"]),
    "dangling": dangling,
}

# node-link JSON, read by NetworkX's node_link_graph.
with open(path("json"), encoding="utf-8") as f:
    nl = json.load(f)
g = nx.node_link_graph(nl, directed=True, multigraph=True, edges="edges")
out["json"] = {
    "nodes": sorted(g.nodes()),
    "events": sorted(n["id"] for n in nl["nodes"] if n["properties"].get("kind") == "event"),
    "edges": sorted(e["id"] for e in nl["edges"]),
    "edge_count": g.number_of_edges(),
}

# TimelineJS: the schema, unique ids.
with open(path("timelinejs"), encoding="utf-8") as f:
    tl = json.load(f)
schema("timelinejs.schema.json").validate(tl)
uids = [e["unique_id"] for e in tl["events"]]
assert len(uids) == len(set(uids)), "timelinejs: a unique_id twice"
out["timelinejs"] = {"events": sorted(uids), "dates": {e["unique_id"]: [e["start_date"], e.get("end_date")] for e in tl["events"]}}

# iCalendar: parsed by icalendar; all-day dates, stable UIDs.
with open(path("ics"), "rb") as f:
    raw = f.read()
assert b"\n" not in raw.replace(b"\r\n", b""), "ics: a line ends without CR"
assert all(len(l) <= 75 for l in raw.split(b"\r\n")), "ics: a line longer than 75 octets"
cal = icalendar.Calendar.from_ical(raw)
events = {}
for ve in cal.walk("VEVENT"):
    start = ve.decoded("DTSTART")
    assert type(start) is datetime.date, "ics: DTSTART is no date"
    end = ve.decoded("DTEND") if "DTEND" in ve else None
    assert end is None or (type(end) is datetime.date and end > start), "ics: DTEND no date after DTSTART"
    assert "DTSTAMP" in ve
    uid = str(ve["UID"])
    assert uid not in events, "ics: a UID twice"
    events[uid] = {
        "start": start.isoformat(),
        "end": end.isoformat() if end else None,
        "rrule": ve["RRULE"].to_ical().decode() if "RRULE" in ve else None,
        "status": str(ve.get("STATUS")),
        "summary": str(ve.get("SUMMARY")),
        "url": str(ve.get("URL", "")),
        "description": str(ve.get("DESCRIPTION", "")),
    }
out["ics"] = {"events": sorted(events), "vevents": events}

# CSV (RFC 4180), read by Python's csv.
def read_csv(name):
    with open(path(name), newline="", encoding="utf-8") as f:
        r = csv.reader(f, strict=True)
        head = next(r)
        rows = [dict(zip(head, row)) for row in r]
        assert all(len(row) == len(head) for row in rows), name + ": a row of another width"
        return head, rows

head, rows = read_csv("csv")
for row in rows:
    if row["quad_class"]:
        assert int(row["quad_class"]) in (1, 2, 3, 4)
        float(row["goldstein"])
out["csv"] = {"header": head, "events": sorted(r["event_id"] for r in rows),
              "dated": sorted(r["event_id"] for r in rows if r["date"]), "rows": rows}

head, rows = read_csv("gephi-nodes")
out["gephi-nodes"] = {"header": head[:2], "nodes": sorted(r["Id"] for r in rows),
                      "events": sorted(r["Id"] for r in rows if r["kind"] == "event")}
head, rows = read_csv("gephi-edges")
out["gephi-edges"] = {"header": head[:5], "edges": sorted(r["Id"] for r in rows),
                      "directed": all(r["Type"] == "Directed" for r in rows)}

json.dump(out, sys.stdout, default=str)
