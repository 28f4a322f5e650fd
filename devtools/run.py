"""`make run`: package the plugin, install it into build/run's own QGIS profile, start QGIS.

With a display, QGIS opens for you to use. Without one, it runs under Xvfb,
saves build/run/screenshot.png, prints its path and exits; the exit status is
non-zero if the plugin raised a Python error.
"""

import os
import sys
from pathlib import Path

from devtools import package, qgis_desktop

ROOT = Path(__file__).resolve().parent.parent
RUN_DIR = ROOT / "build" / "run"


def main() -> int:
    zip_path = package.build()
    print("packaged", zip_path)
    profiles = RUN_DIR / "qgis"
    qgis_desktop.install_zip(zip_path, profiles)
    headless = not os.environ.get("DISPLAY")
    screenshot = RUN_DIR / "screenshot.png"
    env = {"KPA_QUIT": "1" if headless else "0", "KPA_SOURCE_ROOT": str(ROOT)}
    if headless:
        env["KPA_SCREENSHOT"] = str(screenshot)
        if screenshot.exists():
            screenshot.unlink()
    server = _team_server(env) if os.environ.get("KPA_SCENARIO") == "team" else None
    try:
        outcome = _run(profiles, headless, env)
    finally:
        if server is not None:
            server.stop()
    if outcome["errors"]:
        sys.stderr.write("The plugin raised Python errors in QGIS:\n" + outcome["errors"])
        return 1
    if "kpa_tracker" not in outcome["result"].get("active_plugins", []):
        sys.stderr.write("The plugin did not load.\n" + outcome["output"][-3000:])
        return 1
    if headless:
        if not outcome["result"].get("screenshot_saved"):
            sys.stderr.write("No screenshot was saved.\n" + outcome["output"][-3000:])
            return 1
        print("screenshot:", screenshot)
    return 0


def _run(profiles, headless, env):
    return qgis_desktop.run_qgis(
        profiles,
        ROOT / "devtools" / "code_run.py",
        RUN_DIR / "result.json",
        timeout=240 if headless else 24 * 3600,
        headless=headless,
        extra_env=env,
        screen=os.environ.get("KPA_SCREEN", qgis_desktop.SCREEN),  # e.g. 1366x768x24
    )


def _team_server(env):
    """KPA_SCENARIO=team: a throwaway PostGIS server with the team schema and two demo logins."""
    import secrets

    from devtools.pg_server import PgServer

    from kpa_tracker.core.team import connection as team_db

    server = PgServer().start()
    server.create_database("kpa_team")
    conn = server.connect("kpa_team")
    try:
        team_db.ensure_schema(conn)
        logins = {"analyst": ("kim_analyst", "kpa_analyst"), "reviewer": ("lee_reviewer", "kpa_reviewer")}
        with conn.cursor() as cursor:
            for who, (login, role) in logins.items():
                password = secrets.token_hex(12)
                cursor.execute("SELECT kpa.create_login(%s, %s, %s)", (login, password, role))
                env["KPA_TEAM_{}".format(who.upper())] = "{}:{}".format(login, password)
        conn.commit()
    finally:
        conn.close()
    env.update({"KPA_TEAM_HOST": server.host, "KPA_TEAM_PORT": str(server.port), "KPA_TEAM_DB": "kpa_team"})
    return server


if __name__ == "__main__":
    sys.exit(main())
