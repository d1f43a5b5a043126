package main

import (
	"path/filepath"
	"strings"

	"github.com/dipgraph/dipgraph/extract/corenlp"
)

// config is everything the commands read from the environment.
type config struct {
	neo4jURI, neo4jUser, neo4jPassword, neo4jDatabase string
	addr                                              string
	logFormat                                         string   // serve's log lines: text or json
	corenlpURLs                                       []string // CoreNLP servers
	parseCache                                        string   // directory of the parse cache; "" for none
}

func defaultConfig() config {
	return config{
		neo4jURI:      "bolt://127.0.0.1:7687",
		neo4jUser:     "neo4j",
		neo4jPassword: "dipgraph-dev",
		neo4jDatabase: "neo4j",
		addr:          "127.0.0.1:8080",
		logFormat:     "text",
		corenlpURLs:   []string{corenlp.DefaultURL},
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
	if v := getenv("DIPGRAPH_CORENLP_URL"); v != "" {
		c.corenlpURLs = nil
		for _, u := range strings.Split(v, ",") {
			if u = strings.TrimSpace(u); u != "" {
				c.corenlpURLs = append(c.corenlpURLs, u)
			}
		}
	}
	c.parseCache = defaultParseCache(getenv)
	if v := getenv("DIPGRAPH_PARSE_CACHE"); v == "off" {
		c.parseCache = ""
	} else if v != "" {
		c.parseCache = v
	}
	return c
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
