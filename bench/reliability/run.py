"""The reliability run: the production server held under load, and faults survived under load.

    make reliability     # = .venv/bin/python bench/reliability/run.py

Builds the demo site in a scratch PostgreSQL database (`reliability_site`, dropped at the
end) and serves it as `make serve` does (gunicorn, two workers, the production settings, a
`db_worker`, the page cache in Redis: database 11, prefix `reliability-<port>`, both the
run's own), once per scenario, on ports 8201-8211. The search rate limits are off (empty
SEARCH_API_RATE_LIMIT and SEARCH_PAGE_RATE_LIMIT), so that 32 connections from one address
measure the site rather than the limit. Scenarios (`--only` picks some):

- load:     60 s at 32 connections over pages, listings, feeds and searches: no 5xx, no
            timeout, and the workers' memory sampled every 3 s.
- search:   Elasticsearch (osmem-server) killed during load, then started and re-indexed:
            no 5xx, the database answers meanwhile, Elasticsearch again after the breaker.
- editor:   a case study retitled and published by another process during load: the very
            next request shows the new title, and the revision is there.
- redis:    Redis stopped during load, then started: no 5xx, pages served uncached, then
            from the cache again.
- postgres: PostgreSQL restarted during load (page cache off): errors only while it
            restarts; the site and its task worker recover without being restarted.

PostgreSQL and Redis are shared with other sessions: they are stopped only briefly, and
started again at the end whatever happens. Prints a table and exits 1 if a check fails.
"""

import argparse
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import redis
from harness import (
    Load,
    Probe,
    ScratchSite,
    Server,
    bring_services_back,
    get,
    log,
    restart_postgres,
    sleep_until,
    start_redis,
    stop_redis,
)
from osmem_server import OsmemServer

SCRATCH_DATABASE = "reliability_site"
REDIS_URL = "redis://127.0.0.1:6379/11"
CASE_STUDY = "/en/cities/tartu/case-studies/virtual-meetings-on-urban-plans/"
GENOA_CASE_STUDY = "/en/cities/genoa/case-studies/one-editorial-calendar-for-social-media/"

# What the load asks for, drawn at random (mix.lua): %w is a word, %n a number 1-5, so
# searches vary and some miss the page cache. 17 pages, listings and feeds; 6 searches.
PATHS = [
    "/en/",
    "/en/about/",
    "/en/case-studies/",
    "/en/case-studies/?city=tartu&theme=governance",
    "/en/case-studies/?page=%n",
    "/en/cities/",
    "/en/cities/tartu/",
    "/en/cities/tartu/case-studies/",
    "/en/cities/ghent/updates/?theme=%w",
    CASE_STUDY,
    GENOA_CASE_STUDY,
    "/en/toolkit/",
    "/en/toolkit/running-virtual-public-meetings/",
    "/en/toolkit/roadmap/",
    "/en/case-studies/feed/",
    "/en/updates/feed/",
    "/en/cities/tartu/case-studies/feed/",
    "/en/search/?q=%w",
    "/en/search/?q=%w+%w&theme=governance",
    "/en/search/?q=%w&page=%n&sort=newest",
    "/en/api/search/?q=%w",
    "/en/api/search/?q=%w&theme=governance&city=tartu",
    "/en/api/search/?q=%w&type=case-study&year=2016&page=%n",
]


@dataclass
class Check:
    scenario: str
    what: str
    measured: str
    ok: bool | None  # None: a figure to read, not a pass or fail


def seconds_label(value):
    return "-" if value is None else f"{value:.1f} s"


def load_checks(scenario, summary, server):
    """The checks every scenario makes of its load: statuses, socket errors, the log."""
    problems = server.log_problems()
    statuses = summary["statuses"]
    return [
        Check(
            scenario,
            "requests, rps, p50 / p99 / max",
            f"{summary['requests']:,}, {summary['rps']:.0f}/s, {summary['p50_ms']:.0f} / "
            f"{summary['p99_ms']:.0f} / {summary['max_ms']:.0f} ms",
            None,
        ),
        Check(
            scenario,
            "answers by status; X-Page-Cache",
            ", ".join(f"{k} {v:,}" for k, v in sorted(statuses.items()))
            + "; "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(summary["cache"].items())),
            None,
        ),
        Check(
            scenario,
            "timeouts and socket errors (wrk; gunicorn WORKER TIMEOUT)",
            f"{summary['errors']['timeout']} timeouts, "
            f"{summary['socket_errors'] - summary['errors']['timeout']} other; "
            f"{problems['worker timeouts']} worker timeouts",
            summary["socket_errors"] == 0 and problems["worker timeouts"] == 0,
        ),
        Check(
            scenario,
            "4xx answers (all paths answer 200 before the load)",
            str(statuses.get("4xx", 0) + statuses.get("429", 0)),
            statuses.get("4xx", 0) + statuses.get("429", 0) == 0,
        ),
    ]


