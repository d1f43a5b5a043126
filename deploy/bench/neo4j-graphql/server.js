// The @neo4j/graphql side of dipgraph's API benchmark (deploy/bench): serves
// typedefs.graphql over the Neo4j database that `dipgraph ingest` wrote,
// through Apollo Server, on loopback only. Read-only.
//
// Environment: NEO4J_URI (bolt://127.0.0.1:7689), NEO4J_USER (neo4j),
// NEO4J_PASSWORD (dipgraph-dev), NEO4J_DATABASE (neo4j),
// PORT (4000; the host is always 127.0.0.1), TYPEDEFS (typedefs.graphql:
// entities as an interface; typedefs-flat.graphql: entities as one type).
// DEBUG=@neo4j/graphql:* prints the generated Cypher.
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const env = (k, d) => process.env[k] || d;
const database = env("NEO4J_DATABASE", "neo4j");
const port = Number(env("PORT", "4000"));

const typeDefs = readFileSync(new URL(env("TYPEDEFS", "typedefs.graphql"), import.meta.url), "utf8");

// One driver per process, as the driver manual says; the pool is the
// driver's default (100), more than the benchmark's concurrency.
const driver = neo4j.driver(
  env("NEO4J_URI", "bolt://127.0.0.1:7689"),
  neo4j.auth.basic(env("NEO4J_USER", "neo4j"), env("NEO4J_PASSWORD", "dipgraph-dev")),
);

const neoSchema = new Neo4jGraphQL({
  typeDefs,
  driver,
  features: {
    // Smaller schema: drop every field the library marks deprecated.
    excludeDeprecatedFields: {
      mutationOperations: true,
      aggregationFilters: true,
      aggregationFiltersOutsideConnection: true,
      relationshipFilters: true,
      attributeFilters: true,
    },
  },
});

const schema = await neoSchema.getSchema();
// The library checks for APOC, which it needs only for @authorization and
// some temporal formatting; the benchmark's read queries use neither, and
// dipgraph's Neo4j runs without plugins. Report, don't fail.
try {
  await neoSchema.checkNeo4jCompat({ sessionConfig: { database } });
} catch (err) {
  console.error(`warning: ${err.message.replaceAll("\n", " ")}`);
}

const server = new ApolloServer({
  schema,
  // Apollo's bounded in-memory cache of parsed documents is on by default.
  introspection: true,
});

const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port },
  context: async ({ req }) => ({
    token: req.headers.authorization,
    sessionConfig: { database },
  }),
});
console.log(`@neo4j/graphql serving on ${url}`);

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
