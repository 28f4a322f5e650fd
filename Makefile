# Everything from a fresh Debian 12 or Debian 13 machine (as root): `make run`, `make test`.
# Each target installs what it needs first; a second run skips what is there.
# Package names hold for both releases: `postgresql` and `postgresql-postgis` are
# Debian's metapackages for the release's own PostgreSQL (15 on Debian 12, 17 on
# Debian 13) and its PostGIS; devtools/pg_server.py finds the binaries they install.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# proj-data: PROJ's grids and database for pyproj (a Recommends, so not pulled in by
# --no-install-recommends); fonts-dejavu-core and fonts-nanum: the Latin and Korean
# faces the rendered maps and briefings are checked with; fonts-noto-core: Noto Sans, the
# curated styles' label font; fonts-open-sans: QGIS 3.40's own default. Without the last two,
# QGIS 3.40+ tries to download them and, offline, says it failed. python3-matplotlib: the charts
# (Debian's QGIS pulls it in today; named so the tests never depend on that).
APT_PACKAGES := qgis python3-qgis xvfb xauth python3-venv python3-yaml python3-pyproj proj-data python3-matplotlib \
  git poppler-utils fonts-dejavu-core fonts-nanum fonts-noto-core fonts-open-sans postgresql postgresql-postgis \
  python3-psycopg2
APT_STAMP := build/.apt-$(shell echo $(APT_PACKAGES) | md5sum | cut -c1-8)
# Tests and `make run` without a display use Qt's offscreen platform in-process;
# QGIS desktop itself is started under Xvfb by devtools/qgis_desktop.py.
TEST_ENV := QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/kpa-runtime-$$(id -u)

.PHONY: setup run test test-unit test-matrix package bench validate symbols styles clean

setup: $(VENV)/.installed

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

run: setup
	@mkdir -p /tmp/kpa-runtime-$$(id -u) && chmod 700 /tmp/kpa-runtime-$$(id -u)
	XDG_RUNTIME_DIR=/tmp/kpa-runtime-$$(id -u) $(PY) -m devtools.run

test: setup
	@mkdir -p /tmp/kpa-runtime-$$(id -u) && chmod 700 /tmp/kpa-runtime-$$(id -u)
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

# The domain rules alone, without QGIS (no pytest-qgis, no conftest): seconds.
test-unit: setup
	$(PY) -m pytest -p no:qgis --noconftest -q kpa_tracker/tests/unit

# The suite on QGIS 3.22, 3.40 and 3.44: the host's QGIS directly, the others in
# debootstrapped Debian roots cached under /var/cache/kpa-tracker-matrix.
# MATRIX_ARGS: --skip-host (make test already ran it), or the legs to run (3.22 3.40 3.44).
test-matrix:
	bash devtools/matrix.sh $(MATRIX_ARGS)

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
	rm -rf build dist .pytest_cache
