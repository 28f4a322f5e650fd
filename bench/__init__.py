"""Benchmarks: each prints a ratio against the QGIS-native way of doing the same work, in the same run."""
