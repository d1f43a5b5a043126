package server

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"

	"github.com/99designs/gqlgen/graphql/playground"
)

// graphiqlFiles are the scripts and styles of the GraphiQL page, served
// from the server itself (web/graphiql/README.md).
//
//go:embed web/graphiql/*.js web/graphiql/*.css
var graphiqlFiles embed.FS

// graphiqlAssetPath is where the files of graphiqlFiles are served.
const graphiqlAssetPath = "/graphiql/assets/"

// graphiqlAssets are the files of the page with their subresource
// integrity digests: the ones gqlgen pins for the same files on its CDN.
var graphiqlAssets = map[string]string{
	"graphiql.min.js":             "sha256-hnImuor1znlJkD/FOTL3jayfS/xsyNoP04abi8bFJWs=",
	"graphiql.min.css":            "sha256-MEh+B2NdMSpj9kexQNN3QKc8UzMrCXW/Sx/phcpuyIU=",
	"react.production.min.js":     "sha256-S0lp+k7zWUMk2ixteM6HZvu8L9Eh//OVrt+ZfbCpmgY=",
	"react-dom.production.min.js": "sha256-IXWO0ITNDjfnNXIu5POVfqlgYoop36bDzhodR6LW5Pc=",
}

// graphiqlPage is gqlgen's GraphiQL page, pointed at the server's own
// copies of its files.
var graphiqlPage = playground.Handler("dipgraph GraphiQL", "/graphql",
	playground.WithGraphiqlVersion(graphiqlAssetPath+"graphiql.min.js", graphiqlAssetPath+"graphiql.min.css",
		graphiqlAssets["graphiql.min.js"], graphiqlAssets["graphiql.min.css"]),
	playground.WithGraphiqlReactVersion(graphiqlAssetPath+"react.production.min.js", graphiqlAssetPath+"react-dom.production.min.js",
		graphiqlAssets["react.production.min.js"], graphiqlAssets["react-dom.production.min.js"]))

// graphiqlAssetHandler serves graphiqlFiles under graphiqlAssetPath.
func graphiqlAssetHandler() http.Handler {
	sub, err := fs.Sub(graphiqlFiles, "web/graphiql")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return http.StripPrefix(graphiqlAssetPath, http.FileServerFS(sub))
}

// graphiqlCSP is the content security policy of the GraphiQL page: scripts
// only from the server and the page's one inline script (by its digest),
// requests only to the server, fonts and images inline (GraphiQL's styles
// carry their fonts as data: URLs), no frames, forms or plugins. Styles
// may be inline: GraphiQL sets style attributes.
var graphiqlCSP = "default-src 'none'; script-src 'self' " + inlineScriptDigests() +
	"; style-src 'self' 'unsafe-inline'; font-src data:; img-src 'self' data:; connect-src 'self'" +
	"; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

// inlineScript matches a script element with a body and no src.
var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// inlineScriptDigests renders the page once and returns the CSP source
// of each inline script, 'sha256-...'.
func inlineScriptDigests() string {
	rec := httptest.NewRecorder()
	graphiqlPage(rec, httptest.NewRequest(http.MethodGet, "/graphiql", nil))
	out := ""
	for _, m := range inlineScript.FindAllSubmatch(rec.Body.Bytes(), -1) {
		d := sha256.Sum256(m[1])
		if out != "" {
			out += " "
		}
		out += "'sha256-" + base64.StdEncoding.EncodeToString(d[:]) + "'"
	}
	return out
}
