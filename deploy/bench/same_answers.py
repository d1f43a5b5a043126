#!/usr/bin/env python3
"""same_answers.py DIPGRAPH_URL OTHER_URL OTHER_MIX

Checks that the questions of mix-dipgraph.json and of another mix (the
@neo4j/graphql one) get the same answers: the same events, in the same order,
with the same participants, counts and mean Goldstein value. The benchmark is
only a comparison if they do. Exits 1 on a difference.
"""
import json, os, re, sys, urllib.request
from collections import Counter
def post(url, q, v):
    r = urllib.request.urlopen(urllib.request.Request(url, json.dumps({"query": q, "variables": v}).encode(), {"Content-Type": "application/json"}))
    d = json.loads(r.read()); assert not d.get("errors"), d["errors"]; return d["data"]
def load(p):
    m = json.load(open(p)); out = {}
    for q in m["queries"]:
        q["query"] = "\n".join(q["query"]) if isinstance(q["query"], list) else q["query"]; out[q["name"]] = q
    return out
here = os.path.dirname(os.path.abspath(__file__))
A = load(os.path.join(here, "mix-dipgraph.json")); B = load(sys.argv[3])
ua, ub = sys.argv[1], sys.argv[2]
ok = True
def check(name, *pairs):
    global ok
    same = all(a == b for a, b in pairs)
    ok = ok and same
    print("%-10s %s  %s" % (name, "same" if same else "DIFFERENT", "  ".join("%s/%s" % (a, b) if not isinstance(a, (list, set, dict)) else "" for a, b in pairs).strip()))
# timeline
a = post(ua, A["timeline"]["query"], A["timeline"]["variables"])["timeline"]
b = post(ub, B["timeline"]["query"], B["timeline"]["variables"])["eventsConnection"]
check("timeline", (a["totalCount"], b["totalCount"]), ([i["id"] for i in a["items"]], [e["node"]["id"] for e in b["edges"]]))
# dyad
a = post(ua, A["dyad"]["query"], A["dyad"]["variables"])["dyad"]
b = post(ub, B["dyad"]["query"], B["dyad"]["variables"])
rows = b["events"]
tb = Counter(r["type"] for r in rows); ta = {t["type"]: t["count"] for t in a["total"]["byType"]}
norm = lambda s: re.sub(r'(?<!^)(?=[A-Z])', '_', s).upper()
coded = [r for r in rows if r["cameo"]]
check("dyad", (a["total"]["events"], len(rows)), ({norm(k): v for k, v in tb.items()}, ta),
      (round(a["total"]["meanGoldstein"], 9), round(sum(r["goldstein"] or 0 for r in coded) / len(coded), 9)),
      ([e["node"]["id"] for e in a["events"]["edges"]], [r["id"] for r in rows[:20]]),
      ([p["period"] for p in a["periods"]], sorted({r["from"][:4] for r in rows})))
# events pages
va, vb = dict(A["events"]["variables"]), dict(B["events"]["variables"])
for p in range(1, 6):
    a = post(ua, A["events"]["query"], va)["events"]; b = post(ub, B["events"]["query"], vb)["eventsConnection"]
    ia = [(e["node"]["id"], e["node"]["reports"], sorted((x["role"], x["entity"]["id"]) for x in e["node"]["participants"])) for e in a["edges"]]
    ib = [(e["node"]["id"], e["node"]["reports"], sorted((x["properties"]["role"], x["node"]["id"]) for x in e["node"]["participantsConnection"]["edges"])) for e in b["edges"]]
    check("events p%d" % p, (a["totalCount"], b["totalCount"]), (ia, ib))
    va["after"] = a["pageInfo"]["endCursor"]; vb["after"] = b["pageInfo"]["endCursor"]
# subgraph
a = post(ua, A["subgraph"]["query"], A["subgraph"]["variables"])["subgraph"]
b = post(ub, B["subgraph"]["query"], B["subgraph"]["variables"])
c = (b.get("countries") or b.get("entities"))[0]
ev, ent = set(), {c["id"]}
edges = set()
for e1 in c["events"]:
    ev.add(e1["id"])
    for pe in e1["participantsConnection"]["edges"]:
        p = pe["node"]; ent.add(p["id"]); edges.add((e1["id"], p["id"], pe["properties"]["role"]))
        for e2 in p["events"]:
            ev.add(e2["id"])
            for qe in e2["participantsConnection"]["edges"]:
                ent.add(qe["node"]["id"]); edges.add((e2["id"], qe["node"]["id"], qe["properties"]["role"]))
na = {n["id"] for n in a["nodes"] if n["kind"] == "EVENT"}; ea = {n["id"] for n in a["nodes"] if n["kind"] == "ENTITY"}
pa = {(x["source"], x["target"], x["type"]) for x in a["edges"] if x["kind"] == "PARTICIPANT"}
check("subgraph", (a["truncated"], False), (len(na), len(ev)), (na, ev), (len(ea), len(ent)), (ea, ent), (len(pa), len(edges)), (pa, edges))
sys.exit(0 if ok else 1)
