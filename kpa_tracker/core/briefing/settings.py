"""The briefing's remembered author and handling line (QgsSettings under kpa_tracker/briefing/)."""

from ...toolbelt import settings

AUTHOR_KEY = "briefing/author"
HANDLING_KEY = "briefing/handling"


def author() -> str:
    return str(settings.value(AUTHOR_KEY, "") or "")


def handling() -> str:
    return str(settings.value(HANDLING_KEY, "") or "")


def remember(author_text: str, handling_text: str) -> None:
    settings.set_value(AUTHOR_KEY, author_text)
    settings.set_value(HANDLING_KEY, handling_text)
