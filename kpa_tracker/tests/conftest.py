import pytest
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QApplication

pytest_plugins = ["kpa_tracker.tests.team.pg_fixtures"]


def _point_pyproj_at_qgis_proj_data():
    """The tests check geodesy and MGRS against pyproj. In the tests' venv, Debian 13's pyproj looks for
    PROJ's data under the venv's prefix and finds none; use the folder QGIS's own PROJ reads."""
    import os

    from qgis.core import QgsProjUtils

    if os.environ.get("PROJ_DATA"):
        return
    for folder in QgsProjUtils.searchPaths():
        if os.path.isfile(os.path.join(folder, "proj.db")):
            os.environ["PROJ_DATA"] = folder  # read by pyproj when it first needs its data
            return


_point_pyproj_at_qgis_proj_data()


def flush_events():
    """Deliver deferred deletes and queued signals, as the next event-loop pass would."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


@pytest.fixture(scope="session")
def plugin_zip(tmp_path_factory):
    """The zip qgis-plugin-ci builds from the work tree, as users install it (built once per run)."""
    from devtools import package

    return package.build(out_dir=tmp_path_factory.mktemp("dist"))


@pytest.fixture
def headless_profiles(plugin_zip, tmp_path):
    """A QGIS profiles folder with the built zip installed and enabled in its default profile, for
    qgis_process runs (devtools.qgis_desktop.run_qgis_process(profiles, [...]))."""
    from devtools import qgis_desktop

    profiles = tmp_path / "profiles"
    qgis_desktop.install_zip(plugin_zip, profiles, profile="default")
    return profiles


@pytest.fixture
def flush():
    return flush_events


@pytest.fixture
def shown_canvas(qgis_iface, qgis_canvas, flush):
    """QGIS's main window shown with the map canvas at 800 x 600, resized for real (mouse tests need it)."""
    window = qgis_iface.mainWindow()
    window.resize(820, 620)
    window.show()
    qgis_canvas.setGeometry(0, 0, 800, 600)
    qgis_canvas.show()
    flush()  # deliver the resize, so the canvas maps pixels at its real size
    return qgis_canvas


@pytest.fixture
def curated_project(qgis_new_project, tmp_path):
    """The project with every layer the dock loads by default (as *Load all* does), in a workspace of the
    test's own; its layouts and layers are gone afterwards."""
    from qgis.core import QgsProject

    from kpa_tracker.core.curated import data as curated
    from kpa_tracker.core.project.layers import load_layers

    catalogue, result = curated.load_cached()
    project = QgsProject.instance()
    load_layers(project, catalogue, [l.id for l in catalogue if l.default_load], result, tmp_path / "ws.gpkg")
    yield project
    for layout in project.layoutManager().layouts():
        project.layoutManager().removeLayout(layout)
    project.clear()


@pytest.fixture(scope="module")
def registry():
    """QGIS's Processing registry with the plugin's provider (added for the module if it is not there)."""
    from qgis.core import QgsApplication

    from kpa_tracker.processing.provider import PROVIDER_ID, KpaTrackerProvider

    registry = QgsApplication.processingRegistry()
    added = None
    if registry.providerById(PROVIDER_ID) is None:
        added = KpaTrackerProvider()
        registry.addProvider(added)
    yield registry
    if added is not None:
        registry.removeProvider(added)


@pytest.fixture(autouse=True)
def local_sightings_store():
    """Every test starts with sightings in the local workspace, whatever an earlier (interrupted) run left
    in the test profile's settings."""
    from kpa_tracker.core.sightings import store as sightings_backend

    sightings_backend.choose(sightings_backend.LOCAL)
    yield


@pytest.fixture(autouse=True, scope="session")
def release_qgis_objects_before_exit(qgis_app, qgis_iface):
    """Before pytest-qgis calls exitQgis: drop the QGIS objects still held, and collect them.

    A layer that outlives exitQgis crashes the interpreter as it exits (in GDAL's
    clean-up). pytest-qgis's interface keeps every layer added to the project in
    a list of its own; the plugin's caches hold graphs of layers.
    """
    yield
    import gc

    from qgis.core import QgsProject

    from kpa_tracker.core.curated import store as curated_store
    from kpa_tracker.core.routing import network as routing

    QgsProject.instance().removeAllMapLayers()
    getattr(qgis_iface, "_layers", []).clear()
    routing.clear_cache()
    curated_store.MergeState._cache.clear()
    gc.collect()
    # Whatever a test still holds (a module-level layer, a fixture's): delete it now, while GDAL is up.
    from qgis.core import QgsMapLayer
    from qgis.PyQt import sip

    for leftover in gc.get_objects():
        if isinstance(leftover, QgsMapLayer) and not sip.isdeleted(leftover) and sip.ispyowned(leftover):
            sip.delete(leftover)
    flush_events()
