"""Where the analyst's sightings live: the local workspace GeoPackage (the default) or the team's PostGIS
database, chosen on the plugin's settings page (Settings ▸ Options ▸ KPA Tracker).

The dock works through one of the two classes below, so adding, listing and editing read the same
either way: the same layers, form, style, temporal settings and checks (`clean_sighting`).
"""

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, List, Mapping, Optional, Sequence, Tuple

from ...toolbelt import settings
from .gpkg_store import SightingRecord, add_sightings, known_unit_ids, open_layers
from .query import allowed_letters, recent_sightings
from ...toolbelt.workspace import workspace_gpkg_path

KIND_KEY = "workspace/kind"  # "local" or "team"
TEAM_CONNECTION_KEY = "team/connection"  # the name of a QGIS PostgreSQL connection
LOCAL, TEAM = "local", "team"
Items = Sequence[Tuple[Mapping, Sequence[Mapping]]]


@dataclass
class LocalSightings:
    gpkg_path: Optional[Path] = None
    kind = LOCAL

    def path(self) -> Path:
        return Path(self.gpkg_path) if self.gpkg_path else workspace_gpkg_path()

    def key(self) -> str:
        """Tells the layers of one store from another's (kept as a layer property)."""
        return "local:{}".format(self.path())

    def describe(self) -> str:
        return "your local workspace ({})".format(self.path())

    def open_layers(self):
        return open_layers(self.path())

    def attachments_workspace(self) -> Path:
        return self.path()

    def known_units(self) -> Optional[Collection[str]]:
        return known_unit_ids(self.path())

    def write(self, items: Items, now=None) -> List[SightingRecord]:
        return add_sightings(self.path(), items, now, self.known_units())

    def recent(self, unit=None, start=None, end=None, min_grade=None, limit=200) -> List[SightingRecord]:
        return recent_sightings(self.path(), unit, start, end, min_grade, limit=limit)


@dataclass
class TeamSightings:
    connection_name: str
    gpkg_path: Optional[Path] = None  # the local workspace: curated units and attachment files stay there
    kind = TEAM

    def key(self) -> str:
        return "team:{}".format(self.connection_name)

    def describe(self) -> str:
        return "the team database (QGIS connection '{}')".format(self.connection_name)

    def open_layers(self):
        from ..team.connection import open_team_layers

        return open_team_layers(self.connection_name, names=("Sightings (team)", "Sighting sources (team)"))

    def attachments_workspace(self) -> Path:
        # Attachment files are copied into the analyst's own workspace; the database keeps path and SHA-256.
        return Path(self.gpkg_path) if self.gpkg_path else workspace_gpkg_path()

    def known_units(self) -> Optional[Collection[str]]:
        return known_unit_ids(self.attachments_workspace())

    def write(self, items: Items, now=None) -> List[SightingRecord]:
        from ..team import connection as team_db
        from ..team import store as team_store

        conn = team_db.connect(self.connection_name)
        try:
            return team_store.add_sightings(conn, items, now, self.known_units())
        finally:
            conn.close()

    def recent(self, unit=None, start: Optional[datetime.datetime] = None, end: Optional[datetime.datetime] = None,
               min_grade=None, limit=200) -> List[SightingRecord]:
        from ..team import connection as team_db
        from ..team import store as team_store

        clauses, parameters = [], []
        if unit:
            clauses.append("(unit_id = %s OR lower(unit_as_reported) = lower(%s))")
            parameters += [unit, unit]
        if start is not None:
            clauses.append("observed_at >= %s")
            parameters.append(start)
        if end is not None:
            clauses.append("observed_at <= %s")
            parameters.append(end)
        if min_grade:
            letters, number = allowed_letters(min_grade)
            clauses.append("upper(source_reliability) = ANY(%s) AND info_credibility <= %s")
            parameters += [letters, number]
        conn = team_db.connect(self.connection_name)
        try:
            return team_store.read_sightings(conn, " AND ".join(clauses), parameters,
                                             order_by="observed_at DESC, fid DESC", limit=limit)
        finally:
            conn.close()


def current(gpkg_path=None):
    """The store the settings choose; the local workspace unless a team connection is set."""
    if settings.value(KIND_KEY, LOCAL) == TEAM:
        name = current_connection_name()
        if name:
            return TeamSightings(name, gpkg_path)
    return LocalSightings(gpkg_path)


def current_connection_name() -> str:
    return settings.value(TEAM_CONNECTION_KEY, "") or ""


def choose(kind: str, connection_name: str = "") -> None:
    settings.set_value(KIND_KEY, TEAM if kind == TEAM else LOCAL)
    settings.set_value(TEAM_CONNECTION_KEY, connection_name or "")


__all__ = ["KIND_KEY", "LOCAL", "LocalSightings", "TEAM", "TEAM_CONNECTION_KEY", "TeamSightings", "choose",
           "current"]
