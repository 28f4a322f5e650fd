# Everything from a fresh Debian 12 machine (as root): `make run`, `make test`.
# Each target installs what it needs first; a second run skips what is there.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := qgis python3-qgis pyqt5-dev-tools xvfb xauth python3-venv python3-yaml python3-pyproj git poppler-utils fonts-nanum postgresql-15 postgresql-15-postgis-3 python3-psycopg2
APT_STAMP := build/.apt-$(shell echo $(APT_PACKAGES) | md5sum | cut -c1-8)
# Tests and `make run` without a display use Qt's offscreen platform in-process;
# QGIS desktop itself is started under Xvfb by devtools/qgis_desktop.py.
TEST_ENV := QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/kpa-runtime-$$(id -u)

.PHONY: setup run test package bench validate symbols styles resources clean

setup: $(VENV)/.installed resources

$(APT_STAMP):
	@mkdir -p build
	@if dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
	  echo "apt packages already installed"; \
	else \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(APT_PACKAGES); \
	fi
	@touch $@

$(VENV)/.installed: requirements-dev.txt $(APT_STAMP)
	@test -x $(PY) || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# Compiled Qt resources for running from the source tree (never committed;
# qgis-plugin-ci compiles its own copy into the zip).
resources: kpa_tracker/resources_rc.py
kpa_tracker/resources_rc.py: kpa_tracker/resources.qrc $(wildcard kpa_tracker/icons/*) $(APT_STAMP)
	pyrcc5 -o $@ $<

run: setup
	@mkdir -p /tmp/kpa-runtime-$$(id -u) && chmod 700 /tmp/kpa-runtime-$$(id -u)
	XDG_RUNTIME_DIR=/tmp/kpa-runtime-$$(id -u) $(PY) -m devtools.run

test: setup
	@mkdir -p /tmp/kpa-runtime-$$(id -u) && chmod 700 /tmp/kpa-runtime-$$(id -u)
	$(TEST_ENV) $(PY) -m pytest

package: setup
	$(PY) -m devtools.package

bench: setup
	@mkdir -p /tmp/kpa-runtime-$$(id -u) && chmod 700 /tmp/kpa-runtime-$$(id -u)
	$(TEST_ENV) $(PY) -m bench

# Check the curated data files (schema, sources, dates, areas, symbols).
validate: setup
	$(TEST_ENV) $(PY) -m devtools.validate_data

# Development time: re-render the APP-6 SVGs and rewrite the QML styles.
symbols: setup
	$(PY) -m devtools.render_symbols
styles: setup
	QT_HASH_SEED=0 $(TEST_ENV) $(PY) -m devtools.make_styles

clean:
	rm -rf build dist kpa_tracker/resources_rc.py .pytest_cache
