-- The version table of live PostGIS layers and its trigger on one table (psql variable rel: schema.table).
--   psql -v rel=public.rtrw_jabar -f scripts/sql/layer-version.sql     (scripts/import and
--   scripts/postgis version-trigger TABLE run it)
-- Tapak reads tapak_layers.layer_version at most every source.pollMillis ms; without a row for a table it falls back
-- to pg_stat_user_tables (docs/postgis.md). Schema tapak_layers, not tapak: Flyway owns schema tapak (check store).
-- Idempotent. SECURITY DEFINER: whoever edits the table bumps the version without rights on tapak_layers.
CREATE SCHEMA IF NOT EXISTS tapak_layers;
CREATE TABLE IF NOT EXISTS tapak_layers.layer_version (
  relation   text PRIMARY KEY,                 -- format('%I.%I', schema, table)
  version    bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE OR REPLACE FUNCTION tapak_layers.bump_version() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO tapak_layers.layer_version AS v (relation, version, changed_at)
  VALUES (format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 1, now())
  ON CONFLICT (relation) DO UPDATE SET version = v.version + 1, changed_at = now();
  RETURN NULL;
END $$;
GRANT USAGE ON SCHEMA tapak_layers TO PUBLIC;
GRANT SELECT ON tapak_layers.layer_version TO PUBLIC;
SELECT format('DROP TRIGGER IF EXISTS tapak_layer_version ON %s', :'rel'::regclass) \gexec
SELECT format('CREATE TRIGGER tapak_layer_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s '
  'FOR EACH STATEMENT EXECUTE FUNCTION tapak_layers.bump_version()', :'rel'::regclass) \gexec
-- a re-imported (recreated) table gets a new version too
INSERT INTO tapak_layers.layer_version AS v (relation, version, changed_at)
SELECT format('%I.%I', n.nspname, k.relname), 1, now() FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
WHERE k.oid = :'rel'::regclass
ON CONFLICT (relation) DO UPDATE SET version = v.version + 1, changed_at = now();
