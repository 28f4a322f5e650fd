"""Widgets: the dock panel, dialogs and map tools' visual parts."""
