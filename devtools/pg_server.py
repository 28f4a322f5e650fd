"""A throwaway PostgreSQL + PostGIS server for the team-workspace tests and bench.

Debian's binaries (/usr/lib/postgresql/<version>/bin of the newest installed
PostgreSQL that has PostGIS: 15 on Debian 12, 17 on Debian 13; KPA_PG_BIN
overrides), a fresh cluster in a temporary directory, listening on 127.0.0.1 only, on a free port, with its unix socket in
that directory. Password (scram-sha-256) authentication for every TCP
connection, so login roles are tested with real passwords. PostgreSQL refuses
to run as root: as root the cluster belongs to the `postgres` OS user and
every server command runs through `runuser -u postgres`.

    python -m devtools.pg_server start [DIR]   # prints the connection as JSON
    python -m devtools.pg_server stop DIR
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


class PgServerError(RuntimeError):
    pass


PG_LIB = Path("/usr/lib/postgresql")
PG_SHARE = Path("/usr/share/postgresql")


def find_bin_dir() -> Path:
    """The bin folder of the newest installed PostgreSQL whose PostGIS extension is installed too."""
    if os.environ.get("KPA_PG_BIN"):
        return Path(os.environ["KPA_PG_BIN"])
    versions = sorted((int(d.name) for d in PG_LIB.glob("*") if d.name.isdigit()
                       and (d / "bin" / "initdb").exists()
                       and (PG_SHARE / d.name / "extension" / "postgis.control").exists()), reverse=True)
    if not versions:
        raise PgServerError("no PostgreSQL with PostGIS under {}: install Debian's postgresql and "
                            "postgresql-postgis (make test does)".format(PG_LIB))
    return PG_LIB / str(versions[0]) / "bin"


SUPERUSER = "postgres"
STATE_FILE = "server.json"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgServer:
    """One cluster: `start()`, `restart()`, `stop()`; `dsn(...)` for psycopg2."""

    def __init__(self, base_dir=None, port=None, password=None):
        self.base_dir = Path(base_dir) if base_dir else Path(tempfile.mkdtemp(prefix="kpa-pg-"))
        self.data_dir = self.base_dir / "data"
        self.log_file = self.base_dir / "server.log"
        self.port = port or _free_port()
        self.password = password or secrets.token_hex(16)
        self.host = "127.0.0.1"
        self.as_root = os.geteuid() == 0

    # --- running the server's own programs ---------------------------------------------

    def _run(self, *args, check=True):
        command = [str(find_bin_dir() / args[0])] + [str(a) for a in args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--"] + command
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if check and result.returncode != 0:
            raise PgServerError("{} failed ({}):\n{}\n{}".format(
                args[0], result.returncode, result.stdout, self._log_tail()))
        return result

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return ""

    def _options(self) -> str:
        return "-c listen_addresses=127.0.0.1 -p {} -k {}".format(self.port, self.base_dir)

    # --- life cycle ------------------------------------------------------------------------

    def start(self) -> "PgServer":
        find_bin_dir()  # says what to install before anything is made
        self.base_dir.mkdir(parents=True, exist_ok=True)
        password_file = self.base_dir / "pwfile"
        password_file.write_text(self.password + "\n")
        if self.as_root:
            shutil.chown(str(self.base_dir), "postgres", "postgres")
            shutil.chown(str(password_file), "postgres", "postgres")
        os.chmod(str(self.base_dir), 0o700)
        os.chmod(str(password_file), 0o600)
        self._run("initdb", "-D", self.data_dir, "-U", SUPERUSER, "--pwfile", password_file,
                  "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        password_file.unlink()
        with open(str(self.data_dir / "postgresql.conf"), "a") as conf:
            # A test server: no need to survive an OS crash, and quick checkpoints.
            conf.write("\nfsync = off\nfull_page_writes = off\nmax_connections = 60\n")
        self._run("pg_ctl", "-D", self.data_dir, "-l", self.log_file, "-o", self._options(), "-w", "-t", "60",
                  "start")
        self._save_state()
        return self

    def restart(self) -> None:
        """Stop fast (every open connection is cut) and start again, as an administrator would."""
        self._run("pg_ctl", "-D", self.data_dir, "-l", self.log_file, "-o", self._options(), "-m", "fast",
                  "-w", "-t", "60", "restart")

    def stop(self, remove: bool = True) -> None:
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", self.data_dir, "-m", "fast", "-w", "-t", "60", "stop", check=False)
        if remove:
            shutil.rmtree(str(self.base_dir), ignore_errors=True)

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", self.data_dir, "status", check=False).returncode == 0

    # --- connecting --------------------------------------------------------------------------

    def dsn(self, dbname="postgres", user=SUPERUSER, password=None) -> str:
        """A libpq connection string (values quoted as libpq wants)."""
        values = {"host": self.host, "port": self.port, "dbname": dbname, "user": user,
                  "password": self.password if password is None else password, "connect_timeout": 10}
        return " ".join("{}='{}'".format(key, str(value).replace("\\", "\\\\").replace("'", "\\'"))
                        for key, value in values.items())

    def connect(self, dbname="postgres", user=SUPERUSER, password=None, autocommit=False):
        import psycopg2

        connection = psycopg2.connect(self.dsn(dbname, user, password))
        connection.autocommit = autocommit
        return connection

    def create_database(self, name: str, postgis: bool = True) -> str:
        """A new empty database (with the PostGIS extension); returns its name."""
        admin = self.connect(autocommit=True)
        try:
            with admin.cursor() as cursor:
                cursor.execute('CREATE DATABASE "{}"'.format(name))
        finally:
            admin.close()
        if postgis:
            connection = self.connect(name, autocommit=True)
            try:
                with connection.cursor() as cursor:
                    cursor.execute("CREATE EXTENSION postgis")
            finally:
                connection.close()
        return name

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._run("pg_isready", "-h", self.host, "-p", self.port, check=False).returncode == 0:
                return
            time.sleep(0.2)
        raise PgServerError("the server did not come back within {} s".format(timeout))

    # --- state for the command line -----------------------------------------------------------

    def _save_state(self) -> None:
        state = {"base_dir": str(self.base_dir), "host": self.host, "port": self.port, "user": SUPERUSER,
                 "password": self.password}
        path = self.base_dir / STATE_FILE
        path.write_text(json.dumps(state))
        os.chmod(str(path), 0o600)

    @classmethod
    def from_dir(cls, base_dir) -> "PgServer":
        state = json.loads((Path(base_dir) / STATE_FILE).read_text())
        return cls(state["base_dir"], state["port"], state["password"])


def main(argv) -> int:
    if not argv or argv[0] not in ("start", "stop"):
        print(__doc__)
        return 2
    if argv[0] == "start":
        server = PgServer(argv[1] if len(argv) > 1 else None).start()
        print(json.dumps({"base_dir": str(server.base_dir), "host": server.host, "port": server.port,
                          "user": SUPERUSER, "password": server.password}))
        return 0
    if len(argv) < 2:
        print("stop needs the server's directory")
        return 2
    PgServer.from_dir(argv[1]).stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
