"""tr() for modules that must not import QGIS: the plugin installs Qt's translator on start-up.

Without QGIS (the unit tests) a sentence is returned as written.
"""

from typing import Callable

CONTEXT = "KpaTracker"
_translate: Callable[[str, str], str] = lambda context, text: text  # noqa: E731


def install(translate: Callable[[str, str], str]) -> None:
    global _translate
    _translate = translate


def tr(text: str) -> str:
    return _translate(CONTEXT, text)
