"""Fixtures for the team-workspace tests: a real PostgreSQL 15 + PostGIS server.

The server (devtools.pg_server) starts the first time a test asks for it and
stops at the end of the session, whatever happened. Each test gets a database
of its own, copied from a template (PostGIS, and the team schema or not).
Login users of each team role have real passwords; QGIS connections and
authentication configurations are made in the test profile.
"""

import secrets
import uuid
from dataclasses import dataclass, field
from typing import Dict, Tuple

import pytest

from devtools.pg_server import SUPERUSER, PgServer

TEMPLATE = "kpa_template"  # PostGIS and the team schema at the latest version
EMPTY_TEMPLATE = "kpa_empty"  # PostGIS only
# who -> (login, team role)
LOGINS = {
    "reader": ("kpa_t_reader", "kpa_reader"),
    "analyst": ("kpa_t_analyst", "kpa_analyst"),
    "analyst2": ("kpa_t_analyst2", "kpa_analyst"),
    "reviewer": ("kpa_t_reviewer", "kpa_reviewer"),
}
MASTER_PASSWORD = "kpa-tests-master-password"


@dataclass
class TeamDb:
    server: PgServer
    name: str
    passwords: Dict[str, str] = field(default_factory=dict)

    def login(self, who: str = "admin") -> Tuple[str, str]:
        if who == "admin":
            return SUPERUSER, self.server.password
        return LOGINS[who][0], self.passwords[who]

    def dsn(self, who: str = "admin") -> str:
        user, password = self.login(who)
        return self.server.dsn(self.name, user, password)

    def connect(self, who: str = "admin", autocommit: bool = False):
        user, password = self.login(who)
        return self.server.connect(self.name, user, password, autocommit)

    def scalar(self, sql: str, parameters=()):
        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, parameters)
                return cursor.fetchone()[0]
        finally:
            connection.close()


def _run(server: PgServer, dbname: str, *statements) -> None:
    connection = server.connect(dbname, autocommit=True)
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(*statement) if isinstance(statement, tuple) else cursor.execute(statement)
    finally:
        connection.close()


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server, with its templates and team logins."""
    pytest.importorskip("psycopg2", reason="python3-psycopg2 is needed for the team tests")
    server = PgServer()
    try:
        server.start()
        server.create_database(EMPTY_TEMPLATE)
        server.create_database(TEMPLATE)
        from kpa_tracker.core.team import connection as team_db

        connection = server.connect(TEMPLATE)
        try:
            team_db.ensure_schema(connection)
        finally:
            connection.close()
        passwords = {who: "pw-" + secrets.token_urlsafe(12) for who in LOGINS}
        _run(server, TEMPLATE, *[("SELECT kpa.create_login(%s, %s, %s)", (login, passwords[who], role))
                                 for who, (login, role) in LOGINS.items()])
        server.passwords = passwords
        yield server
    finally:
        server.stop()


def _new_database(server: PgServer, template: str) -> TeamDb:
    name = "kpa_test_" + uuid.uuid4().hex[:10]
    _run(server, "postgres", 'CREATE DATABASE "{}" TEMPLATE "{}"'.format(name, template))
    return TeamDb(server, name, dict(server.passwords))


def _drop_database(db: TeamDb) -> None:
    _run(db.server, "postgres", 'DROP DATABASE IF EXISTS "{}" WITH (FORCE)'.format(db.name))


@pytest.fixture
def team_db(pg_server):
    """A database of its own with PostGIS and the team schema at the latest version."""
    db = _new_database(pg_server, TEMPLATE)
    yield db
    _drop_database(db)


@pytest.fixture
def empty_db(pg_server):
    """A database of its own with PostGIS and no team schema."""
    db = _new_database(pg_server, EMPTY_TEMPLATE)
    yield db
    _drop_database(db)


def ensure_master_password() -> None:
    from qgis.core import QgsApplication

    manager = QgsApplication.authManager()
    if manager.masterPasswordIsSet():
        return
    # The first call on a fresh auth database stores this password; later ones verify it.
    if not manager.setMasterPassword(MASTER_PASSWORD, True):
        raise RuntimeError("the test profile's QGIS auth database ({}) has another master password; "
                           "delete .qgis-settings to start afresh".format(QgsApplication.qgisAuthDatabaseFilePath()))


@pytest.fixture
def qgis_connection(qgis_app):
    """Factory: make(db, who, plain_password=False) -> the name of a new QGIS PostgreSQL connection.

    By default the credentials go into a Basic authentication configuration in
    QGIS's auth database; with plain_password the connection keeps them itself
    (which the plugin refuses). Everything made is removed afterwards.
    """
    from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    made_connections, made_configs = [], []

    def make(db: TeamDb, who: str = "admin", plain_password: bool = False) -> str:
        user, password = db.login(who)
        uri = QgsDataSourceUri()
        name = "kpa test {} {}".format(who, uuid.uuid4().hex[:6])
        if plain_password:
            uri.setConnection(db.server.host, str(db.server.port), db.name, user, password,
                              QgsDataSourceUri.SslMode.SslDisable)
        else:
            ensure_master_password()
            config = QgsAuthMethodConfig("Basic")
            config.setName(name)
            config.setConfig("username", user)
            config.setConfig("password", password)
            assert QgsApplication.authManager().storeAuthenticationConfig(config)
            assert config.id()
            made_configs.append(config.id())
            uri.setConnection(db.server.host, str(db.server.port), db.name, "", "",
                              QgsDataSourceUri.SslMode.SslDisable, config.id())
        # As the Data Source Manager's "Store" boxes: QGIS keeps the user and password in its settings.
        configuration = {"saveUsername": True, "savePassword": True} if plain_password else {}
        connection = metadata.createConnection(uri.uri(False), configuration)
        metadata.saveConnection(connection, name)
        made_connections.append(name)
        return name

    yield make
    for name in made_connections:
        metadata.deleteConnection(name)
    for config_id in made_configs:
        QgsApplication.authManager().removeAuthenticationConfig(config_id)
