// Package corenlp is the client of a Stanford CoreNLP server: it sends the
// sentences the extractor wants parsed and returns their parse as
// extract/parse values (tokens with part of speech and lemma, enhanced++
// Universal Dependencies). It is the only package of the module that talks
// to the parser server, and the only package under extract that does I/O.
//
// How a call goes: Client.Parse takes an article text and the byte spans
// of the sentences to parse (extract.Sentences gives them). Each span is
// one sentence: spans found in the cache (in memory, then on disk) are not
// sent; the others are sent in chunks of a bounded number of sentences and
// bytes, one sentence a line with ssplit.eolonly, chunks in parallel over
// the configured servers (a bounded number of requests per server). A
// chunk that fails for a transient reason (5xx, timeout, dropped
// connection) is retried with exponential backoff; one the server refuses
// (4xx, e.g. longer than its maxCharLength) is sent again a sentence at a
// time, and a sentence still refused gets no parse. The extractor reads a
// sentence without a parse from its raw tokens, so nothing is lost but
// the parse.
//
// Client.Coref is apart from that path: it sends a whole text as one
// document through NER and a coreference system (the statistical one on
// the dependency parse, or the rule-based dcoref on the constituency
// parse) and returns its chains with byte offsets (CorefDocument). It
// caches nothing, since a chain crosses sentences. The extractor does not
// use it: dipgraph eval coref measures what it would add (README,
// "Coreference").
//
// Invariants:
//   - Offsets are byte offsets into the text given to Parse: the server's
//     UTF-16 offsets are mapped back exactly (curly quotes, accents and
//     characters outside the BMP included), and a token's span slices
//     back to its surface form.
//   - A sentence's parse depends on its text and the parser (version and
//     annotators, Client.Parser) alone, never on its neighbours or on how
//     the article was chunked; that is what makes the cache sound. Cached
//     parses hold sentence-relative offsets, shifted on read.
//   - Document.Sentences are in text order, one per span that got a parse.
//   - A Client is safe for concurrent use; the disk cache may be shared by
//     several processes (files are written whole and renamed into place).
//   - Nothing listening at any server gives an error wrapping
//     ErrUnavailable; the context's cancellation is honoured at every wait.
//
// It imports extract/parse, net/http and the standard library; never
// extract itself, graph, server, cmd or a database driver (cmd/dipgraph's
// TestImportRules enforces it). Only cmd constructs a Client, from the
// environment. Its tests run against a real CoreNLP server
// ($DIPGRAPH_CORENLP_URL, default http://127.0.0.1:9000) and skip when none
// answers, unless DIPGRAPH_REQUIRE_CORENLP=1.
package corenlp