def rate(summary, t0_wall, start, end):
    """Answers per second from `start` to `end` seconds after the Unix time `t0_wall`."""
    counted = sum(
        n for second, n in summary["seconds"].items() if start <= int(second) - t0_wall < end
    )
    return counted / max(end - start, 1)


def check_paths(base):
    """Every path of the mix answers 200 before any load: wrk counts a 404 as an answer."""
    for path in PATHS:
        url = base + path.replace("%w", "meetings").replace("%n", "1")
        answer = get(url)
        if answer.status != 200:
            raise RuntimeError(f"{url} answered {answer.status}, not 200")


# -- 1. Load held --------------------------------------------------------------------------


def scenario_load(site, args):
    server = Server(site, "load", args.port, REDIS_URL)
    server.start()
    try:
        started = server.rss_mb()
        check_paths(server.base)
        log("warm-up: 10 s at 8 connections")
        Load(server.base, PATHS, 10, 8, site.folder).start().result()
        warm = server.rss_mb()
        samples = []
        log(f"load: {args.load_seconds} s at {args.connections} connections")
        load = Load(server.base, PATHS, args.load_seconds, args.connections, site.folder).start()
        while load.process.poll() is None:
            samples.append(server.rss_mb())
            time.sleep(3)
        summary = load.result()
        end = server.rss_mb()
    finally:
        server.stop()
    checks = load_checks("1 load", summary, server)
    checks.append(
        Check(
            "1 load",
            "5xx answers",
            f"{summary['5xx']} of {summary['requests']:,}",
            summary["5xx"] == 0,
        )
    )
    half = samples[len(samples) // 2 :]
    for label in sorted(warm):
        series = [sample[label] for sample in samples if label in sample]
        if not series or label not in end:
            checks.append(Check("1 load", f"RSS {label}", "replaced during the run", False))
            continue
        middle = half[0].get(label, series[0])
        growth = end[label] - middle
        checks.append(
            Check(
                "1 load",
                f"RSS {label}: start-up / warm / max / end MB",
                f"{started.get(label, 0):.0f} / {warm[label]:.0f} / {max(series):.0f} / "
                f"{end[label]:.0f} ({growth:+.1f} MB in the second half)",
                # Growth over the second half of the run is what "without bound" would look
                # like; more than 5% of the worker's size is flagged.
                growth <= 0.05 * middle,
            )
        )
    return checks


# -- 2a. Search server killed --------------------------------------------------------------


class SearchServer:
    """osmem-server, started as the tests start it, behind es_shim.py (which lets the
    production client talk to it): both together are the run's "Elasticsearch"."""

    def __init__(self, port):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.osmem = None
        self.shim = None

    def start(self):
        self.osmem = OsmemServer.start(japanese=False, addr=f"127.0.0.1:{self.port + 1}")
        self.shim = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("es_shim.py")), str(self.port)]
            + [self.osmem.url]
        )
        deadline = time.monotonic() + 10
        while get(self.url + "/").status != 200:
            if time.monotonic() > deadline:
                raise RuntimeError("the search server did not answer")
            time.sleep(0.1)

    def kill(self):
        """As a crash would: no goodbye, listening sockets gone."""
        for process in (self.shim, self.osmem and self.osmem.process):
            if process is not None:
                process.kill()
                process.wait()


