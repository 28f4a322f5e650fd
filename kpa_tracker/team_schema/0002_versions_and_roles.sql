-- Schema version 2: row versions against lost updates, and the team's roles
-- enforced by the database (grants, row-level security and a trigger), not
-- only by the plugin's user interface.

-- Who owns a row and who changed it last are the role names the database
-- itself knows (current_user: the role whose privileges apply, the one the
-- grants and policies check), never a name the client writes.
-- Existing rows belong to whoever runs this migration. Text, not the type
-- name: QGIS 3.22's postgres provider reads name columns as NULL.
ALTER TABLE kpa.sightings
    ADD COLUMN row_version integer NOT NULL DEFAULT 1,
    ADD COLUMN owner_role text NOT NULL DEFAULT current_user,
    ADD COLUMN last_changed_by text NOT NULL DEFAULT current_user;

-- The roles are the cluster's, shared by every database on it: create them once.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kpa_reader') THEN
        CREATE ROLE kpa_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kpa_analyst') THEN
        CREATE ROLE kpa_analyst NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kpa_reviewer') THEN
        CREATE ROLE kpa_reviewer NOLOGIN;
    END IF;
END
$$;
-- An analyst may do what a reader may; a reviewer what an analyst may.
GRANT kpa_reader TO kpa_analyst;
GRANT kpa_analyst TO kpa_reviewer;

GRANT USAGE ON SCHEMA kpa TO kpa_reader;
GRANT SELECT ON kpa.sightings, kpa.sighting_sources, kpa.schema_version TO kpa_reader;
GRANT INSERT, UPDATE, DELETE ON kpa.sightings, kpa.sighting_sources TO kpa_analyst;
GRANT USAGE ON SEQUENCE kpa.sightings_fid_seq, kpa.sighting_sources_fid_seq TO kpa_analyst;

-- The owner of the tables (whoever created the schema) and superusers administer.
CREATE FUNCTION kpa.is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'kpa.sightings'::regclass), 'MEMBER')
$$;
CREATE FUNCTION kpa.is_reviewer() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, 'kpa_reviewer', 'MEMBER')
$$;

-- Row versions and the rules no policy can express (which columns a role may change).
-- An update must state the version it edits by writing row_version = that + 1;
-- anything else is refused with SQLSTATE KP409 and a message starting
-- "KPA-CONFLICT", whose DETAIL (JSON) carries the current version and who made it.
CREATE FUNCTION kpa.guard_sighting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bookkeeping text[] := ARRAY['row_version', 'updated_at', 'last_changed_by', 'map_class', 'fid'];
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.row_version := 1;
        NEW.owner_role := coalesce(NEW.owner_role, current_user);
        NEW.last_changed_by := current_user;
        NEW.review_status := coalesce(NEW.review_status, 'unreviewed');
        IF NEW.review_status <> 'unreviewed' AND NOT kpa.is_reviewer() THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('KPA-REFUSED: only a reviewer may add a sighting with review status %L', NEW.review_status);
        END IF;
        RETURN NEW;
    END IF;

    -- Writing back exactly what is there (a dropped edit) changes nothing: skip it.
    IF NEW.row_version = OLD.row_version AND (to_jsonb(NEW) - bookkeeping) = (to_jsonb(OLD) - bookkeeping) THEN
        RETURN NULL;
    END IF;
    IF NEW.row_version IS DISTINCT FROM OLD.row_version + 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'KP409',
            MESSAGE = format('KPA-CONFLICT: sighting %s was changed by %s at %s (now version %s); this edit was based on version %s',
                             OLD.sighting_id, OLD.last_changed_by, OLD.updated_at, OLD.row_version, NEW.row_version - 1),
            DETAIL = json_build_object('sighting_id', OLD.sighting_id, 'row_version', OLD.row_version,
                                       'changed_by', OLD.last_changed_by, 'changed_at', OLD.updated_at)::text;
    END IF;
    IF NOT kpa.is_admin() THEN
        IF NEW.owner_role IS DISTINCT FROM OLD.owner_role THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('KPA-REFUSED: the owner of sighting %s cannot be changed', OLD.sighting_id);
        END IF;
        IF NEW.review_status IS DISTINCT FROM OLD.review_status AND NOT kpa.is_reviewer() THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('KPA-REFUSED: only a reviewer may change the review status of sighting %s', OLD.sighting_id);
        END IF;
        IF OLD.owner_role <> current_user
           AND (to_jsonb(NEW) - bookkeeping - 'review_status') IS DISTINCT FROM (to_jsonb(OLD) - bookkeeping - 'review_status') THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('KPA-REFUSED: sighting %s belongs to %s; others may change only its review status',
                                 OLD.sighting_id, OLD.owner_role);
        END IF;
    END IF;
    NEW.last_changed_by := current_user;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
