"""Alerts: once per new matching record across crashes and reruns, retries with backoff,
filters, webhooks to a real receiver on 127.0.0.1, commands. Records are synthetic."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from flows.alerts import payload, send_alerts
from newswatch.cli.app import app
from newswatch.cli.localsite import LocalSite
from newswatch.errors import ConfigError
from newswatch.models import PageRecord
from newswatch.settings import AlertSettings, FetchSettings, Settings, load_settings
from storage import alerts as outbox
from storage.store import ArticleFilter, Store
from tests.helpers import REPO

pytest_plugins = ["tests.conftest_db"]
MakePage = Callable[..., PageRecord]


class Receiver:
    """A webhook receiver on 127.0.0.1: records each JSON body; answers `statuses` in turn, then 200."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.statuses = list(statuses or [])
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with threading.Lock():
                    receiver.bodies.append(json.loads(data))
                    status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook/secret-key"

    def ids(self) -> list[str]:
        return [b["delivery_id"] for b in self.bodies]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def settings_for(url: str, *alerts: AlertSettings, private: bool = True) -> Settings:
    return Settings(db_url=url, sources=(), alerts=alerts,
                    fetch=FetchSettings(allow_private_networks=private, timeout_s=3.0, retries=0))


def rebuttal(make_page: MakePage, n: int, **kw: Any) -> PageRecord:
    return make_page(f"https://news.example.org/rebuttal-{n}", f"Synthetic rebuttal {n}", is_report=True,
                     is_rebuttal=True, **kw)


