import pytest
from qgis.PyQt.QtCore import QEvent
from qgis.PyQt.QtWidgets import QApplication


def flush_events():
    """Deliver deferred deletes and queued signals, as the next event-loop pass would."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


@pytest.fixture
def flush():
    return flush_events
