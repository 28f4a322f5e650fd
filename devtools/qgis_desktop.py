"""Run real QGIS desktop in an isolated profile, with the packaged plugin installed.

Used by `make run`, by the end-to-end package test and by the start-up benchmark.
The user's own QGIS profile is never touched: profiles live under the folder given.
"""

import json
import os
import shutil
import signal
import subprocess
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLUGIN = "kpa_tracker"
PROFILE = "kpa"
QGIS_BIN = "/usr/bin/qgis"
SCREEN = "1600x1000x24"


def profile_dir(profiles_root: Path, profile: str = PROFILE) -> Path:
    return Path(profiles_root) / "profiles" / profile


def install_zip(zip_path: Path, profiles_root: Path, enabled: bool = True, profile: str = PROFILE) -> Path:
    """Unpack the plugin zip into the profile (as the Plugin Manager does) and enable it."""
    plugins = profile_dir(profiles_root, profile) / "python" / "plugins"
    target = plugins / PLUGIN
    if target.exists():
        shutil.rmtree(target)
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(str(zip_path)) as archive:
        archive.extractall(str(plugins))
    set_plugin_enabled(profiles_root, enabled, profile)
    return target


def set_plugin_enabled(profiles_root: Path, enabled: bool, profile: str = PROFILE) -> None:
    ini = profile_dir(profiles_root, profile) / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    sections = _read_ini(ini)
    sections.setdefault("PythonPlugins", {})[PLUGIN] = "true" if enabled else "false"
    # No network checks or news feed on start: these machines are offline.
    sections.setdefault("qgis", {}).update(
        {"checkVersion": "false", "allowVersionCheck": "false"}
    )
    sections.setdefault("core", {})["NewsFeed\\httpsfeedqgisorg\\disabled"] = "true"
    # QGIS 3.28+ downloads fonts a style names but the machine lacks; offline it only reports a failure.
    sections.setdefault("fonts", {})["downloadMissingFonts"] = "false"
    _write_ini(ini, sections)


def _read_ini(path: Path) -> dict:
    sections, current = {}, None
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1], {})
            elif "=" in line and current is not None:
                key, value = line.split("=", 1)
                current[key] = value
    return sections


def _write_ini(path: Path, sections: dict) -> None:
    lines = []
    for name, values in sections.items():
        lines.append("[{}]".format(name))
        lines.extend("{}={}".format(k, v) for k, v in values.items())
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def run_qgis(
    profiles_root: Path,
    code_script: Path,
    result_file: Path,
    timeout: int = 180,
    headless: bool = True,
    extra_env: dict = None,
    screen: str = SCREEN,
) -> dict:
    """Start QGIS desktop with `--code code_script`; return what the script and hook recorded.

    The start-up hook (PYQGIS_STARTUP) records every Python error QGIS logs,
    from before the plugins load, into errors.log beside the result file.
    """
    result_file = Path(result_file)
    errors_file = result_file.with_name("errors.log")
    for stale in (result_file, errors_file):
        if stale.exists():
            stale.unlink()
    env = dict(os.environ)
    # The test process runs Qt offscreen; QGIS desktop needs a real (X) screen.
    env.pop("QT_QPA_PLATFORM", None)
    env.update(
        {
            "PYQGIS_STARTUP": str(HERE / "startup_hook.py"),
            "KPA_ERRORS_FILE": str(errors_file),
            "KPA_RESULT_FILE": str(result_file),
            "QGIS_CUSTOM_CONFIG_PATH": "",
        }
    )
    env.update(extra_env or {})
    command = [
        QGIS_BIN,
        "--profiles-path", str(profiles_root),
        "--profile", PROFILE,
        "--nologo",
        "--noversioncheck",
        "--code", str(code_script),
    ]
    if headless:
        command = ["xvfb-run", "-a", "-s", "-screen 0 " + screen] + command
    # In a session of its own, so a QGIS that hangs is ended with its Xvfb (killing xvfb-run alone
    # leaves qgis.bin and Xvfb running).
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        returncode, output = process.returncode, stdout + stderr
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        returncode = None
        output = "QGIS did not finish within {} s\n".format(timeout) + (stdout or "") + (stderr or "")
    result = {}
    if result_file.exists():
        result = json.loads(result_file.read_text(encoding="utf-8"))
    errors = errors_file.read_text(encoding="utf-8") if errors_file.exists() else ""
    return {"returncode": returncode, "output": output, "result": result, "errors": errors}


QGIS_PROCESS_BIN = "/usr/bin/qgis_process.bin"  # Debian's qgis_process wrapper is broken on 3.22


def run_qgis_process(profiles_root: Path, arguments, timeout: int = 180):
    """Run qgis_process headless against the 'default' profile under profiles_root."""
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.update({"QGIS_CUSTOM_CONFIG_PATH": str(profiles_root), "QT_QPA_PLATFORM": "offscreen"})
    return subprocess.run([QGIS_PROCESS_BIN] + list(arguments), env=env, timeout=timeout,
                          capture_output=True, text=True)