def test_once_per_record_across_a_crash_and_reruns(store_url: str, receiver: Receiver, make_page: MakePage) -> None:
    Store(store_url).close()
    # A process stores three records (two rebuttals) and is killed before it can deliver anything.
    script = (
        "import os, signal\nfrom storage.store import Store\nfrom tests.conftest_db import make_page\n"
        f"s = Store({store_url!r})\n"
        "s.save_pages([make_page(f'https://news.example.org/rebuttal-{i}', f'Synthetic rebuttal {i}', "
        "is_report=True, is_rebuttal=True) for i in (1, 2)] + [make_page('https://news.example.org/other')])\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, check=False)
    assert done.returncode == -9, done.stderr
    assert receiver.bodies == []
    settings = settings_for(store_url, AlertSettings("rebuttals", webhook=receiver.url, rebuttal=True))
    with Store(store_url) as store:
        assert store.count_articles() == 3 and outbox.outbox_size(store) == 3  # queued with the records

        counts = send_alerts(settings, store)  # the rerun delivers what the crash left
        assert counts == {"queued": 2, "delivered": 2, "failed": 0, "abandoned": 0, "deferred": 0}
        first = sorted(receiver.ids())
        assert len(first) == 2 and all(i.startswith("rebuttals:") for i in first)

        assert send_alerts(settings, store)["delivered"] == 0  # and again: nothing twice
        store.save_pages([rebuttal(make_page, 1, text="Edited text."), rebuttal(make_page, 3)])  # 1 updated, 3 new
        assert send_alerts(settings, store)["delivered"] == 1
    ids = receiver.ids()
    assert len(ids) == len(set(ids)) == 3
    assert {b["record"]["title"] for b in receiver.bodies} == {f"Synthetic rebuttal {i}" for i in (1, 2, 3)}


def test_a_send_killed_mid_delivery_is_retried_after_its_lease(db_url: str, receiver: Receiver,
                                                              make_page: MakePage) -> None:
    settings = settings_for(db_url, AlertSettings("all", webhook=receiver.url))
    now = datetime.now(UTC)
    with Store(db_url) as store:
        store.save_pages([rebuttal(make_page, 1)])
        outbox.expand_outbox(store, settings.alerts, now=now)
        (delivery,) = outbox.due(store, ["all"], now=now)
        assert outbox.claim(store, delivery, now=now)  # ... and the process dies here
        assert not outbox.claim(store, delivery, now=now)  # nobody else takes it twice
        assert send_alerts(settings, store, now=now)["delivered"] == 0  # still leased
        later = now + outbox.LEASE + timedelta(seconds=1)
        assert send_alerts(settings, store, now=later)["delivered"] == 1
        assert send_alerts(settings, store, now=later + outbox.LEASE * 2)["delivered"] == 0
    assert len(receiver.bodies) == 1


def test_a_failing_receiver_is_retried_with_backoff_then_delivered(db_url: str, make_page: MakePage) -> None:
    receiver = Receiver(statuses=[500, 503])
    try:
        settings = settings_for(db_url, AlertSettings("hook", webhook=receiver.url))
        now = datetime.now(UTC)
        with Store(db_url) as store:
            store.save_pages([rebuttal(make_page, 1)])
            assert send_alerts(settings, store, now=now)["failed"] == 1
            stats = outbox.summary(store)["hook"]
            assert stats["failed"] == 1 and stats["last_error"] == "HTTP 500"
            assert stats["next_attempt_at"] == (now + outbox.backoff(1)).isoformat()
            assert send_alerts(settings, store, now=now + timedelta(seconds=30))["failed"] == 0  # not due yet
            assert len(receiver.bodies) == 1
            second = now + outbox.backoff(1) + timedelta(seconds=1)
            assert send_alerts(settings, store, now=second)["failed"] == 1  # 503: the wait doubles
            assert outbox.summary(store)["hook"]["next_attempt_at"] == (second + outbox.backoff(2)).isoformat()
            assert outbox.backoff(2) == 2 * outbox.backoff(1)
            third = second + outbox.backoff(2)
            assert send_alerts(settings, store, now=third)["delivered"] == 1
            stats = outbox.summary(store)["hook"]
            assert stats["delivered"] == 1 and stats["failed"] == 0 and stats["next_attempt_at"] is None
        assert len(receiver.bodies) == 3 and len(set(receiver.ids())) == 1
    finally:
        receiver.close()


def test_abandoned_after_max_attempts_and_retry_now(db_url: str, make_page: MakePage) -> None:
    receiver = Receiver(statuses=[500, 500])
    try:
        settings = settings_for(db_url, AlertSettings("hook", webhook=receiver.url, max_attempts=2))
        now = datetime.now(UTC)
        with Store(db_url) as store:
            store.save_pages([rebuttal(make_page, 1)])
            send_alerts(settings, store, now=now)
            assert send_alerts(settings, store, now=now + timedelta(hours=1))["abandoned"] == 1
            assert send_alerts(settings, store, now=now + timedelta(days=9))["delivered"] == 0
            assert send_alerts(settings, store, retry_now=True)["delivered"] == 1  # `alerts send --retry-now`
    finally:
        receiver.close()


def test_filters(db_url: str, receiver: Receiver, make_page: MakePage) -> None:
    alerts = (
        AlertSettings("rebuttals", webhook=receiver.url, rebuttal=True),
        AlertSettings("reports", webhook=receiver.url, report=True),
        AlertSettings("hong-kong", webhook=receiver.url, jurisdictions=("hk",)),  # a code, any case
        AlertSettings("chinese", webhook=receiver.url, languages=("zh",)),
        AlertSettings("off", webhook=receiver.url, enabled=False),
    )
    pages = [
        rebuttal(make_page, 1),  # report + rebuttal, Hong Kong, en
        make_page("https://news.example.org/report", "Synthetic report", is_report=True, language="zh"),
        make_page("https://news.example.org/ferry", "Synthetic ferry timetable"),
    ]
    with Store(db_url) as store:
        store.save_pages(pages)
        rows = {r["url"]: r["id"] for r in store.list_articles(ArticleFilter(limit=None))}
        assert send_alerts(settings_for(db_url, *alerts), store)["delivered"] == 6
    r1, rep, ferry = (rows[p.article.url] for p in pages)
    assert sorted(receiver.ids()) == sorted([f"rebuttals:{r1}", f"reports:{r1}", f"reports:{rep}",
                                             f"hong-kong:{r1}", f"hong-kong:{rep}", f"chinese:{rep}"])
    assert not any(i.endswith(f":{ferry}") for i in receiver.ids())


def test_command_alerts_get_the_record_on_stdin(db_url: str, tmp_path: Path, make_page: MakePage) -> None:
    log = tmp_path / "alerts.jsonl"
    writer = f"import sys; open({str(log)!r}, 'a').write(sys.stdin.read().replace(chr(10), ' ') + chr(10))"
    failing = "import sys; sys.stderr.write('synthetic failure'); sys.exit(3)"
    alerts = (AlertSettings("log", command=(sys.executable, "-c", writer)),
              AlertSettings("broken", command=(sys.executable, "-c", failing)),
              AlertSettings("missing", command=(str(tmp_path / "no-such-program"),)))
    with Store(db_url) as store:
        store.save_pages([rebuttal(make_page, 1)])
        counts = send_alerts(settings_for(db_url, *alerts), store)
        assert counts["delivered"] == 1 and counts["failed"] == 2
        stats = outbox.summary(store)
    (line,) = log.read_text(encoding="utf-8").splitlines()
    body = json.loads(line)
    assert body["record"]["title"] == "Synthetic rebuttal 1" and body["record"]["is_rebuttal"] is True
    assert "text" in body and body["delivery_id"].startswith("log:")
    assert stats["broken"]["last_error"] == "command exited with status 3: synthetic failure"
    assert stats["missing"]["last_error"].startswith("command could not start")


def test_webhooks_obey_the_private_network_rule(db_url: str, receiver: Receiver, make_page: MakePage) -> None:
    settings = settings_for(db_url, AlertSettings("hook", webhook=receiver.url), private=False)
    with Store(db_url) as store:
        store.save_pages([rebuttal(make_page, 1)])
        assert send_alerts(settings, store)["failed"] == 1
        assert "not a public address" in outbox.summary(store)["hook"]["last_error"]
    assert receiver.bodies == []


def test_slack_text_escapes_titles() -> None:
    record = {"id": 7, "url": "https://news.example.org/a?x=1&y=2", "title": "<!channel> <script>x</script> & co",
              "is_rebuttal": True, "jurisdictions": [{"name": "Hong Kong", "code": "HK"}],
              "report": {"name": "Trafficking in Persons Report", "year": 2025}}
    body = payload(AlertSettings("a", webhook="https://hooks.example.org/x"), record)
    assert body["text"] == ("newswatch: new rebuttal (Hong Kong; Trafficking in Persons Report 2025): "
                            "<https://news.example.org/a?x=1&amp;y=2|&lt;!channel&gt; &lt;script&gt;x&lt;/script&gt;"
                            " &amp; co>")
    assert body["delivery_id"] == "a:7" and body["record"] is record


def test_config_parses_alerts_and_refuses_bad_ones(tmp_path: Path) -> None:
    cfg = tmp_path / "newswatch.toml"
    cfg.write_text('[[alerts]]\nname = "hk"\nwebhook = "https://hooks.example.org/T/B/X"\nrebuttal = true\n'
                   'jurisdictions = ["Hong Kong"]\nlanguages = ["en", "zh"]\n\n'
                   '[[alerts]]\nname = "cmd"\ncommand = ["notify-send", "newswatch"]\nmax_attempts = 3\n',
                   encoding="utf-8")
    hk, cmd = load_settings(cfg, env={}).alerts
    assert hk == AlertSettings("hk", webhook="https://hooks.example.org/T/B/X", rebuttal=True,
                               jurisdictions=("Hong Kong",), languages=("en", "zh"))
    assert cmd.command == ("notify-send", "newswatch") and cmd.max_attempts == 3
    for bad, words in [
        ('name = "x"\n', "exactly one of webhook"),
        ('name = "x"\nwebhook = "ftp://x"\n', "webhook: expected an http(s) URL"),
        ('name = "x"\ncommand = "rm -rf /"\n', "command: expected a list"),
        ('name = "x"\ncommand = []\n', "exactly one of webhook"),
        ('name = "x"\ncommand = ["a"]\nrebuttal = "yes"\n', "rebuttal: expected bool"),
        ('name = "x"\ncommand = ["a"]\ncolour = 1\n', "colour: unknown key"),
    ]:
        cfg.write_text("[[alerts]]\n" + bad, encoding="utf-8")
        with pytest.raises(ConfigError, match=None) as info:
            load_settings(cfg, env={})
        assert words in str(info.value) and "alerts[1]" in str(info.value)


def test_backfill_command_sends_alerts_and_alerts_list_shows_them(site: LocalSite, db_url: str, tmp_path: Path,
                                                                   receiver: Receiver) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join(site.url(f"/news/{s}.html") for s in
                              ("harbour-rebuttal", "ferry-timetable", "zh-rebuttal")), encoding="utf-8")
    cfg = tmp_path / "newswatch.toml"
    cfg.write_text(f'[fetch]\nallow_private_networks = true\n\n[[alerts]]\nname = "rebuttals"\n'
                   f'webhook = "{receiver.url}"\nrebuttal = true\n\n'
                   '[[alerts]]\nname = "down"\nwebhook = "http://127.0.0.1:9/hook"\n', encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(app, ["backfill", "--urls", str(urls), "--json", "--config", str(cfg), "--db", db_url])
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout)
    assert summary["stored"] == 3
    assert summary["alerts"] == {"queued": 5, "delivered": 2, "failed": 3, "abandoned": 0, "deferred": 0}
    assert sorted(b["record"]["url"].rsplit("/", 1)[-1] for b in receiver.bodies) == [
        "harbour-rebuttal.html", "zh-rebuttal.html"]

    listed = runner.invoke(app, ["alerts", "list", "--json", "--config", str(cfg), "--db", db_url])
    assert listed.exit_code == 0, listed.output
    rows = {r["name"]: r for r in map(json.loads, listed.stdout.splitlines())}
    assert rows["rebuttals"]["delivered"] == 2 and rows["rebuttals"]["failed"] == 0
    assert rows["down"]["failed"] == 3 and "ConnectError" in rows["down"]["last_error"]
    assert rows["down"]["next_attempt_at"] and rows["down"]["target"] == "http://127.0.0.1:9/…"
    table = runner.invoke(app, ["alerts", "list", "--config", str(cfg), "--db", db_url])
    assert "rebuttals" in table.stdout and "down" in table.stdout and "secret-key" not in table.stdout

    urls.write_text(site.url("/news/tip-report-released.html"), encoding="utf-8")  # one more, a report
    plain = runner.invoke(app, ["backfill", "--urls", str(urls), "--config", str(cfg), "--db", db_url])
    assert "alerts: 0 delivered, 1 failed (retried later), 0 abandoned" in plain.stdout  # the 3 earlier: not due

    sent = runner.invoke(app, ["alerts", "send", "--json", "--config", str(cfg), "--db", db_url])
    assert sent.exit_code == 0 and json.loads(sent.stdout)["failed"] == 0  # not due yet
    assert len(receiver.bodies) == 2