-- Named to run before sightings_map_class (BEFORE triggers fire in name order).
CREATE TRIGGER sightings_guard BEFORE INSERT OR UPDATE ON kpa.sightings
    FOR EACH ROW EXECUTE FUNCTION kpa.guard_sighting();

-- Deleting is for the row's owner (and administrators), refused with a message rather than silently.
CREATE FUNCTION kpa.guard_sighting_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.owner_role <> current_user AND NOT kpa.is_admin() THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('KPA-REFUSED: sighting %s belongs to %s; only they may delete it', OLD.sighting_id, OLD.owner_role);
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER sightings_guard_delete BEFORE DELETE ON kpa.sightings
    FOR EACH ROW EXECUTE FUNCTION kpa.guard_sighting_delete();

-- Row-level security: everyone in the team reads everything; an analyst adds
-- rows as their own and changes only those (the trigger refuses a change of
-- owner, so WITH CHECK refuses an edit of someone else's row with an error);
-- a reviewer may update any row (the trigger limits it to review_status).
ALTER TABLE kpa.sightings ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON kpa.sightings FOR SELECT TO kpa_reader USING (true);
CREATE POLICY add_own ON kpa.sightings FOR INSERT TO kpa_analyst WITH CHECK (owner_role = current_user);
CREATE POLICY edit_own ON kpa.sightings FOR UPDATE TO kpa_analyst USING (true) WITH CHECK (owner_role = current_user);
CREATE POLICY review_any ON kpa.sightings FOR UPDATE TO kpa_reviewer USING (true) WITH CHECK (true);
CREATE POLICY delete_own ON kpa.sightings FOR DELETE TO kpa_analyst USING (true);

-- Sources follow their sighting's owner.
CREATE FUNCTION kpa.owns_sighting(id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT FROM kpa.sightings s WHERE s.sighting_id = id AND s.owner_role = current_user)
$$;
ALTER TABLE kpa.sighting_sources ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON kpa.sighting_sources FOR SELECT TO kpa_reader USING (true);
CREATE POLICY add_own ON kpa.sighting_sources FOR INSERT TO kpa_analyst WITH CHECK (kpa.owns_sighting(sighting_id));
CREATE POLICY edit_own ON kpa.sighting_sources FOR UPDATE TO kpa_analyst
    USING (kpa.owns_sighting(sighting_id)) WITH CHECK (kpa.owns_sighting(sighting_id));
CREATE POLICY delete_own ON kpa.sighting_sources FOR DELETE TO kpa_analyst USING (kpa.owns_sighting(sighting_id));

-- Login users: SELECT kpa.create_login('kim', 'a long password', 'kpa_analyst');
-- (run by an administrator with CREATEROLE; the password is stored as a SCRAM hash).
CREATE FUNCTION kpa.create_login(login name, password text, team_role name) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF team_role NOT IN ('kpa_reader', 'kpa_analyst', 'kpa_reviewer') THEN
        RAISE EXCEPTION 'KPA-REFUSED: % is not a team role (kpa_reader, kpa_analyst, kpa_reviewer)', team_role;
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, password, team_role);
END
$$;
REVOKE EXECUTE ON FUNCTION kpa.create_login(name, text, name) FROM PUBLIC;
