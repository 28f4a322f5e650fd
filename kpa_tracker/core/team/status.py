"""What the settings page says about a team database: who I am there, what I may do, how current it is."""

from dataclasses import dataclass

from . import connection as team_db
from . import store as team_store


@dataclass
class TeamStatus:
    login: str
    roles: tuple  # the team roles the login has: kpa_reader, kpa_analyst, kpa_reviewer
    admin: bool
    schema_version: int
    plugin_version: int
    sightings: int = 0
    sources: int = 0

    def __str__(self) -> str:
        if self.admin:
            may = "administrator (creates and updates the schema)"
        elif "kpa_reviewer" in self.roles:
            may = "reviewer: adds sightings, edits their own, sets review status"
        elif "kpa_analyst" in self.roles:
            may = "analyst: adds sightings and edits their own"
        elif "kpa_reader" in self.roles:
            may = "read-only"
        else:
            may = "no team role: ask the administrator to grant kpa_reader, kpa_analyst or kpa_reviewer"
        if self.schema_version == 0:
            schema = "no team schema yet (the plugin creates it when an administrator connects)"
        elif self.schema_version < self.plugin_version:
            schema = "schema version {} (the plugin updates it to {} when an administrator connects)".format(
                self.schema_version, self.plugin_version)
        elif self.schema_version > self.plugin_version:
            schema = "schema version {} is newer than this plugin ({}): update the plugin".format(
                self.schema_version, self.plugin_version)
        else:
            schema = "schema version {}, {} sightings with {} sources".format(
                self.schema_version, self.sightings, self.sources)
        return "Connected as {} ({}). {}.".format(self.login, may, schema[0].upper() + schema[1:])


def team_status(connection_name: str) -> TeamStatus:
    """Raises team_db.TeamError (with a readable message) when the database cannot be reached."""
    conn = team_db.connect(connection_name)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_user, "
                           "ARRAY(SELECT r FROM unnest(ARRAY['kpa_reader', 'kpa_analyst', 'kpa_reviewer']) AS r "
                           "WHERE EXISTS (SELECT FROM pg_roles WHERE rolname = r) "
                           "AND pg_has_role(current_user, r, 'MEMBER')), "
                           "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")
            login, roles, superuser = cursor.fetchone()
        conn.rollback()
        version = team_db.schema_version(conn)
        admin = bool(superuser)
        counts = (0, 0)
        if version:
            with conn.cursor() as cursor:
                cursor.execute("SELECT pg_has_role(current_user, relowner, 'MEMBER') FROM pg_class "
                               "WHERE oid = 'kpa.sightings'::regclass")
                admin = admin or bool(cursor.fetchone()[0])
            conn.rollback()
            if "kpa_reader" in roles or admin:
                counts = team_store.count_sightings(conn)
        return TeamStatus(login, tuple(roles), admin, version, team_db.latest_version(), *counts)
    finally:
        conn.close()