def scenario_search(site, args):
    breaker = args.breaker_seconds
    search = SearchServer(args.port + 9)
    search.start()
    server = Server(
        site,
        "search",
        args.port + 1,
        REDIS_URL,
        ELASTICSEARCH_URL=search.url,
        SEARCH_CIRCUIT_BREAKER_SECONDS=str(breaker),
    )
    try:
        server.start()
        server.manage("search_index", "rebuild", "--verbosity", "0")

        def probe_url(count):
            # A new query string each time, so that the page cache never answers the probe.
            return f"{server.base}/api/search/?q=meetings&probe={count}"

        backend = None
        deadline = time.monotonic() + breaker + 5
        while backend != "elasticsearch" and time.monotonic() < deadline:
            backend = get(probe_url(0)).json()["backend"]
        es_total = get(probe_url(0)).json()["total"]

        seconds = max(args.fault_seconds, 10 + 10 + breaker + 10)
        kill_at, restart_at = 10, 20
        log(f"search: {seconds} s of load; kill at {kill_at} s, back at {restart_at} s")
        probe = Probe(probe_url, 0.25, keep_body=True)
        load = Load(server.base, PATHS, seconds, args.connections, site.folder)
        t0 = time.monotonic()
        load.start()
        probe.start()
        sleep_until(t0, kill_at)
        search.kill()
        killed = time.monotonic() - t0
        sleep_until(t0, restart_at)
        search.start()
        server.manage("search_index", "rebuild", "--verbosity", "0")
        indexed = time.monotonic() - t0
        log(f"search server killed at {killed:.1f} s, back and re-indexed at {indexed:.1f} s")
        summary = load.result()
        probe.stop()
        probe.save(site.folder / "search-probe.csv", t0)
    finally:
        server.stop()
        search.kill()

    answers = [(a.at - t0, a) for a in probe.answers]
    failed = [a for _, a in answers if a.status != 200]
    backends = [
        (at, a.json()["backend"], a.json()["total"]) for at, a in answers if a.status == 200
    ]
    # Answered before the kill (a request sent just before it may be answered by either).
    up = {a.json()["backend"] for at, a in answers if a.status == 200 and at + a.seconds < killed}
    down = [(at, b, total) for at, b, total in backends if killed <= at < indexed]
    first_database = next((at for at, b, _ in down if b == "database"), None)
    after = [(at, b) for at, b, _ in backends if at >= indexed]
    last_database = max((at for at, b in after if b == "database"), default=indexed)
    first_elastic = next((at for at, b in after if b == "elasticsearch"), None)
    back = first_elastic and first_elastic - indexed
    totals = {total for _, _, total in down}
    checks = load_checks("2a search killed", summary, server)
    checks += [
        Check(
            "2a search killed",
            "5xx answers (load); failed probes",
            f"{summary['5xx']} of {summary['requests']:,}; {len(failed)} of {len(answers)}",
            summary["5xx"] == 0 and not failed,
        ),
        Check(
            "2a search killed",
            "before the kill: answered by",
            ", ".join(sorted(up)),
            up == {"elasticsearch"},
        ),
        Check(
            "2a search killed",
            "while it was down: answered by; hits for 'meetings'",
            f"{', '.join(sorted({b for _, b, _ in down}))} ({len(down)} probes, the first "
            f"{seconds_label(first_database and first_database - killed)} after the kill); "
            f"{sorted(totals)} (Elasticsearch had {es_total})",
            bool(down) and all(b == "database" for _, b, _ in down) and totals == {es_total},
        ),
        Check(
            "2a search killed",
            f"back on Elasticsearch after the re-index (breaker {breaker} s)",
            f"first Elasticsearch answer {seconds_label(back)} after, "
            f"last database answer {seconds_label(last_database - indexed)} after",
            first_elastic is not None and last_database - indexed <= breaker + 1,
        ),
    ]
    return checks


# -- 2b. PostgreSQL restarted --------------------------------------------------------------


