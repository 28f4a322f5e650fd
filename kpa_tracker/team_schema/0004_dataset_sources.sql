-- KPA Deployment Tracker team workspace, schema version 4: sources that cite a dataset record.
-- The same rule as the local GeoPackage (core/domain/validation.py, rules_sql.py):
--   dataset + record_id: the source is a record of a dataset (ACLED names its sources, with no URL);
--     then url may be empty: no URL is invented. A dataset needs its record id, and a record id its dataset.
--   original_url: the post this source reports or reposts, so two outlets quoting one post are one origin.
-- Links are web addresses (http or https, a host, no spaces or control characters), as urls.is_web_url.
-- The link checks are NOT VALID: rows written before them are not re-checked now (every plugin writer
-- checked them already), but any row inserted or updated from now on is.

ALTER TABLE kpa.sighting_sources
    ADD COLUMN dataset text,
    ADD COLUMN record_id text,
    ADD COLUMN original_url text,
    ALTER COLUMN url DROP NOT NULL;

ALTER TABLE kpa.sighting_sources ADD CONSTRAINT source_needs_url_or_dataset_record
    CHECK (nullif(btrim(url), '') IS NOT NULL
           OR (nullif(btrim(dataset), '') IS NOT NULL AND nullif(btrim(record_id), '') IS NOT NULL));
ALTER TABLE kpa.sighting_sources ADD CONSTRAINT source_dataset_and_record_id_together
    CHECK ((nullif(btrim(dataset), '') IS NULL) = (nullif(btrim(record_id), '') IS NULL));
ALTER TABLE kpa.sighting_sources ADD CONSTRAINT source_url_is_a_web_address
    CHECK (nullif(btrim(url), '') IS NULL OR url ~* '^https?://[^[:space:][:cntrl:]/?#]+[^[:space:][:cntrl:]]*$') NOT VALID;
ALTER TABLE kpa.sighting_sources ADD CONSTRAINT source_archive_url_is_a_web_address
    CHECK (nullif(btrim(archive_url), '') IS NULL OR archive_url ~* '^https?://[^[:space:][:cntrl:]/?#]+[^[:space:][:cntrl:]]*$') NOT VALID;
ALTER TABLE kpa.sighting_sources ADD CONSTRAINT source_original_url_is_a_web_address
    CHECK (nullif(btrim(original_url), '') IS NULL OR original_url ~* '^https?://[^[:space:][:cntrl:]/?#]+[^[:space:][:cntrl:]]*$');

-- What each field is for: QGIS shows a column's comment as the tooltip of its label in the form.
-- (The same texts as SOURCE_HINTS in core/domain/fields.py; a test compares them.)
COMMENT ON COLUMN kpa.sighting_sources.url IS 'The web address of the source (http:// or https://). It may stay empty only for a dataset record: then give the dataset and the record id.';
COMMENT ON COLUMN kpa.sighting_sources.publisher IS 'Who published it: the outlet, channel, agency or account. For a dataset record, the sources the record names.';
COMMENT ON COLUMN kpa.sighting_sources.published_at IS 'When it was published: a date (2024-11-03) or a UTC date-time (2024-11-03T14:20:00Z).';
COMMENT ON COLUMN kpa.sighting_sources.archive_url IS 'An archived copy (archive.org, archive.ph), http:// or https://.';
COMMENT ON COLUMN kpa.sighting_sources.notes IS 'Anything a reader of the source should know.';
COMMENT ON COLUMN kpa.sighting_sources.dataset IS 'The dataset this source is a record of (e.g. ACLED), when the sighting comes from one; give its record id too. With both, no URL is needed: none is invented.';
COMMENT ON COLUMN kpa.sighting_sources.record_id IS 'The record''s id in the dataset (e.g. ACLED''s event id UKR12345); needs the dataset.';
COMMENT ON COLUMN kpa.sighting_sources.original_url IS 'When this source reports or reposts another post (an outlet quoting a Telegram post): that post''s address, http:// or https://. Two sources with the same original are one origin, not two independent sources.';
