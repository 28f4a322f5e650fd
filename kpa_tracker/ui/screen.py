"""Windows that stay on the analyst's screen, whatever size QGIS restored them to."""

from qgis.PyQt.QtWidgets import QApplication, QScrollArea, QWidget


def _content_width(window: QWidget) -> int:
    """The least width at which the window shows its scrolling pages without a horizontal scroll bar.

    A scroll area asks for little room of its own, so the window's size hint stops short of its pages.
    """
    extra = window.width()
    widest = 0
    for area in window.findChildren(QScrollArea):
        page = area.widget()
        if page is not None:
            widest = max(widest, page.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()
                         + extra - area.viewport().width())
    return widest


def fit_on_screen(window: QWidget) -> None:
    """Fit a shown window to the screen it is on (its content's size where there is room) and move it onto it.

    QGIS restores a dialog's last size (saved on a bigger monitor, say); on a 1366x768 laptop that can
    put OK and Cancel below the bottom of the screen. Call once the window is shown, so the window
    manager's frame is known.
    """
    frame = window.frameGeometry()
    screen = QApplication.screenAt(frame.center()) or QApplication.primaryScreen()
    available = screen.availableGeometry()
    extra_width = frame.width() - window.width()
    extra_height = frame.height() - window.height()
    # As large as the content asks for where the screen has room (no needless scroll bars), never larger.
    wanted = max(window.width(), window.sizeHint().width(), _content_width(window))
    width = min(wanted, available.width() - extra_width)
    height = min(max(window.height(), window.sizeHint().height()), available.height() - extra_height)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, window.minimumSizeHint().width()), max(height, window.minimumSizeHint().height()))
    frame = window.frameGeometry()
    left = min(max(frame.left(), available.left()), available.left() + available.width() - frame.width())
    top = min(max(frame.top(), available.top()), available.top() + available.height() - frame.height())
    if (left, top) != (frame.left(), frame.top()):
        window.move(max(left, available.left()), max(top, available.top()))
