"""The sightings' rules in plain Python: no QGIS import here, so these modules' tests run without QGIS."""
