-- KPA Deployment Tracker team workspace, schema version 5: no sighting at 0, 0 ("Null Island").
-- The same rule as the local GeoPackage and every plugin writer (core/domain/values.py is_null_island,
-- validation.py, rules_sql.null_island_sql): both coordinates within 2^-20 degrees (about 0.1 m) of 0 are
-- what an empty or failed coordinate becomes, never where a unit was seen. A trigger, not a bare CHECK,
-- so the refusal is a sentence that names the field. Rows stored before version 5 are not re-checked
-- now; inserting one, or moving one, is.

CREATE FUNCTION kpa.refuse_null_island() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.geom IS NOT NULL AND abs(ST_X(NEW.geom)) < 2 ^ -20 AND abs(ST_Y(NEW.geom)) < 2 ^ -20 THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = format('KPA-REFUSED: Longitude (lon): %s, %s is 0, 0 (Null Island), what an empty or '
                             'failed coordinate becomes; give the place where the unit was seen (sighting %s)',
                             ST_X(NEW.geom), ST_Y(NEW.geom), NEW.sighting_id);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER sightings_refuse_null_island BEFORE INSERT OR UPDATE OF geom ON kpa.sightings
    FOR EACH ROW EXECUTE FUNCTION kpa.refuse_null_island();
