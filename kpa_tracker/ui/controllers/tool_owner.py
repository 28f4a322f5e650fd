"""What a controller that owns a map tool does with it: take it off the canvas, and let it go on unload."""


def unset_tool(canvas, tool) -> None:
    """Give the canvas back to QGIS's previous tool, if `tool` is the one in use."""
    if tool is not None and canvas.mapTool() is tool:
        canvas.unsetMapTool(tool)


def release_tool(canvas, tool) -> None:
    """On unload: unset the tool, take its canvas items (rubber bands, markers, snap) off, and delete it.

    The tool is deleted on the next event-loop pass, after QGIS is done with any event it is handling.
    """
    if tool is None:
        return
    unset_tool(canvas, tool)
    tool.remove_canvas_items()
    tool.deleteLater()
