package schema

import (
	"embed"
	"io/fs"
)

//go:embed *.graphqls
var sdl embed.FS

//go:embed constraints/*.cypher
var constraints embed.FS

// SDL returns the GraphQL schema files (*.graphqls).
func SDL() fs.FS { return sdl }

// Constraints returns the Cypher constraint and index files, one statement
// per file, at the root of the returned file system.
func Constraints() fs.FS {
	sub, err := fs.Sub(constraints, "constraints")
	if err != nil {
		panic(err) // the directory is embedded above; it cannot be missing
	}
	return sub
}
