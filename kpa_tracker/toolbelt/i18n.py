"""Every sentence the plugin shows a person goes through tr(), so that translations can follow.

One translation context for the whole plugin (CONTEXT), so one .ts file covers it. A translation is a
Qt .qm file in kpa_tracker/i18n/ named kpa_tracker_<locale>.qm (for example kpa_tracker_ko.qm); the
plugin loads the one for QGIS's locale when it starts and removes it when it unloads.
"""

from pathlib import Path
from typing import Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ..core.domain import i18n as _domain_i18n
from ..core.domain.i18n import CONTEXT

I18N_DIR = Path(__file__).resolve().parents[1] / "i18n"


def tr(text: str, disambiguation: Optional[str] = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


# The domain modules import no QGIS; they translate through the same call.
_domain_i18n.install(lambda context, text: QCoreApplication.translate(context, text))


def locale() -> str:
    """QGIS's user interface locale, as its settings give it ("en_US", "ko", ...)."""
    value = QgsSettings().value("locale/userLocale", "") or ""
    return str(value)[:5] or "en"


def install_translator() -> Optional[QTranslator]:
    """Loads the .qm file for QGIS's locale (the full name first, then the language); None if there is none."""
    name = locale()
    for candidate in (name, name[:2]):
        path = I18N_DIR / "kpa_tracker_{}.qm".format(candidate)
        if path.is_file():
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                return translator
    return None


def remove_translator(translator: Optional[QTranslator]) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)


__all__ = ["CONTEXT", "I18N_DIR", "install_translator", "locale", "remove_translator", "tr"]
