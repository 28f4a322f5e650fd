"""What the settings page says about a team database: who I am there, what I may do, how current it is."""

from dataclasses import dataclass

from ...toolbelt.i18n import tr
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
            may = tr("administrator (creates and updates the schema)")
        elif "kpa_reviewer" in self.roles:
            may = tr("reviewer: adds sightings, edits their own, sets review status")
        elif "kpa_analyst" in self.roles:
            may = tr("analyst: adds sightings and edits their own")
        elif "kpa_reader" in self.roles:
            may = tr("read-only")
        else:
            may = tr("no team role: ask the administrator to grant kpa_reader, kpa_analyst or kpa_reviewer")
        if self.schema_version == 0:
            schema = tr("No team schema yet (the plugin creates it when an administrator connects).")
        elif self.schema_version < self.plugin_version:
            schema = tr("Schema version {} (the plugin updates it to {} when an administrator connects).").format(
                self.schema_version, self.plugin_version)
        elif self.schema_version > self.plugin_version:
            schema = tr("Schema version {} is newer than this plugin ({}): update the plugin.").format(
                self.schema_version, self.plugin_version)
        else:
            schema = tr("Schema version {}, {} sightings with {} sources.").format(
                self.schema_version, self.sightings, self.sources)
        return tr("Connected as {} ({}). {}").format(self.login, may, schema)


def team_status(connection_name: str) -> TeamStatus:
    """Raises team_db.TeamError (with a readable message) when the database cannot be reached."""
    conn = team_db.connect(connection_name)
    try:
        return read_status(conn)
    finally:
        conn.close()


def read_status(conn) -> TeamStatus:
    """The status seen through an open connection (left with no transaction open)."""
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
    conn.rollback()
    return TeamStatus(login, tuple(roles), admin, version, team_db.latest_version(), *counts)


__all__ = ["TeamStatus", "read_status", "team_status"]
