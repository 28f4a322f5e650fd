"""The dock's Timeline page: a date slider that drives QGIS's Temporal Controller, steps and jumps, and
below it the events of the window the map shows, with filters, a search box and the chosen event's
details and sources."""

import datetime

from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import QDate, QLocale, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.timeline.dates import DAY, MONTH, SPAN_START, WEEK
from ...toolbelt.i18n import tr

ANY = ""
# Two columns, each row two lines (the dock is narrow): the dates, then the event's name over
# "category · place · status · sources by kind".
COLUMNS = 2


def written_out(day: datetime.date) -> str:
    """'Thursday, 13 March 2025' in the language QGIS runs in."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def _arrow(text: str, parent: QWidget) -> QToolButton:
    """A button as small as its arrow asks (a push button asks for 80 pixels and would widen the dock
    past a laptop's share of the screen); it grows with the dock."""
    button = QToolButton(parent)
    button.setText(text)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.setMinimumWidth(30)
    return button


class TimelinePanel(QWidget):
    shown = pyqtSignal()
    dayMoved = pyqtSignal(int)  # days since the span's first day (the slider's value)
    stepChanged = pyqtSignal(str)  # day, week or month
    stepRequested = pyqtSignal(int)  # -1 back, +1 forward
    playToggled = pyqtSignal(bool)
    snapshotRequested = pyqtSignal(int)  # -1 previous front snapshot, +1 next
    eventJumpRequested = pyqtSignal(int)  # -1 previous event, +1 next
    titleToggled = pyqtSignal(bool)
    filtersChanged = pyqtSignal()
    eventChosen = pyqtSignal(str)  # event id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("KpaTimelinePanel")
        self._first = SPAN_START
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        self.date_label = QLabel("–", self)
        self.date_label.setObjectName("KpaTimelineDate")
        font = self.date_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.date_label.setFont(font)
        self.date_label.setWordWrap(True)
        layout.addWidget(self.date_label)
        self.window_label = QLabel(self)
        self.window_label.setObjectName("KpaTimelineWindow")
        self.window_label.setWordWrap(True)
        layout.addWidget(self.window_label)

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("KpaTimelineSlider")
        self.slider.setTracking(True)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.valueChanged.connect(self.dayMoved.emit)
        layout.addWidget(self.slider)
        ends = QHBoxLayout()
        self.first_label = QLabel(self)
        self.last_label = QLabel(self)
        self.last_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        ends.addWidget(self.first_label)
        ends.addStretch(1)
        ends.addWidget(self.last_label)
        layout.addLayout(ends)

        controls = QGridLayout()
        self.step = QComboBox(self)
        self.step.setObjectName("KpaTimelineStep")
        for unit, title in ((DAY, tr("Day")), (WEEK, tr("Week")), (MONTH, tr("Month"))):
            self.step.addItem(title, unit)
        self.step.setCurrentIndex(self.step.findData(WEEK))
        self.step.currentIndexChanged.connect(lambda _index: self.stepChanged.emit(self.step.currentData()))
        self.back_button = _arrow("◀", self)
        self.back_button.setToolTip(tr("One step back"))
        self.back_button.clicked.connect(lambda: self.stepRequested.emit(-1))
        self.play_button = QPushButton(tr("Play"), self)
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(tr("Step forward once a second until today"))
        self.play_button.toggled.connect(self._play_toggled)
        self.forward_button = _arrow("▶", self)
        self.forward_button.setToolTip(tr("One step forward"))
        self.forward_button.clicked.connect(lambda: self.stepRequested.emit(1))
        controls.addWidget(QLabel(tr("Step"), self), 0, 0)
        controls.addWidget(self.step, 0, 1)
        steps = QHBoxLayout()
        for button in (self.back_button, self.play_button, self.forward_button):
            steps.addWidget(button)
        controls.addLayout(steps, 0, 2)
        # One row for the jumps: "Front ◀ ▶  Event ◀ ▶" (a short screen has no height to spare).
        self.previous_snapshot = _arrow("◀", self)
        self.next_snapshot = _arrow("▶", self)
        self.previous_event = _arrow("◀", self)
        self.next_event = _arrow("▶", self)
        self.previous_snapshot.setToolTip(tr("The front as it was drawn before this date"))
        self.next_snapshot.setToolTip(tr("The next redrawing of the front"))
        self.previous_event.setToolTip(tr("The day of the last event before this date"))
        self.next_event.setToolTip(tr("The day of the next event after this date"))
        self.previous_snapshot.clicked.connect(lambda: self.snapshotRequested.emit(-1))
        self.next_snapshot.clicked.connect(lambda: self.snapshotRequested.emit(1))
        self.previous_event.clicked.connect(lambda: self.eventJumpRequested.emit(-1))
        self.next_event.clicked.connect(lambda: self.eventJumpRequested.emit(1))
        jumps = QHBoxLayout()
        for title, back, forward in ((tr("Front snapshot"), self.previous_snapshot, self.next_snapshot),
                                     (tr("Event"), self.previous_event, self.next_event)):
            jumps.addWidget(QLabel(title, self))
            jumps.addWidget(back, 1)
            jumps.addWidget(forward, 1)
        controls.addLayout(jumps, 1, 0, 1, 3)
        self.play_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.play_button.setMinimumWidth(60)
        controls.setColumnStretch(2, 1)
        layout.addLayout(controls)
        self.title_box = QCheckBox(tr("Date on the map (prints with it)"), self)
        self.title_box.setToolTip(tr("QGIS's Title Label decoration (View ▸ Decorations), drawn for the "
                                     "date of the Temporal Controller"))
        self.title_box.setChecked(True)
        self.title_box.toggled.connect(self.titleToggled.emit)
        layout.addWidget(self.title_box)
        self.message = QLabel(self)
        self.message.setObjectName("KpaTimelineMessage")
        self.message.setWordWrap(True)
        self.message.hide()  # shown with a sentence only (say())
        layout.addWidget(self.message)

        layout.addWidget(self._events_part(), 1)

    def _events_part(self) -> QWidget:
        part = QWidget(self)
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 0, 0, 0)
        self.events_title = QLabel(part)
        self.events_title.setObjectName("KpaTimelineEventsTitle")
        font = self.events_title.font()
        font.setBold(True)
        self.events_title.setFont(font)
        self.events_title.setWordWrap(True)
        layout.addWidget(self.events_title)
        filters = QHBoxLayout()
        self.category = QComboBox(part)
        self.category.addItem(tr("All categories"), ANY)
        self.status = QComboBox(part)
        self.status.addItem(tr("Any status"), ANY)
        for combo in (self.category, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(lambda _index: self.filtersChanged.emit())
            filters.addWidget(combo, 1)
        layout.addLayout(filters)
        self.search = QgsFilterLineEdit(part)
        self.search.setObjectName("KpaTimelineSearch")
        self.search.setPlaceholderText(tr("Search names, places, actors, notes"))
        self.search.setShowClearButton(True)
        self.search.textChanged.connect(lambda _text: self.filtersChanged.emit())
        layout.addWidget(self.search)

        splitter = QSplitter(Qt.Orientation.Vertical, part)
        splitter.setChildrenCollapsible(False)
        self.events = QTableWidget(0, COLUMNS, splitter)
        self.events.setObjectName("KpaTimelineEvents")
        self.events.setHorizontalHeaderLabels([tr("Date"), tr("Event")])
        self.events.horizontalHeaderItem(1).setToolTip(tr("The name, then category · place · status · "
                                                          "sources by kind"))
        self.events.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.events.setWordWrap(True)
        self.events.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.verticalHeader().setVisible(False)
        self.events.setMinimumHeight(90)
        header = self.events.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Wrapped rows take their height from the column's width: fit them again when it changes.
        header.sectionResized.connect(lambda *_: self.events.resizeRowsToContents())
        self.events.itemSelectionChanged.connect(self._chosen)
        self.details = QTextBrowser(splitter)
        self.details.setObjectName("KpaTimelineDetails")
        self.details.setOpenExternalLinks(True)
        self.details.setMinimumHeight(110)
        self.details.setPlaceholderText(tr("Choose an event in the list: the map goes to it and its sources "
                                           "show here."))
        splitter.addWidget(self.events)
        splitter.addWidget(self.details)
        # Their long texts wrap: they must not ask the dock for the width of a whole sentence.
        for view in (self.events, self.details):
            view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        return part

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self.shown.emit()

    # The date ----------------------------------------------------------------
    def set_span(self, first: datetime.date, last: datetime.date) -> None:
        self._first = first
        was = self.slider.blockSignals(True)
        self.slider.setRange(0, (last - first).days)
        self.slider.setPageStep(30)
        self.slider.setTickInterval(30)
        self.slider.blockSignals(was)
        self.first_label.setText(first.strftime("%Y-%m-%d"))
        self.last_label.setText(last.strftime("%Y-%m-%d"))

    def show_date(self, day: datetime.date, window_text: str) -> None:
        """Put the slider on `day` without emitting, and write the date and the map's window."""
        was = self.slider.blockSignals(True)
        self.slider.setValue((day - self._first).days)
        self.slider.blockSignals(was)
        self.date_label.setText(written_out(day))
        self.window_label.setText(window_text)

    def current_step(self) -> str:
        return self.step.currentData()

    def set_step(self, unit: str) -> None:
        was = self.step.blockSignals(True)
        self.step.setCurrentIndex(max(0, self.step.findData(unit)))
        self.step.blockSignals(was)

    def _play_toggled(self, playing: bool) -> None:
        self.play_button.setText(tr("Pause") if playing else tr("Play"))
        self.playToggled.emit(playing)

    def set_playing(self, playing: bool) -> None:
        was = self.play_button.blockSignals(True)
        self.play_button.setChecked(playing)
        self.play_button.setText(tr("Pause") if playing else tr("Play"))
        self.play_button.blockSignals(was)

    # The events --------------------------------------------------------------
    def set_choices(self, categories, statuses) -> None:
        for combo, values in ((self.category, categories), (self.status, statuses)):
            chosen = combo.currentData()
            was = combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(was)

    def chosen_category(self):
        return self.category.currentData() or None

    def chosen_status(self):
        return self.status.currentData() or None

    def show_events(self, title: str, rows) -> None:
        """rows: EventRow (core/timeline/events.py), in the order to list them."""
        self.events_title.setText(title)
        was = self.events.blockSignals(True)
        self.events.clearSelection()
        self.events.setRowCount(len(rows))
        for number, row in enumerate(rows):
            facts = " · ".join(value for value in (row.category, row.place, row.status,
                                                   tr("sources {}").format(row.grade)) if value)
            values = (row.dates_text().replace(" – ", "\n– "), "{}\n{}".format(row.feature.name, facts))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.id)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.events.setItem(number, column, item)
        self.events.resizeRowsToContents()
        self.events.blockSignals(was)

    def listed_ids(self):
        return [self.events.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.events.rowCount())]

    def select_event(self, event_id: str) -> bool:
        """Select the row of `event_id` as a click would (the controller hears eventChosen)."""
        for row, listed in enumerate(self.listed_ids()):
            if listed == event_id:
                self.events.selectRow(row)
                self.events.scrollToItem(self.events.item(row, 0))
                return True
        return False

    def _chosen(self) -> None:
        rows = self.events.selectionModel().selectedRows()
        if rows:
            self.eventChosen.emit(self.events.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_details(self, html_text: str) -> None:
        self.details.setHtml(html_text)
