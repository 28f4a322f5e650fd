"""One store interface for sightings, two backends: the local GeoPackage (the default) and the team's
PostGIS database, chosen on the plugin's settings page (Settings ▸ Options ▸ KPA Tracker).

Every part of the plugin that adds, lists or counts sightings works through `SightingsStore`; the
contract tests (tests/sightings/test_store_contract.py) hold both backends to the same behaviour.
"""

import datetime
from contextlib import contextmanager
from pathlib import Path
from typing import Collection, ContextManager, List, Mapping, Optional, Protocol, Sequence, Tuple

from ...toolbelt import settings
from ...toolbelt.i18n import tr
from ..domain.query import NEWEST_FIRST, SightingQuery
from ..domain.records import SightingRecord, SourceRecord
from ..domain.validation import clean_batch
from . import gpkg_store, migration
from .layers import open_layers

KIND_KEY = "workspace/kind"  # "local" or "team"
TEAM_CONNECTION_KEY = "team/connection"  # the name of a QGIS PostgreSQL connection
LOCAL, TEAM = "local", "team"
Items = Sequence[Tuple[Mapping, Sequence[Mapping]]]


class SightingsStore(Protocol):
    kind: str

    def key(self) -> str:
        """Tells the layers of one store from another's (kept as a layer property)."""

    def describe(self) -> str:
        """Where the sightings are kept, in words."""

    def ensure_schema(self) -> None: ...

    def open_layers(self): ...

    def write(self, items: Items, now=None, known_units: Optional[Collection[str]] = None) -> List[SightingRecord]:
        """Validate (clean_batch) and write every (sighting, sources) pair in one transaction, or none."""

    def write_records(self, records: Sequence[SightingRecord]) -> None: ...

    def import_writer(self) -> ContextManager["ImportWriter"]:
        """One transaction for a streaming import: the writer's add()/add_sources() rows are committed
        together when the `with` block ends normally; when it raises (a cancel raises) or a row is
        refused, nothing of it is written."""

    def read(self, query: Optional[SightingQuery] = None) -> List[SightingRecord]: ...

    def counts(self) -> Tuple[int, int]: ...

    def ids(self) -> set: ...

    def attachments_workspace(self) -> Path: ...


class ImportWriter(Protocol):
    """What a store's import_writer() yields."""
    sightings_added: int
    sources_added: int

    def add(self, records: Sequence[SightingRecord]) -> None:
        """Clean records (clean_sighting's) with their sources."""

    def add_sources(self, sighting_id: str, sources: Sequence[SourceRecord]) -> None:
        """More sources for a sighting already in the store (or added earlier in the same import)."""


class GpkgStore:
    kind = LOCAL

    def __init__(self, gpkg_path=None):
        self.gpkg_path = Path(gpkg_path) if gpkg_path is not None else None

    def path(self) -> Path:
        return self.gpkg_path or gpkg_store.default_path()

    def key(self) -> str:
        return "local:{}".format(self.path())

    def describe(self) -> str:
        return tr("your local workspace ({})").format(self.path())

    def ensure_schema(self) -> None:
        if self.gpkg_path is None:  # the workspace's own: an older release kept sightings in workspace.gpkg
            migration.migrate_if_needed(self.path())
        gpkg_store.ensure_schema(self.path())

    def open_layers(self):
        self.ensure_schema()
        return open_layers(self.path())

    def write(self, items: Items, now=None, known_units=None) -> List[SightingRecord]:
        return gpkg_store.add_sightings(self.path(), items, now, known_units)

    def write_records(self, records) -> None:
        gpkg_store.write_records(self.path(), records)

    def import_writer(self):
        """One GDAL transaction held open for the whole import (gpkg_store.import_writer)."""
        self.ensure_schema()
        return gpkg_store.import_writer(self.path())

    def read(self, query: Optional[SightingQuery] = None) -> List[SightingRecord]:
        return gpkg_store.read_sightings(self.path(), query)

    def counts(self) -> Tuple[int, int]:
        return gpkg_store.count_sightings(self.path())

    def ids(self) -> set:
        return gpkg_store.existing_sighting_ids(self.path())

    def without_sources(self) -> List[str]:
        return gpkg_store.sightings_without_sources(self.path())

    def attachments_workspace(self) -> Path:
        return self.path()

    def recent(self, unit=None, start=None, end=None, min_grade=None, limit=200) -> List[SightingRecord]:
        return self.read(SightingQuery(unit, start, end, min_grade, limit=limit, order_by=NEWEST_FIRST))