def scenario_postgres(site, args):
    server = Server(site, "postgres", args.port + 2, REDIS_URL, PAGE_CACHE="off")
    server.start()
    try:
        seconds = max(args.fault_seconds, 30)
        restart_at = 10
        workers_before = server.worker_pids()
        log(f"postgres: {seconds} s of load (page cache off); restart at {restart_at} s")
        probe = Probe(f"{server.base}/cities/tartu/", 0.1)
        load = Load(server.base, PATHS, seconds, args.connections, site.folder)
        t0 = time.monotonic()
        load.start()
        probe.start()
        sleep_until(t0, restart_at)
        began = time.monotonic() - t0
        try:
            restart_postgres()
        finally:
            ended = time.monotonic() - t0
        log(f"PostgreSQL restart command ran from {began:.1f} s to {ended:.1f} s")
        started = time.time() - (time.monotonic() - t0)
        summary = load.result()
        probe.stop()
        probe.save(site.folder / "postgres-probe.csv", t0)
        workers_after = server.worker_pids()
        worker_alive = server.processes["db_worker"].poll() is None
        after_load = get(f"{server.base}/cities/tartu/")
        title = f"One editorial calendar, heron edition {time.strftime('%H%M%S')}"
        edit = retitle(server, GENOA_CASE_STUDY, title)
        indexed_after = seconds_until_found(server, "heron", title, edit["committed"])
    finally:
        server.stop()

    # When each failed answer arrived (a request sent before the restart can fail in it).
    failed = [a.at + a.seconds - t0 for a in probe.answers if a.status != 200]
    window = (min(failed), max(failed)) if failed else None
    bad = {int(s) - started: n for s, n in summary["bad_seconds"].items()}
    # wrk counts by whole second, so the second in which the restart began counts as in it.
    early = sum(n for at, n in bad.items() if at < began - 1)
    late = sum(n for at, n in bad.items() if at > ended + 5)
    checks = load_checks("2b postgres restart", summary, server)
    checks += [
        Check(
            "2b postgres restart",
            "restart command ran; probe errors (every 0.1 s) answered",
            f"{began:.1f}-{ended:.1f} s; "
            + (
                f"{len(failed)}, from {window[0]:.1f} to {window[1]:.1f} s "
                f"(window {window[1] - window[0]:.1f} s)"
                if window
                else "none"
            ),
            None,
        ),
        Check(
            "2b postgres restart",
            "5xx answers (load), by second of the run",
            f"{summary['5xx']} of {summary['requests']:,}: "
            + (", ".join(f"{at:.1f} s: {n}" for at, n in sorted(bad.items())) or "none"),
            None,
        ),
        Check(
            "2b postgres restart",
            "errors only while it restarted (not before it, none 5 s after it ended)",
            f"{early + late} 5xx outside; probe errors outside: "
            f"{sum(1 for at in failed if not began <= at <= ended + 5)}",
            early + late == 0 and all(began <= at <= ended + 5 for at in failed),
        ),
        Check(
            "2b postgres restart",
            "the site recovered by itself: same gunicorn workers, then 200",
            f"workers {'unchanged' if workers_before == workers_after else 'REPLACED'}, "
            f"{after_load.status}",
            workers_before == workers_after and after_load.status == 200,
        ),
        Check(
            "2b postgres restart",
            "the task worker (manage.py db_worker) survived and indexes a publish after it",
            ("alive" if worker_alive else "EXITED")
            + f", the publish searchable after {seconds_label(indexed_after)}",
            worker_alive and indexed_after is not None,
        ),
    ]
    problems = server.log_problems()
    checks.append(
        Check(
            "2b postgres restart",
            "exceptions in the server's log",
            ", ".join(f"{k} x{v}" for k, v in problems["exceptions"].items()) or "none",
            None,
        )
    )
    return checks


# -- 2c. An editor publishes during load ---------------------------------------------------

RETITLE = """
import json, time
from casestudies.models import CaseStudyPage
page = CaseStudyPage.objects.get(url_path__endswith="{slug}/")
revisions = page.revisions.count()
old_title = page.title
page.title = "{title}"
page.save_revision().publish()
committed = time.time()
print(json.dumps({{
    "id": page.pk, "revisions_before": revisions, "old_title": old_title, "committed": committed
}}))
"""

INSPECT = """
import json
from casestudies.models import CaseStudyPage
page = CaseStudyPage.objects.get(pk={pk})
print(json.dumps({{
    "title": page.title,
    "live": page.live,
    "has_unpublished_changes": page.has_unpublished_changes,
    "revisions": page.revisions.count(),
    "latest_revision_title": page.latest_revision.content["title"],
    "live_revision_is_latest": page.live_revision_id == page.latest_revision_id,
}}))
"""


def last_json_line(output):
    return json.loads([line for line in output.splitlines() if line.startswith("{")][-1])


