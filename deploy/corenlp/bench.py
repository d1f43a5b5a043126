#!/usr/bin/env python3
"""Throughput of a running CoreNLP server on the dev corpus (standard library only).

For each annotator set it warms the pipeline up (untimed), then sends N articles
with C clients at once and reports articles/s, sentences/s, tokens/s, request
latency and the server's RSS. Two ways of sending an article:

  article  the whole text as one request, CoreNLP splits sentences
           (ssplit.eolonly=false)
  lines    the article's sentences joined by "\\n", one request,
           ssplit.eolonly=true (how a client sends sentences it chose itself);
           the sentences come from an untimed tokenize,ssplit pass

usage: deploy/corenlp/bench.py [-url URL] [-corpus FILE] [-n 50] [-clients 2]
                               [-sets a,b,c,d] [-modes article,lines] [-pid PID]
The URL defaults to $DIPGRAPH_CORENLP_URL or http://127.0.0.1:9000; the pid
(for RSS) to $DIPGRAPH_CORENLP_HOME/run/corenlp.pid, else the process
listening on the URL's port.
"""

import argparse
import concurrent.futures
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

BASE = "tokenize,ssplit,pos,lemma,depparse"
SETS = {
    "a": ("tokenize,ssplit,pos,lemma,depparse", {"annotators": BASE}),
    "b": ("+ ner, no fine-grained, no SUTime",
          {"annotators": BASE + ",ner", "ner.applyFineGrained": "false", "ner.useSUTime": "false"}),
    "c": ("+ ner, defaults", {"annotators": BASE + ",ner"}),
    "d": ("+ ner, CoNLL 4-class CRF only",
          {"annotators": BASE + ",ner", "ner.applyFineGrained": "false", "ner.useSUTime": "false",
           "ner.applyNumericClassifiers": "false",
           "ner.model": "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz"}),
}


def annotate(url, text, props, timeout=300):
    props = dict(props, outputFormat="json", prettyPrint="false")
    q = urllib.parse.urlencode({"properties": json.dumps(props)})
    req = urllib.request.Request(url.rstrip("/") + "/?" + q, data=text.encode("utf-8"),
                                 headers={"Content-Type": "text/plain; charset=utf-8"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read().decode("utf-8"))


def load(path, n):
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            if text.strip():
                docs.append(text)
            if len(docs) == n:
                break
    return docs


def sentences(url, text):
    """The article's sentences as CoreNLP splits them, one line each."""
    doc = annotate(url, text, {"annotators": "tokenize,ssplit", "ssplit.eolonly": "false"})
    out = []
    for s in doc["sentences"]:
        toks = s["tokens"]
        if toks:
            b, e = toks[0]["characterOffsetBegin"], toks[-1]["characterOffsetEnd"]
            out.append(re.sub(r"\s+", " ", text[b:e]))
    return out


def server_pid(url, pid):
    if pid:
        return pid
    home = os.environ.get("DIPGRAPH_CORENLP_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dipgraph", "corenlp")
    port = urllib.parse.urlparse(url).port or 80
    try:
        with open(os.path.join(home, "run", "corenlp.port")) as f:
            if int(f.read().strip()) == port:
                with open(os.path.join(home, "run", "corenlp.pid")) as g:
                    return int(g.read().strip())
    except (OSError, ValueError):
        pass
    try:  # whoever listens on the port
        out = subprocess.run(["ss", "-Hltnp", "sport = :%d" % port], capture_output=True, text=True).stdout
        m = re.search(r"pid=(\d+)", out)
        return int(m.group(1)) if m else None
    except OSError:
        return None


def rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except (OSError, TypeError):
        return None


def cpu_s(pid):
    """CPU seconds (user+system) the process has used: unlike wall time, not
    inflated by other work on the machine."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, TypeError, IndexError, ValueError):
        return float("nan")


def loadavg():
    return " ".join("%.2f" % x for x in os.getloadavg())


def run(url, texts, props, clients):
    lat = []

    def one(text):
        t0 = time.perf_counter()
        doc = annotate(url, text, props)
        lat.append(time.perf_counter() - t0)
        ss = doc["sentences"]
        return len(ss), sum(len(s["tokens"]) for s in ss)

    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(clients) as ex:
        res = list(ex.map(one, texts))
    wall = time.perf_counter() - t0
    return wall, sum(r[0] for r in res), sum(r[1] for r in res), sorted(lat)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-url", default=os.environ.get("DIPGRAPH_CORENLP_URL", "http://127.0.0.1:9000"))
    ap.add_argument("-corpus", default=os.path.join(
        os.environ.get("DIPGRAPH_CORPUS", os.path.join(os.path.dirname(__file__), "../../../shared/corpus")),
        "dev.jsonl"))
    ap.add_argument("-n", type=int, default=50, help="articles timed")
    ap.add_argument("-warmup", type=int, default=5, help="articles sent untimed first, per set and mode")
    ap.add_argument("-clients", type=int, default=2, help="requests in flight (match CORENLP_THREADS)")
    ap.add_argument("-sets", default="a,b,c")
    ap.add_argument("-modes", default="article,lines")
    ap.add_argument("-pid", type=int, default=0, help="server pid, for RSS")
    a = ap.parse_args()

    docs = load(a.corpus, a.warmup + a.n)
    warm, timed = docs[:a.warmup], docs[a.warmup:]
    pid = server_pid(a.url, a.pid)
    modes = a.modes.split(",")
    lines = {}
    if "lines" in modes:
        lines = {i: "\n".join(sentences(a.url, t)) for i, t in enumerate(docs)}
    print("# %s, %d articles (%d chars) of %s, %d clients, server pid %s, RSS at start %s MB, load %s" % (
        a.url, len(timed), sum(map(len, timed)), os.path.normpath(a.corpus), a.clients, pid, rss_mb(pid),
        loadavg()))
    print("| set | annotators | mode | articles/s | sentences/s | tokens/s | p50 ms | p95 ms "
          "| server CPU s | sentences/CPU s | sentences | RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for key in a.sets.split(","):
        name, base = SETS[key]
        for mode in modes:
            props = dict(base, **{"ssplit.eolonly": "true" if mode == "lines" else "false"})
            if mode == "lines":
                w = [lines[i] for i in range(a.warmup)]
                t = [lines[i] for i in range(a.warmup, len(docs))]
            else:
                w, t = warm, timed
            run(a.url, w, props, a.clients)
            c0 = cpu_s(pid)
            wall, ns, nt, lat = run(a.url, t, props, a.clients)
            cpu = cpu_s(pid) - c0
            print("| %s | %s | %s | %.2f | %.1f | %.0f | %.0f | %.0f | %.1f | %.1f | %d | %s |" % (
                key, name, mode, len(t) / wall, ns / wall, nt / wall,
                1000 * statistics.median(lat), 1000 * lat[int(0.95 * (len(lat) - 1))],
                cpu, ns / cpu if cpu > 0 else float("nan"), ns, rss_mb(pid)),
                flush=True)
    print("# load at the end %s (other work on the machine slows every row)" % loadavg())


if __name__ == "__main__":
    sys.exit(main())
