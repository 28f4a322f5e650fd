"""The plugin's page in QGIS's Options dialog: where sightings are kept (this computer or a team's PostGIS
database chosen from QGIS's own PostgreSQL connections) and copying sightings between the two.

Checking a connection and copying run as QgsTasks (core/team/tasks.py) in QGIS's task manager: the page
shows their progress and outcome, and offers Cancel. The Options dialog may be closed while one runs;
the task carries on (QGIS's task bar shows it) and its outcome goes to the plugin's log; a page opened
meanwhile follows it."""

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ...core.sightings import store as sightings_backend
from ...core.team import connection as team_db
from ...core.team import tasks as team_tasks
from ...toolbelt.i18n import tr
from ...toolbelt.icons import icon_path

PAGE_TITLE = "KPA Tracker"  # the page's title in English (shown through tr())


class KpaOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None, on_apply=None):
        super().__init__(parent)
        self.setObjectName("KpaOptionsPage")
        self.on_apply = on_apply
        self.task = None  # the team task this page follows, until it ends
        layout = QVBoxLayout(self)
        where = QGroupBox(tr("Where your sightings are kept"), self)
        where_layout = QVBoxLayout(where)
        self.local = QRadioButton(tr("On this computer, in your workspace GeoPackage (default)"), where)
        self.local_path = QLabel(str(sightings_backend.LocalSightings().path()), where)
        self.local_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.local_path.setIndent(24)
        self.team = QRadioButton(tr("In a team database (PostgreSQL with PostGIS), through this QGIS connection:"),
                                 where)
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.local)
        self.kind.addButton(self.team)
        connection_row = QHBoxLayout()
        self.connection = QComboBox(where)
        self.connection.setObjectName("KpaTeamConnection")
        self.connection.setMinimumContentsLength(24)
        self.refresh_button = QPushButton(tr("Refresh list"), where)
        self.check_button = QPushButton(tr("Check connection"), where)
        connection_row.addSpacing(24)
        connection_row.addWidget(self.connection, 1)
        connection_row.addWidget(self.refresh_button)
        connection_row.addWidget(self.check_button)
        self.status = QLabel(where)
        self.status.setObjectName("KpaTeamStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # server messages are shown as they are
        self.status.setIndent(24)
        auth = QLabel(tr("Credentials stay in QGIS's authentication manager: in the Data Source Manager, edit the "
                         "PostgreSQL connection and under Authentication choose Configurations. The plugin never "
                         "stores a password and writes none into projects; a connection that keeps its password "
                         "in plain text is refused."), where)
        auth.setWordWrap(True)
        auth.setIndent(24)
        auth.setStyleSheet("color: palette(mid);")
        for widget in (self.local, self.local_path, self.team):
            where_layout.addWidget(widget)
        where_layout.addLayout(connection_row)
        where_layout.addWidget(self.status)
        where_layout.addWidget(auth)
        layout.addWidget(where)

        move = QGroupBox(tr("Copy sightings between them"), self)
        move_layout = QVBoxLayout(move)
        buttons = QHBoxLayout()
        self.to_team_button = QPushButton(tr("Copy my local sightings to the team database"), move)
        self.to_local_button = QPushButton(tr("Copy the team's sightings to this computer"), move)
        buttons.addWidget(self.to_team_button)
        buttons.addWidget(self.to_local_button)
        move_layout.addLayout(buttons)
        self.transfer_result = QLabel(tr("Sightings already there (the same sighting id) are skipped and counted; "
                                         "counts are checked after each copy."), move)
        self.transfer_result.setObjectName("KpaTransferResult")
        self.transfer_result.setWordWrap(True)
        self.transfer_result.setTextFormat(Qt.TextFormat.PlainText)
        move_layout.addWidget(self.transfer_result)
        layout.addWidget(move)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("KpaTeamProgress")
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("KpaTeamCancel")
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        layout.addStretch(1)

        self.refresh_button.clicked.connect(self.fill_connections)
        self.connection.currentTextChanged.connect(lambda _name: self._sync())
        self.check_button.clicked.connect(self.check)
        self.to_team_button.clicked.connect(lambda: self.transfer(sightings_backend.TEAM))
        self.to_local_button.clicked.connect(lambda: self.transfer(sightings_backend.LOCAL))
        self.cancel_button.clicked.connect(self.cancel)
        self.kind.buttonToggled.connect(lambda *_args: self._sync())
        self.fill_connections()
        current = sightings_backend.current()
        (self.team if current.kind == sightings_backend.TEAM else self.local).setChecked(True)
        running = team_tasks.running()
        if running:  # started from a page closed since
            self._follow(running[0])
        self._sync()

    def fill_connections(self):
        chosen = self.connection.currentText() or sightings_backend.current_connection_name()
        self.connection.clear()
        names = team_db.connection_names()
        self.connection.addItems(names)
        if chosen in names:
            self.connection.setCurrentText(chosen)
        if not names:
            self.status.setText(tr("QGIS has no PostgreSQL connection yet: add one in the Data Source Manager "
                                   "(Layer ▸ Data Source Manager ▸ PostgreSQL), with an authentication "
                                   "configuration."))
        if hasattr(self, "kind"):
            self._sync()

    def _sync(self):
        team = self.team.isChecked()
        has_connection = self.connection.count() > 0
        idle = self.task is None
        self.connection.setEnabled(team)
        self.refresh_button.setEnabled(team and idle)
        self.check_button.setEnabled(team and has_connection and idle)
        for widget in (self.to_team_button, self.to_local_button):
            widget.setEnabled(has_connection and bool(self.connection.currentText()) and idle)
        self.progress.setVisible(not idle)
        self.cancel_button.setVisible(not idle)
        self.cancel_button.setEnabled(not idle)

    # --- the team tasks -------------------------------------------------------------------------------

    def check(self):
        """Check the chosen connection (and update the schema when this login may); returns the task."""
        task = team_tasks.ConnectTask(self.connection.currentText())
        self.status.setText(tr("Checking the connection '{}'…").format(task.connection_name))
        return self._start(task)

    def transfer(self, direction):
        """Copy sightings to the team (TEAM) or to this computer (LOCAL); returns the task."""
        task = team_tasks.TransferTask(
            team_tasks.TO_TEAM if direction == sightings_backend.TEAM else team_tasks.TO_LOCAL,
            self.connection.currentText(), sightings_backend.LocalSightings().path())
        self.transfer_result.setText(tr("Copying sightings…"))
        return self._start(task)

    def cancel(self):
        if self.task is not None and not sip.isdeleted(self.task):
            self.cancel_button.setEnabled(False)
            self.task.cancel()

    def _start(self, task):
        self._follow(task)
        self._sync()
        try:
            team_tasks.start(task)
        except team_db.TeamError as exc:
            self._task_ended(team_tasks.TaskOutcome(team_tasks.FAILED, str(exc)))
        return task

    def _follow(self, task):
        self.task = task
        self.progress.setValue(int(task.progress()))
        task.progressChanged.connect(self._task_progress)
        task.ended.connect(self._task_ended)

    def _task_progress(self, value):
        if not sip.isdeleted(self):  # the Options dialog may have been closed meanwhile
            self.progress.setValue(int(value))

    def _task_ended(self, outcome):
        if sip.isdeleted(self):  # closed meanwhile: the outcome is in the plugin's log
            return
        task, self.task = self.task, None
        label = self.status if isinstance(task, team_tasks.ConnectTask) else self.transfer_result
        label.setText(outcome.message)
        self._sync()

    def apply(self):
        kind = sightings_backend.TEAM if self.team.isChecked() and self.connection.currentText() \
            else sightings_backend.LOCAL
        sightings_backend.choose(kind, self.connection.currentText())
        if self.on_apply is not None:
            self.on_apply()


class KpaOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self, on_apply=None):
        super().__init__(tr("KPA Tracker"), QIcon(icon_path("kpa_tracker.svg")))
        self.on_apply = on_apply

    def createWidget(self, parent):  # noqa: N802 (QGIS calls it by this name)
        return KpaOptionsPage(parent, self.on_apply)


__all__ = ["KpaOptionsFactory", "KpaOptionsPage", "PAGE_TITLE"]