def retitle(server, path, title):
    """Give the case study at `path` a new title and publish it, from another process."""
    slug = path.rstrip("/").rsplit("/", 1)[1]
    return last_json_line(server.manage("shell", "-c", RETITLE.format(slug=slug, title=title)))


def seconds_until_found(server, word, title, since, wait=30):
    """Seconds from the Unix time `since` until the search API finds `title` for `word`
    (the task worker has indexed it), or None after `wait` seconds."""
    while time.time() - since < wait:
        hits = get(f"{server.base}/api/search/?q={word}&n={time.monotonic_ns()}").json()
        if any(hit["title"] == title for hit in hits["results"]):
            return time.time() - since
        time.sleep(0.5)
    return None


def scenario_editor(site, args):
    server = Server(site, "editor", args.port + 3, REDIS_URL)
    server.start()
    stamp = time.strftime("%H%M%S")
    title = f"Virtual meetings on urban plans, kestrel edition {stamp}"
    listings = ["/en/cities/tartu/case-studies/", "/en/case-studies/"]
    try:
        for path in [CASE_STUDY, *listings]:
            get(server.base + path)
        cached = get(server.base + CASE_STUDY).headers.get("X-Page-Cache")
        seconds = max(args.fault_seconds, 20)
        log(f"editor: {seconds} s of load; publish at 8 s from another process")
        load = Load(server.base, PATHS, seconds, args.connections, site.folder)
        # The case study itself, every 0.1 s, to catch an old title served after the commit.
        probe = Probe(server.base + CASE_STUDY, 0.1, keep_body=True)
        t0 = time.monotonic()
        load.start()
        probe.start()
        sleep_until(t0, 8)
        edit = retitle(server, CASE_STUDY, title)
        next_request = get(server.base + CASE_STUDY)
        time.sleep(3)
        probe.stop()
        probe.save(site.folder / "editor-probe.csv", t0)
        shown = {path: title in get(server.base + path).text() for path in listings}
        found_after = seconds_until_found(server, "kestrel", title, edit["committed"])
        summary = load.result()
        state = last_json_line(server.manage("shell", "-c", INSPECT.format(pk=edit["id"])))
    finally:
        server.stop()
    after_commit = [a for a in probe.answers if a.sent > edit["committed"]]
    stale = [a for a in after_commit if a.status != 200 or title not in a.text()]
    checks = load_checks("2c editor publishes", summary, server)
    checks += [
        Check(
            "2c editor publishes",
            "5xx answers (load)",
            f"{summary['5xx']} of {summary['requests']:,}",
            summary["5xx"] == 0,
        ),
        Check(
            "2c editor publishes",
            "very next request after the publish: new title? (page was cached before)",
            f"{'yes' if title in next_request.text() else 'NO'}, X-Page-Cache "
            f"{next_request.headers.get('X-Page-Cache')} (before: {cached})",
            title in next_request.text() and cached == "hit",
        ),
        Check(
            "2c editor publishes",
            "requests of the page sent after the commit (every 0.1 s): old title or error",
            f"{len(stale)} of {len(after_commit)}",
            after_commit and not stale,
        ),
        Check(
            "2c editor publishes",
            "listings show the new title at once",
            ", ".join(f"{path} {'yes' if ok else 'NO'}" for path, ok in shown.items()),
            all(shown.values()),
        ),
        Check(
            "2c editor publishes",
            "nothing lost: live, revision saved and live, title in the database",
            f"live {state['live']}, revisions {edit['revisions_before']} -> "
            f"{state['revisions']}, live revision is the latest {state['live_revision_is_latest']}"
            f", unpublished changes {state['has_unpublished_changes']}",
            state["live"]
            and state["title"] == title == state["latest_revision_title"]
            and state["revisions"] == edit["revisions_before"] + 1
            and state["live_revision_is_latest"]
            and not state["has_unpublished_changes"],
        ),
        Check(
            "2c editor publishes",
            "search finds the new title (indexed by the db_worker)",
            f"after {seconds_label(found_after)}",
            found_after is not None,
        ),
    ]
    return checks


# -- 2d. Redis stopped ---------------------------------------------------------------------


