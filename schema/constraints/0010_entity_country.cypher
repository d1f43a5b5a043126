// People, bodies and places are found by the country they belong to: a
// country's events include its people's, and lists filter by country.
CREATE INDEX entity_country IF NOT EXISTS FOR (e:Entity) ON (e.country)
