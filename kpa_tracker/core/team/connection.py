"""The team workspace on PostGIS: connections, the versioned schema, the layers.

A team shares one PostgreSQL + PostGIS database holding the same two tables as
the local GeoPackage workspace, in the schema ``kpa``. The plugin connects
through one of QGIS's own PostgreSQL connections (Data Source Manager), whose
credentials live in QGIS's authentication manager:

- `connect(name)` opens a psycopg2 connection for the plugin's own SQL
  (writes in one transaction, migrations, conflict look-ups);
- `open_team_layers(name)` gives the two tables as postgres-provider layers
  whose URIs carry only the authentication configuration id, never a user
  name or password, so a saved project holds no secret.

A connection that stores its password in plain text in QGIS's settings is
refused, with a message saying how to move it into an authentication
configuration.

The schema is versioned: ``team_schema/NNNN_name.sql`` are applied in order,
all missing ones in ONE transaction with their rows in ``kpa.schema_version``,
so an interrupted migration leaves the old version whole. A database already
at a newer version than this plugin knows is refused and left untouched.
"""

import re
from pathlib import Path
from typing import List, Optional, Tuple

from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer

from ...toolbelt.compat import WKB_POINT
from ...toolbelt.i18n import tr

SCHEMA = "kpa"
SIGHTINGS_TABLE = "sightings"
SOURCES_TABLE = "sighting_sources"
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "team_schema"
APPLICATION_NAME = "KPA Deployment Tracker"
CONFLICT_SQLSTATE = "KP409"
CONFLICT_PREFIX = "KPA-CONFLICT"
REFUSED_PREFIX = "KPA-REFUSED"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[A-Za-z0-9_]+\.sql$")
# Any number: two plugins migrating the same database at once take turns.
_MIGRATION_LOCK = 0x4B5041


class TeamError(Exception):
    """Something about the team database failed; the message says what, in words."""


class TeamConnectionError(TeamError):
    """The database could not be reached, or the connection was lost (nothing uncommitted was kept)."""


class TeamSchemaError(TeamError):
    """The database's schema cannot be used by this plugin (too new, or not migrated)."""


def require_psycopg2():
    """The psycopg2 module (with its extras); a TeamError saying how to install it when it is missing."""
    try:
        import psycopg2
        import psycopg2.extras  # noqa: F401  (execute_values)
    except ImportError:
        raise TeamError(tr("The team workspace needs the Python module psycopg2, which is not installed. "
                           "On Debian/Ubuntu: apt install python3-psycopg2; on Windows it comes with "
                           "the OSGeo4W/QGIS installer (python3-psycopg2).")) from None
    return psycopg2


# --- migrations ----------------------------------------------------------------------------

