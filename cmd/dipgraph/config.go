package main

// config is everything the commands read from the environment.
type config struct {
	neo4jURI, neo4jUser, neo4jPassword, neo4jDatabase string
	addr                                              string
}

func defaultConfig() config {
	return config{
		neo4jURI:      "bolt://127.0.0.1:7687",
		neo4jUser:     "neo4j",
		neo4jPassword: "dipgraph-dev",
		neo4jDatabase: "neo4j",
		addr:          "127.0.0.1:8080",
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
	return c
}