class PostgisStore:
    """The team database; each call opens its own connection (safe from a QgsTask's thread)."""
    kind = TEAM

    def __init__(self, connection_name: str, gpkg_path=None, dsn: Optional[str] = None):
        self.connection_name = connection_name
        self.dsn = dsn  # headless use (a worker process, a script): a libpq DSN instead of a QGIS connection
        # Attachment files are copied into the analyst's own workspace; the database keeps path and SHA-256.
        self.gpkg_path = Path(gpkg_path) if gpkg_path is not None else None

    def key(self) -> str:
        return "team:{}".format(self.connection_name)

    def describe(self) -> str:
        return tr("the team database (QGIS connection '{}')").format(self.connection_name)

    def _connect(self):
        from ..team import connection

        if self.dsn:
            return connection.connect_dsn(self.dsn)
        return connection.connect(self.connection_name)

    def _with(self, work):
        conn = self._connect()
        try:
            return work(conn)
        finally:
            conn.close()

    def ensure_schema(self) -> None:
        from ..team import connection

        self._with(connection.ensure_schema)

    def open_layers(self):
        from ..team.connection import open_team_layers

        return open_team_layers(self.connection_name, names=("Sightings (team)", "Sighting sources (team)"))

    def write(self, items: Items, now=None, known_units=None) -> List[SightingRecord]:
        records = clean_batch(items, now, known_units)
        self.write_records(records)
        return records

    def write_records(self, records) -> None:
        from ..team import store as team_store

        self._with(lambda conn: team_store.write_records(conn, records))

    @contextmanager
    def import_writer(self):
        """The rows of one import sent in pages in one transaction of a connection of its own
        (team/store.import_writer); the connection is closed at the end either way."""
        from ..team import store as team_store

        conn = self._connect()
        try:
            with team_store.import_writer(conn) as writer:
                yield writer
        finally:
            conn.close()

    def read(self, query: Optional[SightingQuery] = None) -> List[SightingRecord]:
        from ..team import store as team_store

        query = query or SightingQuery()
        where, parameters = query.postgres_where()
        order = (query.order_by or '"observed_at", "fid"').replace('"', "")
        return self._with(lambda conn: team_store.read_sightings(conn, where, parameters, order_by=order,
                                                                 limit=query.limit))

    def counts(self) -> Tuple[int, int]:
        from ..team import store as team_store

        return self._with(team_store.count_sightings)

    def ids(self) -> set:
        from ..team import store as team_store

        return self._with(team_store.sighting_ids)

    def attachments_workspace(self) -> Path:
        return self.gpkg_path or gpkg_store.default_path()

    def recent(self, unit=None, start: Optional[datetime.datetime] = None, end: Optional[datetime.datetime] = None,
               min_grade=None, limit=200) -> List[SightingRecord]:
        return self.read(SightingQuery(unit, start, end, min_grade, limit=limit, order_by=NEWEST_FIRST))


# The names the rest of the plugin knew them by.
LocalSightings, TeamSightings = GpkgStore, PostgisStore


def selected_store(gpkg_path=None) -> SightingsStore:
    """The store the settings choose; the local workspace unless a team connection is set."""
    if settings.value(KIND_KEY, LOCAL) == TEAM:
        name = current_connection_name()
        if name:
            return PostgisStore(name, gpkg_path)
    return GpkgStore(gpkg_path)


def current_connection_name() -> str:
    return settings.value(TEAM_CONNECTION_KEY, "") or ""


def select_store(kind: str, connection_name: str = "") -> None:
    settings.set_value(KIND_KEY, TEAM if kind == TEAM else LOCAL)
    settings.set_value(TEAM_CONNECTION_KEY, connection_name or "")


current, choose = selected_store, select_store  # older names, still used by the settings page


__all__ = ["GpkgStore", "ImportWriter", "KIND_KEY", "LOCAL", "LocalSightings", "PostgisStore", "SightingsStore", "TEAM",
           "TEAM_CONNECTION_KEY", "TeamSightings", "choose", "current", "select_store", "selected_store"]
