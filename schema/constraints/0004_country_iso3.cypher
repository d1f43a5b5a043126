// Countries are looked up by ISO 3166-1 alpha-3 code (Store.Country and
// the country filter on events).
CREATE INDEX country_iso3 IF NOT EXISTS FOR (c:Country) ON (c.iso3)
