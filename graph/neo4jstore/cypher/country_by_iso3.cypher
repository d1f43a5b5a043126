// country_by_iso3: the country with an ISO 3166-1 alpha-3 code.
//
// Params:     $iso3 STRING  upper case, e.g. AZE
// Returns:    n NODE; no row when there is no such country. Should two
//             countries share a code, the one with the smallest id.
// Idempotent: yes (reads only)
MATCH (n:Country {iso3: $iso3})
RETURN n
ORDER BY n.id
LIMIT 1