def migrations() -> List[Tuple[int, Path]]:
    """(version, file) of every migration shipped with the plugin, in order."""
    found = []
    for path in sorted(SCHEMA_DIR.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    versions = [v for v, _p in found]
    if versions != list(range(1, len(versions) + 1)):
        raise TeamSchemaError("the plugin's migrations are not numbered 1, 2, 3…: {}".format(versions))
    return found


def latest_version() -> int:
    return len(migrations())


def schema_version(conn) -> int:
    """The database's schema version; 0 when it has no team schema yet."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT to_regclass('kpa.schema_version') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return 0
        cursor.execute("SELECT coalesce(max(version), 0) FROM kpa.schema_version")
        return cursor.fetchone()[0]


def _too_new(found: int, latest: int) -> TeamSchemaError:
    return TeamSchemaError(tr(
        "The team database has schema version {}, newer than this plugin understands (version {}). "
        "Nothing was changed; update the KPA Deployment Tracker plugin to use this database.").format(found, latest))


def ensure_schema(conn, target: Optional[int] = None) -> Tuple[int, int]:
    """Create the schema on an empty database or migrate it forward; returns (before, after).

    Every missing migration runs in ONE transaction with its schema_version
    row: on any error everything is rolled back and the database stays at its
    old version. Refuses (TeamSchemaError, no change) a database newer than
    the plugin. `target` stops at an older version (for tests).
    """
    psycopg2 = require_psycopg2()
    steps = migrations()
    target = len(steps) if target is None else target
    if conn.autocommit:
        raise TeamError("ensure_schema needs a connection in transaction mode (autocommit off)")
    before = 0
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            before = schema_version(conn)
            if before > len(steps):
                raise _too_new(before, len(steps))
            for version, path in steps:
                if before < version <= target:
                    cursor.execute(path.read_text(encoding="utf-8"))
                    cursor.execute("INSERT INTO kpa.schema_version (version) VALUES (%s)", (version,))
        conn.commit()
    except psycopg2.errors.InsufficientPrivilege as exc:
        conn.rollback()
        raise TeamSchemaError(tr("The team database needs its schema created or updated (version {} to {}), "
                                 "and this login may not do it: ask the database administrator to open it "
                                 "once with the plugin. ({})").format(before, target, first_line(exc))) from None
    except psycopg2.OperationalError as exc:
        rollback_quietly(conn)
        raise TeamConnectionError(tr("The connection to the team database was lost while its schema was being "
                                     "updated; nothing was changed. ({})").format(first_line(exc))) from None
    except BaseException:
        rollback_quietly(conn)
        raise
    return before, max(before, target)


def check_schema(conn) -> int:
    """The version, when it is exactly the plugin's; TeamSchemaError otherwise (for logins that may not migrate)."""
    found, latest = schema_version(conn), latest_version()
    conn.rollback()
    if found > latest:
        raise _too_new(found, latest)
    if found < latest:
        raise TeamSchemaError(tr("The team database has schema version {}, the plugin needs {}: ask the database "
                                 "administrator to open it once with the plugin to update it.").format(found, latest))
    return found


def rollback_quietly(conn) -> None:
    """Roll back what may be left of a failed transaction, whether or not the connection still lives."""
    try:
        conn.rollback()
    except Exception:  # the connection is gone; the server rolled back already
        pass


def first_line(exc) -> str:
    """An exception's first line, for a sentence (the server's message without its detail and hint)."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# --- QGIS connections ------------------------------------------------------------------------

def connection_names() -> List[str]:
    """The PostgreSQL connections defined in QGIS (Data Source Manager), by name."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections().keys()) if metadata is not None else []


def qgis_connection_uri(connection_name: str) -> QgsDataSourceUri:
    """The QGIS connection's URI, refused when it keeps a password in plain text."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        raise TeamConnectionError(tr("QGIS's PostgreSQL provider is not available"))
    if connection_name not in metadata.connections():
        raise TeamConnectionError(tr("There is no PostgreSQL connection named '{}' in QGIS; create it in the "
                                     "Data Source Manager (PostgreSQL)").format(connection_name))
    uri = QgsDataSourceUri(metadata.findConnection(connection_name).uri())
    if uri.password() and not uri.authConfigId():
        raise TeamConnectionError(tr(
            "The QGIS connection '{}' stores its password in plain text in QGIS's settings (and would copy it "
            "into every project). Edit the connection: under Authentication choose Configurations, create one "
            "with the user name and password, and clear the Basic user name and password.").format(connection_name))
    return uri


def connect(connection_name: str, application_name: str = APPLICATION_NAME):
    """A psycopg2 connection (transaction mode) through the named QGIS connection.

    The authentication configuration is expanded here, in memory, for libpq;
    raises TeamConnectionError with a readable message when it fails.
    """
    uri = qgis_connection_uri(connection_name)
    return connect_dsn(uri.connectionInfo(True), application_name,
                       tr("the QGIS connection '{}'").format(connection_name))


def connect_dsn(dsn: str, application_name: str = APPLICATION_NAME, label: Optional[str] = None):
    """`label` names the database in the error message (a sentence part, already translated)."""
    psycopg2 = require_psycopg2()
    try:
        conn = psycopg2.connect(dsn, connect_timeout=15, application_name=application_name)
    except psycopg2.OperationalError as exc:
        # libpq's message names host, port and user but never the password.
        raise TeamConnectionError(tr("Could not connect to {}: {}").format(
            label or tr("the team database"), first_line(exc))) from None
    conn.autocommit = False
    return conn


# --- layers -------------------------------------------------------------------------------------

def layer_uri(connection_name: str, table: str) -> str:
    """The postgres-provider URI of a team table: the connection's host, database and authcfg, no secrets."""
    uri = qgis_connection_uri(connection_name)
    if uri.authConfigId():
        uri.setUsername("")
        uri.setPassword("")
    if table == SIGHTINGS_TABLE:
        uri.setDataSource(SCHEMA, table, "geom", "", "fid")
        uri.setSrid("4326")
        uri.setWkbType(WKB_POINT)
    else:
        uri.setDataSource(SCHEMA, table, None, "", "fid")
    return uri.uri(False)


def open_team_layers(connection_name: str, migrate: bool = True,
                     names: Tuple[str, str] = ("Team sightings", "Team sighting sources")
                     ) -> Tuple[QgsVectorLayer, QgsVectorLayer]:
    """The team's (sightings, sources) layers; the schema is created or updated first when `migrate`.

    Raises TeamConnectionError / TeamSchemaError with readable messages. A
    login that may not migrate (reader, analyst) gets the layers when the
    schema is already current.
    """
    conn = connect(connection_name)
    try:
        if migrate and schema_version(conn) < latest_version():
            conn.rollback()
            ensure_schema(conn)
        else:
            check_schema(conn)
    finally:
        conn.close()
    sightings = QgsVectorLayer(layer_uri(connection_name, SIGHTINGS_TABLE), names[0], "postgres")
    sources = QgsVectorLayer(layer_uri(connection_name, SOURCES_TABLE), names[1], "postgres")
    invalid = [layer.name() for layer in (sightings, sources) if not layer.isValid()]
    if invalid:
        del sightings, sources
        raise TeamConnectionError(tr("QGIS could not open the team table(s) {} through the connection '{}'; "
                                     "see the PostGIS tab of the log messages").format(", ".join(invalid),
                                                                                      connection_name))
    return sightings, sources


__all__ = [
    "CONFLICT_PREFIX", "CONFLICT_SQLSTATE", "REFUSED_PREFIX", "SCHEMA", "TeamConnectionError", "TeamError",
    "TeamSchemaError", "check_schema", "connect", "connect_dsn", "connection_names", "ensure_schema",
    "first_line", "latest_version", "layer_uri", "migrations", "open_team_layers", "qgis_connection_uri",
    "require_psycopg2", "rollback_quietly", "schema_version",
]
