"""Developer tools: packaging, running QGIS desktop in an isolated profile, benchmarks' helpers.

Nothing here ships in the plugin zip.
"""
