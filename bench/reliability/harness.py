"""The pieces the reliability run is made of: a scratch site on PostgreSQL, the production
server on it, load from wrk, a probe that records every answer, and the shared services
(PostgreSQL, Redis, a search server) that the run stops and starts.

Nothing here touches the development database (db.sqlite3) or the worktree's media: the
site lives in a scratch PostgreSQL database, dropped at the end, and a temporary folder,
kept for the servers' logs.
"""

import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
HERE = Path(__file__).resolve().parent

# The last line of a traceback: an unindented exception name, then its message.
EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Shutdown|Exit)): ", re.M)
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_SERVER = "redis://127.0.0.1:6379"
REDIS_START = [
    "redis-server",
    "--daemonize",
    "yes",
    "--bind",
    "127.0.0.1",
    "-::1",
    "--port",
    "6379",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    "/var/lib/redis",
    "--logfile",
    "/var/log/redis/ci.log",
]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run(command, *, env=None, timeout=600):
    """Run a fixed command to its end; its output if it succeeds, an error naming it if not."""
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, command))} failed ({done.returncode}):\n"
            f"{done.stdout[-2000:]}{done.stderr[-3000:]}"
        )
    return done.stdout


# -- The shared services -------------------------------------------------------------------


def postgres_cluster():
    versions = sorted(os.listdir("/etc/postgresql"))
    return versions[-1]


def restart_postgres():
    run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", postgres_cluster(), "main", "restart"],
        timeout=120,
    )


def postgres_is_up():
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"], check=False).returncode == 0


def redis_is_up():
    try:
        return redis.Redis.from_url(REDIS_SERVER, socket_timeout=1).ping()
    except redis.TimeoutError:
        return True  # Busy, but there.
    except redis.RedisError:
        return False


def stop_redis():
    # `shutdown nosave` exits the server; redis-cli then reports the lost connection.
    subprocess.run(["redis-cli", "shutdown", "nosave"], capture_output=True, check=False)
    wait_for(lambda: not redis_is_up(), "Redis to stop", 10)


def start_redis():
    run(REDIS_START)
    wait_for(redis_is_up, "Redis to answer", 10)


def bring_services_back():
    """Whatever happened, leave PostgreSQL and Redis running, as other sessions need them."""
    if not redis_is_up():
        log("Redis is down: starting it")
        try:
            start_redis()
        except (RuntimeError, OSError, subprocess.SubprocessError) as error:
            log(f"Redis did not start: {error}")
    if not postgres_is_up():
        log("PostgreSQL is down: starting it")
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", postgres_cluster(), "main", "start"],
            check=False,
        )


def wait_for(condition, what, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise RuntimeError(f"Gave up waiting for {what} after {seconds} s")


# -- The scratch site ----------------------------------------------------------------------


class ScratchSite:
    """A scratch PostgreSQL database with the demo site in it, and a folder for its media."""

    def __init__(self, name, folder):
        self.name = name
        self.folder = folder
        self.media = folder / "media"
        self.url = urlunsplit(urlsplit(POSTGRES_SERVER)._replace(path=f"/{name}"))

    def create(self):
        """Migrate and load the demo with the development settings, as `make setup` does
        (the demo loader runs only there), but into the scratch database."""
        self.drop()
        with psycopg.connect(POSTGRES_SERVER, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_URL"))
        }
        env |= {
            "DJANGO_SETTINGS_MODULE": "network_site.settings.dev",
            "DEV_DATABASE_URL": self.url,
            "MEDIA_ROOT": str(self.media),
        }
        for command in ("migrate", "load_demo_content", "setup_roles"):
            run([BIN / "python", "manage.py", command, "--verbosity", "0"], env=env)

    def drop(self):
        with psycopg.connect(POSTGRES_SERVER, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# -- The served site -----------------------------------------------------------------------


class Server:
    """gunicorn with the production settings and a `db_worker`, as `make serve` runs them,
    on the scratch database, with the run's own Redis database and key prefix.

    Its environment goes to `<folder>/<name>.env`, like `make serve`'s `.serve.env`, and
    `manage()` runs a command in it, as cron or an operator would.
    """

    def __init__(self, site, name, port, redis_url, **overrides):
        self.name = name
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = site.folder / f"{name}.log"
        self.env_path = site.folder / f"{name}.env"
        self.settings = {
            "DJANGO_SETTINGS_MODULE": "network_site.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_HTTPS": "false",
            "DATABASE_URL": site.url,
            "REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": f"reliability-{port}",
            "WAGTAILADMIN_BASE_URL": self.base,
            "SERVE_MEDIA": "true",
            "MEDIA_ROOT": str(site.media),
            "PAGE_CACHE": "on",
            "ELASTICSEARCH_URL": "",
            "SEARCH_INDEX_PREFIX": "reliability-",
            # Off, so that 32 connections from one address measure the site, not the limit.
            "SEARCH_API_RATE_LIMIT": "",
            "SEARCH_PAGE_RATE_LIMIT": "",
            "PORT": str(port),
            "WEB_CONCURRENCY": "2",
            "ACCESS_LOG": "off",
        } | overrides
        self.env_path.write_text("".join(f"{k}={v}\n" for k, v in self.settings.items()))
        self.processes = {}

    @property
    def env(self):
        inherited = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_URL", "DEV_DATABASE_URL"))
        }
        return inherited | self.settings

    def manage(self, *args, timeout=300):
        return run([BIN / "python", "manage.py", *args], env=self.env, timeout=timeout)

    def start(self):
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        with self.log_path.open("ab") as output:
            for name, command in (
                # No control socket: every gunicorn on the machine would share the default
                # path (~/.gunicorn/gunicorn.ctl), and stopping ours could remove another's.
                ("gunicorn", [BIN / "gunicorn", "--no-control-socket"]),
                ("db_worker", [BIN / "python", "manage.py", "db_worker"]),
            ):
                self.processes[name] = subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=self.env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
        wait_for(lambda: get(self.base + "/").status == 200, f"{self.base}/ to answer", 120)
        wait_for(lambda: len(self.worker_pids()) == 2, "both gunicorn workers", 60)

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def worker_pids(self):
        master = self.processes["gunicorn"].pid
        listed = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(master)],
            capture_output=True,
            text=True,
            check=False,
        )
        return sorted(int(pid) for pid in listed.stdout.split())

    def rss_mb(self):
        """{label: resident memory in MB} of each gunicorn worker and the task worker."""
        pids = {f"worker {pid}": pid for pid in self.worker_pids()}
        pids["db_worker"] = self.processes["db_worker"].pid
        listed = subprocess.run(
            ["ps", "-o", "pid=,rss=", "-p", ",".join(map(str, pids.values()))],
            capture_output=True,
            text=True,
            check=False,
        )
        rss = dict(map(int, line.split()) for line in listed.stdout.splitlines())
        return {label: rss[pid] / 1024 for label, pid in pids.items() if pid in rss}

    def log_problems(self):
        """What the server's log says went wrong: requests answered 500, worker timeouts,
        and the exceptions named in tracebacks (a chained one counts each of its links)."""
        text = self.log_path.read_text(errors="replace")
        exceptions = {}
        for name in EXCEPTION_LINE.findall(text):
            exceptions[name] = exceptions.get(name, 0) + 1
        return {
            "500s logged": text.count("ERROR django.request: Internal Server Error"),
            "worker timeouts": text.count("WORKER TIMEOUT"),
            "exceptions": exceptions,
        }


