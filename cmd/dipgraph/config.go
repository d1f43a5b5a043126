package main

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/extract/corenlp"
)

// config is everything the commands read from the environment.
type config struct {
	neo4jURI, neo4jUser, neo4jPassword, neo4jDatabase string
	addr                                              string
	logFormat                                         string // serve's log lines: text or json

	// Who may do what with serve's API (server.Config).
	apiKeys        []string // DIPGRAPH_API_KEYS: mutations need one of them
	keyedReads     bool     // DIPGRAPH_KEYED_READS=1: queries too
	corsOrigins    []string // DIPGRAPH_CORS_ORIGINS
	rateLimit      float64  // DIPGRAPH_RATE_LIMIT: requests a second per client, "R" or "R/BURST"
	rateBurst      int
	introspection  bool     // DIPGRAPH_INTROSPECTION=off turns it off
	corenlpURLs    []string // CoreNLP servers
	corenlpThreads int      // sentences each server annotates at once
	parseCache     string   // directory of the parse cache; "" for none
	parseMemory    int      // DIPGRAPH_PARSE_MEMORY: sentence parses kept in memory; 0: the command's default
	memLimitSet    bool     // GOMEMLIMIT is set: ingest leaves the runtime's memory limit alone
}

func defaultConfig() config {
	return config{
		neo4jURI:      "bolt://127.0.0.1:7687",
		neo4jUser:     "neo4j",
		neo4jPassword: "dipgraph-dev",
		neo4jDatabase: "neo4j",
		addr:          "127.0.0.1:8080",
		logFormat:     "text",
		introspection: true,
		corenlpURLs:   []string{corenlp.DefaultURL},
		// corenlpctl's default (CORENLP_THREADS)
		corenlpThreads: 2,
	}
}

func configFromEnv(getenv func(string) string) config {
	c := defaultConfig()
	set := func(dst *string, key string) {
		if v := getenv(key); v != "" {
			*dst = v
		}
	}
	set(&c.neo4jURI, "NEO4J_URI")
	set(&c.neo4jUser, "NEO4J_USER")
	set(&c.neo4jPassword, "NEO4J_PASSWORD")
	set(&c.neo4jDatabase, "NEO4J_DATABASE")
	set(&c.addr, "DIPGRAPH_ADDR")
	set(&c.logFormat, "DIPGRAPH_LOG_FORMAT")
	c.memLimitSet = getenv("GOMEMLIMIT") != ""
	if v := list(getenv("DIPGRAPH_CORENLP_URL")); v != nil {
		c.corenlpURLs = v
	}
	c.apiKeys = list(getenv("DIPGRAPH_API_KEYS"))
	c.keyedReads = getenv("DIPGRAPH_KEYED_READS") == "1" || getenv("DIPGRAPH_KEYED_READS") == "true"
	c.corsOrigins = list(getenv("DIPGRAPH_CORS_ORIGINS"))
	if v := getenv("DIPGRAPH_RATE_LIMIT"); v != "" {
		r, b, hasBurst := strings.Cut(v, "/")
		var err1, err2 error
		c.rateLimit, err1 = strconv.ParseFloat(r, 64)
		if hasBurst {
			c.rateBurst, err2 = strconv.Atoi(b)
		}
		if err1 != nil || err2 != nil || c.rateLimit < 0 || c.rateBurst < 0 {
			c.rateLimit = -1 // serve refuses it
		}
	}
	if n, err := strconv.Atoi(getenv("CORENLP_THREADS")); err == nil && n > 0 {
		c.corenlpThreads = n
	}
	c.introspection = getenv("DIPGRAPH_INTROSPECTION") != "off"
	if n, err := strconv.Atoi(getenv("DIPGRAPH_PARSE_MEMORY")); err == nil && n > 0 {
		c.parseMemory = n
	}
	c.parseCache = defaultParseCache(getenv)
	if v := getenv("DIPGRAPH_PARSE_CACHE"); v == "off" {
		c.parseCache = ""
	} else if v != "" {
		c.parseCache = v
	}
	return c
}

// list splits a comma-separated value, dropping blanks; nil when empty.
func list(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// defaultParseCache is ${XDG_CACHE_HOME:-~/.cache}/dipgraph/parses, or
// none when neither variable is set.
func defaultParseCache(getenv func(string) string) string {
	dir := getenv("XDG_CACHE_HOME")
	if dir == "" && getenv("HOME") != "" {
		dir = filepath.Join(getenv("HOME"), ".cache")
	}
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "dipgraph", "parses")
}

// parserCapacity is how many requests the parser servers annotate at
// once: the servers times their threads.
func (c config) parserCapacity() int {
	return max(len(c.corenlpURLs), 1) * max(c.corenlpThreads, 1)
}
