-- KPA Deployment Tracker team workspace, schema version 1: the tables.
-- Same data model as the local GeoPackage (kpa_tracker/core/sightings.py).
-- Run by the plugin inside one transaction, with the version row it records.

CREATE SCHEMA kpa;

CREATE TABLE kpa.schema_version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by name NOT NULL DEFAULT session_user
);

CREATE TABLE kpa.sightings (
    fid bigserial PRIMARY KEY,
    geom geometry(Point, 4326) NOT NULL,
    sighting_id uuid NOT NULL UNIQUE,
    unit_id text,
    unit_as_reported text,
    observed_at timestamptz NOT NULL,
    time_precision integer NOT NULL CHECK (time_precision BETWEEN 1 AND 3),
    location_name text,
    geo_precision integer NOT NULL CHECK (geo_precision BETWEEN 1 AND 3),
    source_reliability text NOT NULL CHECK (source_reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    info_credibility integer NOT NULL CHECK (info_credibility BETWEEN 1 AND 6),
    claim_status text NOT NULL CHECK (claim_status IN ('confirmed', 'assessed', 'reported', 'claimed')),
    review_status text NOT NULL DEFAULT 'unreviewed'
        CHECK (review_status IN ('unreviewed', 'reviewed', 'rejected')),
    description text,
    analyst text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    attachment text,
    attachment_sha256 text,
    map_class text,
    CHECK (unit_id IS NOT NULL OR unit_as_reported IS NOT NULL)
);
CREATE INDEX sightings_geom ON kpa.sightings USING gist (geom);
CREATE INDEX sightings_observed_at ON kpa.sightings (observed_at);
CREATE INDEX sightings_unit_id ON kpa.sightings (unit_id);

CREATE TABLE kpa.sighting_sources (
    fid bigserial PRIMARY KEY,
    source_id uuid NOT NULL UNIQUE,
    sighting_id uuid NOT NULL REFERENCES kpa.sightings (sighting_id) ON DELETE CASCADE,
    url text NOT NULL,
    publisher text NOT NULL,
    published_at text,
    archive_url text,
    notes text
);
CREATE INDEX sighting_sources_sighting_id ON kpa.sighting_sources (sighting_id);

-- The symbol class the style draws, kept right whatever client writes the row;
-- the twin of map_class_sql() in sightings.py (a test compares the two).
CREATE FUNCTION kpa.set_map_class() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.map_class := CASE WHEN lower(NEW."review_status") = 'rejected' THEN 'rejected' ELSE coalesce(lower(NEW."claim_status"), 'unknown') || ' ' || CASE WHEN upper(NEW."source_reliability") IN ('A', 'B') AND NEW."info_credibility" IN (1, 2) THEN 'high' WHEN NEW."source_reliability" IS NULL OR NEW."info_credibility" IS NULL OR upper(NEW."source_reliability") IN ('E', 'F') OR NEW."info_credibility" IN (5, 6) THEN 'low' ELSE 'medium' END END;
    RETURN NEW;
END
$$;
CREATE TRIGGER sightings_map_class BEFORE INSERT OR UPDATE ON kpa.sightings
    FOR EACH ROW EXECUTE FUNCTION kpa.set_map_class();
