"""`newswatch demo`: a synthetic site (invented outlets, all text written for this demo)
served on 127.0.0.1, so a newcomer can watch the whole pipeline work offline.

Tests reuse `demo_routes()` as their baseline fixture site.
"""

from __future__ import annotations

import json
from html import escape

from newswatch.cli.localsite import Route

SYNTHETIC = "SYNTHETIC DEMO CONTENT: invented outlet, not a real news item."

# (slug, title, date, paragraphs, language)
ARTICLES: list[tuple[str, str, str, list[str], str]] = [
    (
        "harbour-rebuttal",
        "Harbour city government rejects US trafficking report despite upgrade",
        "2025-09-06T09:00:00+08:00",
        [
            "The US State Department released its annual 2025 Trafficking in Persons Report on Thursday, "
            "upgrading Hong Kong to Tier 2 after three years on the Tier 2 Watch List.",
            "The report cited more investigations and prosecutions of traffickers and more victims "
            "identified, but criticised inadequate protection of foreign domestic helpers.",
            "A spokesman for the Office of the Commissioner of the Chinese Ministry of Foreign Affairs in "
            "Hong Kong said: \u201cWe firmly oppose this report, which slanders Hong Kong and interferes in "
            "China\u2019s internal affairs.\u201d",
            "The Hong Kong SAR Government said it \u201cstrongly disapproves of and firmly rejects the "
            "unsubstantiated remarks\u201d in the report, adding that human trafficking was never a "
            "prevalent problem in the city.",
        ],
        "en",
    ),
    (
        "tip-report-released",
        "US releases annual Trafficking in Persons Report, ranks 188 jurisdictions",
        "2025-09-05T21:00:00+00:00",
        [
            "The US State Department on Thursday published the 2025 Trafficking in Persons Report, "
            "which ranks 188 jurisdictions in four tiers on their efforts against human trafficking.",
            "Several countries moved between tiers this year. Analysts said the TIP report remains the "
            "most widely cited assessment of government anti-trafficking efforts.",
        ],
        "en",
    ),
    (
        "ferry-timetable",
        "Harbour ferry adds late-night sailings for the autumn festival",
        "2025-09-04T08:00:00+08:00",
        [
            "The harbour ferry operator will add sailings after midnight during the autumn festival, "
            "the company said on Wednesday.",
            "Extra staff will be on duty at the piers to manage crowds, and tickets can be bought "
            "with any stored-value card.",
        ],
        "en",
    ),
    (
        "zh-rebuttal",
        "特区政府强烈不满并坚决反对美国《人口贩运问题报告》",
        "2025-09-06T12:00:00+08:00",
        [
            "美国国务院日前发表2025年《人口贩运问题报告》，将香港由第二级观察名单调升至第二级。",
            "特区政府发言人表示，对报告中毫无根据的言论表示强烈不满并坚决反对，"
            "指报告抹黑香港打击人口贩运的工作。",
            "外交部驻港公署发言人说，美方的报告充满政治偏见，香港事务纯属中国内政，不容任何外国势力置喙。",
        ],
        "zh",
    ),
]


def page(slug: str) -> bytes:
    for s, title, date, paras, lang in ARTICLES:
        if s == slug:
            body = "".join(f"<p>{escape(p)}</p>" for p in paras)
            return (
                f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
                f'<meta property="article:published_time" content="{date}">'
                f'<meta name="author" content="Demo Desk"></head><body>'
                f'<header><nav><a href="/">Harbour Daily (synthetic)</a></nav></header>'
                f"<article><h1>{escape(title)}</h1>{body}</article>"
                f"<footer><p>{SYNTHETIC}</p></footer></body></html>"
            ).encode()
    raise KeyError(slug)


def rss(base: str, slugs: list[str], title: str = "Harbour Daily (synthetic)") -> bytes:
    items = []
    for s, t, _date, paras, _ in ARTICLES:
        if s in slugs:
            items.append(
                f"<item><title>{escape(t)}</title><link>{base}/news/{s}.html?utm_source=rss</link>"
                f"<guid>{base}/news/{s}.html</guid><description>{escape(paras[0][:120])}</description></item>"
            )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{base}/</link><description>{SYNTHETIC}</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def atom(base: str, slugs: list[str]) -> bytes:
    entries = []
    for s, t, date, _, _ in ARTICLES:
        if s in slugs:
            entries.append(
                f"<entry><title>{escape(t)}</title><link href=\"{base}/news/{s}.html\"/>"
                f"<id>{base}/news/{s}.html</id><updated>{date}</updated></entry>"
            )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Lotus Wire (synthetic)</title><id>{base}/atom.xml</id><updated>2025-09-06T12:00:00Z</updated>"
        + "".join(entries)
        + "</feed>"
    ).encode()


def json_feed(base: str, slugs: list[str]) -> bytes:
    items = [
        {"id": f"{base}/news/{s}.html", "url": f"{base}/news/{s}.html", "title": t, "date_published": date}
        for s, t, date, _, _ in ARTICLES
        if s in slugs
    ]
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Pier Post (synthetic)", "items": items}
    return json.dumps(doc).encode()


def demo_routes(base: str) -> dict[str, Route]:
    """Three synthetic outlets (RSS, Atom, JSON Feed) sharing one article, plus their pages."""
    routes = {
        "/rss.xml": Route(rss(base, ["harbour-rebuttal", "tip-report-released", "ferry-timetable"]),
                          "application/rss+xml"),
        "/atom.xml": Route(atom(base, ["zh-rebuttal", "harbour-rebuttal"]), "application/atom+xml"),
        "/feed.json": Route(json_feed(base, ["tip-report-released"]), "application/feed+json"),
    }
    for slug, *_ in ARTICLES:
        routes[f"/news/{slug}.html"] = Route(page(slug))
    return routes


def demo_config(base: str) -> str:
    """The TOML configuration the demo runs with."""
    return f"""# newswatch demo: synthetic outlets on 127.0.0.1
[fetch]
allow_private_networks = true
timeout_s = 10
source_workers = 1  # one feed at a time: the same source stores an article on every run

[[sources]]
name = "harbour-daily"
url = "{base}/rss.xml"
tags = ["synthetic"]

[[sources]]
name = "lotus-wire"
url = "{base}/atom.xml"
tags = ["synthetic"]

[[sources]]
name = "pier-post"
url = "{base}/feed.json"
tags = ["synthetic"]
"""


def demo_totals(summary: dict[str, object], rows: list[dict[str, object]]) -> str:
    """One line that adds up: what this pass stored, and what the store holds (the table)."""
    reports = sum(1 for r in rows if r.get("is_report"))
    rebuttals = sum(1 for r in rows if r.get("is_rebuttal"))
    return (f"this pass stored {summary['stored']} new record(s); the store now holds {len(rows)}: "
            f"{reports} about a report, {rebuttals} official rebuttal(s)")


def next_steps(db_url: str) -> list[str]:
    """What to try after the demo, on its database."""
    db = f" --db {db_url}"
    return [
        f"records kept in {db_url}; running the demo again adds nothing (every article is stored once)",
        "try next:",
        f"  newswatch records list --rebuttal{db}",
        f"  newswatch records show 1{db}",
        f"  newswatch records search 'trafficking report'{db}",
        f"  newswatch sources list{db}",
        "  newswatch run            # the built-in news sources, into ./newswatch.db",
    ]
