"""What every kpa_tracker algorithm shares: its id and group, its help text (a file) and tr().

A subclass sets NAME (the algorithm id) and GROUP_ID and returns its shown name from displayName() as
tr("..."). The shown name is written in the subclass, inside the tr() call, rather than as a DISPLAY_NAME
attribute the base would pass to tr(self.DISPLAY_NAME): a translation scanner only collects the literal
text of a tr() call, and would never see a sentence held in an attribute. For the same reason the groups'
shown names are the tr() calls in group_names() below (five groups, shared by seven algorithms).

The help shown in the Processing dialog lives in help/<NAME>.md: paragraphs separated by blank lines,
`text in backticks` for what the user types.
"""

import html
import re
from functools import lru_cache
from pathlib import Path

from qgis.core import QgsProcessingAlgorithm

from ..toolbelt.i18n import tr

HELP_DIR = Path(__file__).resolve().parent / "help"


def group_names() -> dict:
    """{group id: shown name}, translated when asked (the translator is installed after import)."""
    return {
        "curated": tr("Curated data"),
        "maps": tr("Maps"),
        "measure": tr("Measuring"),
        "routing": tr("Routing"),
        "sightings": tr("Sightings"),
    }


def help_path(name: str) -> Path:
    return HELP_DIR / "{}.md".format(name)


def help_html(text: str) -> str:
    """Plain help text as the dialog's rich text: one <p> per paragraph, `x` as <code>x</code>.

    No newline in the result: the Processing dialog makes a paragraph of every line it is given, which
    would cut a paragraph (and its tags) at the file's line breaks."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    marked = [re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(p, quote=False)) for p in paragraphs]
    return "".join("<p>{}</p>".format(p) for p in marked)


@lru_cache(maxsize=None)
def help_for(name: str) -> str:
    """The help of algorithm `name`, read from its file once."""
    return help_html(help_path(name).read_text(encoding="utf-8"))


class KpaAlgorithm(QgsProcessingAlgorithm):
    NAME = ""  # the algorithm id, as in kpa_tracker:<NAME>; never changes (models and scripts name it)
    GROUP_ID = ""  # a key of group_names()

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802
        raise NotImplementedError("{} must return its shown name as tr(...)".format(type(self).__name__))

    def group(self):
        return group_names()[self.GROUP_ID]

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        return help_for(self.NAME)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def tr(self, text: str) -> str:
        """The plugin's single translation context, as the module-level tr() (QGIS's own convention)."""
        return tr(text)
