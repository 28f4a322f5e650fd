-- Schema version 3: a review stays true to what was reviewed.
--
-- 1. When anyone but a reviewer changes what a reviewed (or rejected) sighting
--    says, it goes back to 'unreviewed'; a non-reviewer may set the review
--    status only to 'unreviewed'.
-- 2. Adding, changing or removing a source of a reviewed sighting does the same,
--    and raises the sighting's version (it changed, so stale edits conflict).
-- 3. fid never changes; created_at is the client's on insert (never in the
--    future: copies keep when a sighting was first entered) and kept on update.
-- 4. An update that writes the stored version again (one based on the version
--    before, or one that states none) is told both possibilities.

CREATE OR REPLACE FUNCTION kpa.guard_sighting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bookkeeping text[] := ARRAY['row_version', 'updated_at', 'last_changed_by', 'map_class'];
    content_changed boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.row_version := 1;
        NEW.owner_role := coalesce(NEW.owner_role, current_user);
        NEW.last_changed_by := current_user;
        NEW.created_at := least(coalesce(NEW.created_at, now()), now());
        NEW.review_status := coalesce(NEW.review_status, 'unreviewed');
        IF NEW.review_status <> 'unreviewed' AND NOT kpa.is_reviewer() AND NOT kpa.is_admin() THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('KPA-REFUSED: only a reviewer may add a sighting with review status %L', NEW.review_status);
        END IF;
        RETURN NEW;
    END IF;

    IF NEW.fid IS DISTINCT FROM OLD.fid THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('KPA-REFUSED: the fid of sighting %s never changes', OLD.sighting_id);
    END IF;
    NEW.created_at := OLD.created_at;
    -- Writing back exactly what is there (a dropped edit) changes nothing: skip it.
    IF NEW.row_version = OLD.row_version AND (to_jsonb(NEW) - bookkeeping) = (to_jsonb(OLD) - bookkeeping) THEN
        RETURN NULL;
    END IF;
    IF NEW.row_version IS NOT DISTINCT FROM OLD.row_version THEN
        RAISE EXCEPTION USING ERRCODE = 'KP409',
            MESSAGE = format('KPA-CONFLICT: sighting %s was changed by %s at %s (now version %s); this edit was '
                             'based on version %s or stated no version (an edit writes row_version = the '
                             'version it edits + 1)',
                             OLD.sighting_id, OLD.last_changed_by, OLD.updated_at, OLD.row_version,
                             OLD.row_version - 1),
            DETAIL = json_build_object('sighting_id', OLD.sighting_id, 'row_version', OLD.row_version,
                                       'changed_by', OLD.last_changed_by, 'changed_at', OLD.updated_at)::text;
    END IF;
    IF NEW.row_version IS DISTINCT FROM OLD.row_version + 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'KP409',
            MESSAGE = format('KPA-CONFLICT: sighting %s was changed by %s at %s (now version %s); this edit was based on version %s',
                             OLD.sighting_id, OLD.last_changed_by, OLD.updated_at, OLD.row_version, NEW.row_version - 1),
            DETAIL = json_build_object('sighting_id', OLD.sighting_id, 'row_version', OLD.row_version,
                                       'changed_by', OLD.last_changed_by, 'changed_at', OLD.updated_at)::text;
    END IF;
    content_changed := (to_jsonb(NEW) - bookkeeping - 'review_status')
                       IS DISTINCT FROM (to_jsonb(OLD) - bookkeeping - 'review_status');
    IF NOT kpa.is_admin() THEN
        IF NEW.owner_role IS DISTINCT FROM OLD.owner_role THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('KPA-REFUSED: the owner of sighting %s cannot be changed', OLD.sighting_id);
        END IF;
        IF NEW.review_status IS DISTINCT FROM OLD.review_status AND NEW.review_status <> 'unreviewed'
           AND NOT kpa.is_reviewer() THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('KPA-REFUSED: only a reviewer may set the review status of sighting %s to %L',
                                 OLD.sighting_id, NEW.review_status);
        END IF;
        IF OLD.owner_role <> current_user AND content_changed THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('KPA-REFUSED: sighting %s belongs to %s; others may change only its review status',
                                 OLD.sighting_id, OLD.owner_role);
        END IF;
        IF content_changed AND NOT kpa.is_reviewer() THEN
            NEW.review_status := 'unreviewed';  -- what was reviewed is no longer what is there
        END IF;
    END IF;
    NEW.last_changed_by := current_user;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- A change to the sources of a reviewed sighting by a non-reviewer sends it back for review.
-- (A source moved from one sighting to another changes both.)
CREATE FUNCTION kpa.sources_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[] := CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.sighting_id]
                             WHEN 'DELETE' THEN ARRAY[OLD.sighting_id]
                             ELSE ARRAY[OLD.sighting_id, NEW.sighting_id] END;
BEGIN
    IF NOT kpa.is_reviewer() AND NOT kpa.is_admin() THEN
        -- (when the sighting itself is being deleted, the row is gone and nothing is updated)
        UPDATE kpa.sightings SET review_status = 'unreviewed', row_version = row_version + 1
            WHERE sighting_id = ANY(ids) AND review_status <> 'unreviewed';
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER sighting_sources_review AFTER INSERT OR UPDATE OR DELETE ON kpa.sighting_sources
    FOR EACH ROW EXECUTE FUNCTION kpa.sources_changed();