def test_every_due_delivery_is_tried_once_per_send_however_many(db_url: str, make_page: MakePage) -> None:
    receiver = Receiver(statuses=[500, 200] * 3 + [500])  # never three failures in a row
    try:
        settings = settings_for(db_url, AlertSettings("hook", webhook=receiver.url))
        with Store(db_url) as store:
            store.save_pages([rebuttal(make_page, n) for n in range(7)])
            outbox.expand_outbox(store, settings.alerts)
            batches = []
            last = None
            while page := outbox.due(store, ["hook"], limit=3, after=last):
                batches.append([d.article_id for d in page])
                last = (page[-1].article_id, page[-1].alert)
            assert [len(b) for b in batches] == [3, 3, 1] and len({i for b in batches for i in b}) == 7
            first = send_alerts(settings, store)
            assert (first["failed"], first["delivered"]) == (4, 3)
            assert send_alerts(settings, store, retry_now=True)["delivered"] == 4  # each failed one retried once
        assert len(receiver.bodies) == 11 and len(set(receiver.ids())) == 7
    finally:
        receiver.close()


def test_alerts_list_without_alerts_says_so(db_url: str, tmp_path: Path) -> None:
    cfg = tmp_path / "empty.toml"
    cfg.write_text("", encoding="utf-8")
    listed = CliRunner().invoke(app, ["alerts", "list", "--config", str(cfg), "--db", db_url])
    assert listed.exit_code == 0 and "no [[alerts]] in the configuration" in listed.stdout


def test_a_dead_receiver_does_not_hold_up_a_run(db_url: str, make_page: MakePage) -> None:
    settings = settings_for(db_url, AlertSettings("dead", webhook="http://127.0.0.1:9/hook"))
    with Store(db_url) as store:
        store.save_pages([rebuttal(make_page, n) for n in range(5)])
        counts = send_alerts(settings, store)
        assert counts["failed"] == 3 and counts["deferred"] == 2  # tried three times, then left for later
        stats = outbox.summary(store)["dead"]
        assert stats["failed"] == 3 and stats["pending"] == 2


def test_a_broken_store_never_fails_the_run_that_stored(tmp_path: Path) -> None:
    from flows.alerts import send_alerts_safely

    broken = settings_for(f"sqlite:///{tmp_path}/missing-dir/x.db", AlertSettings("a", command=("true",)))
    result = send_alerts_safely(broken)
    assert "cannot open database" in result["error"]
