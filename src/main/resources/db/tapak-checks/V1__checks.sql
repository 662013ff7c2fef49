-- Check store of Tapak in PostgreSQL/PostGIS (id.tapak.core.store.PostgisCheckStore), schema "tapak".
-- Applied by Flyway at the store's first use; several instances may start at once (Flyway takes an advisory lock).
-- Geometries are EPSG:4326 lon/lat, as inside Tapak. Reports are kept as the exact bytes answered (UTF-8 JSON).
CREATE TABLE tapak.checks (
  seq       bigserial PRIMARY KEY,          -- insertion order: newest first in lists, and the store's version
  id        text NOT NULL UNIQUE,
  created   timestamptz NOT NULL,
  name      text,
  kind      text NOT NULL,
  verdict   text NOT NULL,
  site_ha   double precision NOT NULL,      -- geodesic hectares (GeographicLib), as in the report
  rulebook  text NOT NULL,
  location  text,                           -- subject of the location finding, for the list's place filter
  report    bytea NOT NULL,
  geojson   bytea NOT NULL,
  site      geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX checks_created ON tapak.checks (created);
CREATE INDEX checks_site ON tapak.checks USING gist (site);

CREATE TABLE tapak.conflicts (
  check_id  text NOT NULL REFERENCES tapak.checks (id) ON DELETE CASCADE,
  rule      text NOT NULL,
  status    text NOT NULL,
  hectares  double precision,
  message   text,
  geom      geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX conflicts_check ON tapak.conflicts (check_id);
CREATE INDEX conflicts_geom ON tapak.conflicts USING gist (geom);
