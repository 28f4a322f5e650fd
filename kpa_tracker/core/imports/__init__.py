"""Sightings from other tools' files: readers, known layouts, unit aliases, the import run."""