def scenario_redis(site, args):
    server = Server(site, "redis", args.port + 4, REDIS_URL)
    server.start()
    try:
        seconds = max(args.fault_seconds, 30)
        stop_at, start_at = 8, 18
        log(f"redis: {seconds} s of load; stop at {stop_at} s, start at {start_at} s")
        probe = Probe(f"{server.base}/", 0.2)
        load = Load(server.base, PATHS, seconds, args.connections, site.folder)
        t0, t0_wall = time.monotonic(), time.time()
        load.start()
        probe.start()
        sleep_until(t0, stop_at)
        try:
            stop_redis()
            stopped = time.monotonic() - t0
            sleep_until(t0, start_at)
        finally:
            start_redis()
        started = time.monotonic() - t0
        log(f"Redis stopped at {stopped:.1f} s, answering again at {started:.1f} s")
        summary = load.result()
        probe.stop()
        probe.save(site.folder / "redis-probe.csv", t0)
    finally:
        server.stop()
    answers = [(a.at - t0, a) for a in probe.answers]
    failed = [a for _, a in answers if a.status != 200]

    def cache_states(start, end):
        states = {}
        for at, a in answers:
            if start <= at < end:
                state = a.headers.get("X-Page-Cache", "none")
                states[state] = states.get(state, 0) + 1
        return states

    before, down = cache_states(0, stopped), cache_states(stopped + 0.1, started)
    down_ms = [a.seconds * 1000 for at, a in answers if stopped <= at < started]
    first_hit = next(
        (at for at, a in answers if at >= started and a.headers.get("X-Page-Cache") == "hit"),
        None,
    )
    checks = load_checks("2d redis stopped", summary, server)
    checks += [
        Check(
            "2d redis stopped",
            "5xx answers (load); failed probes of /",
            f"{summary['5xx']} of {summary['requests']:,}; {len(failed)} of {len(answers)}",
            summary["5xx"] == 0 and not failed,
        ),
        Check(
            "2d redis stopped",
            "X-Page-Cache of / before; while Redis was down (probe p50 ms)",
            f"{before}; {down} ({statistics.median(down_ms):.0f} ms)" if down_ms else "-",
            bool(down) and "hit" not in down,
        ),
        Check(
            "2d redis stopped",
            "answers per second before / while down / after (load)",
            " / ".join(
                f"{rate(summary, t0_wall, start, end):.0f}"
                for start, end in ((2, stopped), (stopped + 1, started), (started + 1, seconds))
            ),
            None,
        ),
        Check(
            "2d redis stopped",
            "first cache hit after Redis came back",
            seconds_label(first_hit and first_hit - started),
            first_hit is not None,
        ),
    ]
    return checks


SCENARIOS = {
    "load": scenario_load,
    "search": scenario_search,
    "editor": scenario_editor,
    "redis": scenario_redis,
    "postgres": scenario_postgres,
}


def print_table(checks):
    rows = [("scenario", "check", "measured", "result")]
    for check in checks:
        result = "" if check.ok is None else ("pass" if check.ok else "FAIL")
        rows.append((check.scenario, check.what, check.measured, result))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=list(SCENARIOS), default=list(SCENARIOS))
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--fault-seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--breaker-seconds", type=int, default=10)
    parser.add_argument("--port", type=int, default=8201)
    args = parser.parse_args()
    # A `kill` of the run still stops its servers and brings PostgreSQL and Redis back.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))

    folder = Path(tempfile.mkdtemp(prefix="reliability-"))
    site = ScratchSite(SCRATCH_DATABASE, folder)
    checks = []
    try:
        log(f"scratch site: database {SCRATCH_DATABASE}, folder {folder}")
        site.create()
        for name in args.only:
            log(f"scenario {name}")
            try:
                checks += SCENARIOS[name](site, args)
            except Exception as error:  # noqa: BLE001 - reported as a failed scenario
                log(f"scenario {name} could not run: {error}")
                checks.append(Check(name, "the scenario ran", str(error)[:200], False))
            bring_services_back()
    finally:
        bring_services_back()
        site.drop()
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(match="reliability-*"):
            client.delete(key)
        log(f"dropped {SCRATCH_DATABASE}; logs and env files kept in {folder}")
    print()
    print_table(checks)
    failed = [c for c in checks if c.ok is False]
    print(f"\n{len(failed)} failed check(s)." if failed else "\nEvery check passed.")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