# -- Requests ------------------------------------------------------------------------------


@dataclass
class Answer:
    at: float  # when the request was sent: time.monotonic()
    status: int | str  # the HTTP status, or the name of the error
    seconds: float
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    sent: float = field(default_factory=time.time)  # when it was sent, as a Unix time

    def json(self):
        return json.loads(self.body)

    def text(self):
        return self.body.decode("utf-8", "replace")


def get(url, timeout=10):
    """One GET on a new connection, with no cookie: what an anonymous reader sends."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    sent, start = time.time(), time.monotonic()
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return Answer(
            start, response.status, time.monotonic() - start, dict(response.headers), body, sent
        )
    except (OSError, http.client.HTTPException) as error:
        return Answer(start, type(error).__name__, time.monotonic() - start, sent=sent)
    finally:
        connection.close()


class Probe(threading.Thread):
    """Requests `url()` every `interval` seconds and keeps every answer with its time."""

    def save(self, path, t0):
        """The answers as CSV: seconds since t0, status, duration, X-Page-Cache."""
        lines = ["at_s,status,seconds,x_page_cache"]
        lines += [
            f"{a.at - t0:.2f},{a.status},{a.seconds:.3f},{a.headers.get('X-Page-Cache', '')}"
            for a in self.answers
        ]
        path.write_text("\n".join(lines) + "\n")

    def __init__(self, url, interval, keep_body=False):
        super().__init__(daemon=True)
        self.url = url
        self.interval = interval
        self.keep_body = keep_body
        self.answers = []
        self.stopping = threading.Event()

    def run(self):
        count = 0
        while not self.stopping.is_set():
            count += 1
            answer = get(self.url(count) if callable(self.url) else self.url, timeout=10)
            if not self.keep_body:
                answer.body = b""
            self.answers.append(answer)
            self.stopping.wait(self.interval)

    def stop(self):
        self.stopping.set()
        self.join()


class Load:
    """wrk in the background, drawing requests from a list of paths (mix.lua)."""

    def __init__(self, base, paths, seconds, connections, folder, threads=2):
        paths_file = folder / "paths.txt"
        paths_file.write_text("\n".join(paths) + "\n")
        self.output = folder / f"wrk-{time.monotonic_ns()}.txt"
        self.seconds = seconds
        self.command = [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(HERE / "mix.lua"),
            base,
            "--",
            str(paths_file),
        ]
        self.process = None
        self.started = None

    def start(self):
        self.started = time.time()
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(self.command, stdout=output, stderr=subprocess.STDOUT)
        return self

    def result(self):
        self.process.wait(timeout=self.seconds + 60)
        text = self.output.read_text(errors="replace")
        line = next((line for line in text.splitlines() if line.startswith("MIX ")), None)
        if line is None:
            raise RuntimeError(f"wrk gave no summary:\n{text[-2000:]}")
        summary = json.loads(line.removeprefix("MIX "))
        summary["rps"] = summary["requests"] / summary["duration_s"]
        summary["5xx"] = summary["statuses"].get("5xx", 0)
        summary["socket_errors"] = sum(summary["errors"].values())
        return summary

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def sleep_until(start, seconds):
    """Sleep until `seconds` after the monotonic time `start`."""
    time.sleep(max(0.0, start + seconds - time.monotonic()))
