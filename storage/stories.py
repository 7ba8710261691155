"""Stories: records whose texts are copies or light edits of each other, grouped as they are stored.

Each record's MinHash signature (newswatch/similarity.py) is kept in `articles.minhash` and
its LSH band keys in `story_bands` (indexed by key), so any process, on SQLite or PostgreSQL,
finds a new record's candidate copies with one indexed lookup, checks them on the full
signature, and gives the record the story of the copies it matches: `articles.story_id`, the
lowest id in the group. Two stories a new record bridges become one.
"""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from newswatch.similarity import COPY_THRESHOLD, band_keys, signature, similarity
from storage.schema import articles, story_bands

MAX_CANDIDATES = 16  # copies checked per new record: one match is enough to find its story
_BAND_ROWS = 1024  # band rows read per lookup


# Built once: constructing a statement costs more Python than running it (0.5 ms a record).
_BANDS = select(story_bands.c.article_id, story_bands.c.band, story_bands.c.key).where(
    story_bands.c.key.in_(bindparam("keys", expanding=True))
)
_BANDS_OF_KEYS = _BANDS.limit(_BAND_ROWS)
_BANDS_OF_KEYS_EXCEPT = _BANDS.where(story_bands.c.article_id != bindparam("exclude")).limit(_BAND_ROWS)
_DELETE_BANDS = delete(story_bands).where(story_bands.c.article_id == bindparam("aid"))
_SET_STORY = (update(articles).where(articles.c.id == bindparam("aid"))
              .values(minhash=bindparam("sig"), story_id=bindparam("sid")))
_MERGE_STORIES = (update(articles).where(articles.c.story_id.in_(bindparam("old", expanding=True)))
                  .values(story_id=bindparam("sid")))


def candidate_ids(
    conn: Connection, sig: bytes, *, exclude: int | None = None, limit: int = MAX_CANDIDATES,
    keys: list[tuple[int, int]] | None = None,
) -> list[int]:
    """Ids of stored records sharing at least one LSH band with `sig` (whose `band_keys` may be
    given), most shared bands first."""
    keys = keys if keys is not None else band_keys(sig)
    wanted = set(keys)
    query, params = ((_BANDS_OF_KEYS, {}) if exclude is None
                     else (_BANDS_OF_KEYS_EXCEPT, {"exclude": exclude}))
    counts: dict[int, int] = {}
    for article_id, band, key in conn.execute(query, {"keys": [k for _b, k in keys], **params}):
        if (band, key) in wanted:
            counts[article_id] = counts.get(article_id, 0) + 1
    return sorted(counts, key=lambda i: (-counts[i], i))[:limit]


def signatures(conn: Connection, ids: list[int]) -> dict[int, tuple[bytes | None, int | None]]:
    """{id: (signature, story_id)} of stored records."""
    if not ids:
        return {}
    rows = conn.execute(select(articles.c.id, articles.c.minhash, articles.c.story_id).where(articles.c.id.in_(ids)))
    return {r.id: (r.minhash, r.story_id) for r in rows}


def index_story(conn: Connection, article_id: int, text: str, *, new: bool = False) -> int | None:
    """(Re)compute a stored record's signature, band keys and story; returns its story id.
    `new`: the record was inserted in this transaction, so it has no band rows to replace."""
    sig = signature(text)
    if not new:
        conn.execute(_DELETE_BANDS, {"aid": article_id})
    if sig is None:
        conn.execute(_SET_STORY, {"aid": article_id, "sig": None, "sid": article_id})
        return article_id
    keys = band_keys(sig)
    conn.execute(insert(story_bands), [{"article_id": article_id, "band": b, "key": k} for b, k in keys])
    stories: set[int] = set()
    for other, (other_sig, story) in signatures(conn, candidate_ids(conn, sig, exclude=article_id, keys=keys)).items():
        if similarity(sig, other_sig) >= COPY_THRESHOLD:
            stories.add(story if story is not None else other)
    story_id = min(stories | {article_id})
    bridged = sorted((stories | {article_id}) - {story_id})  # stories this record bridges, and one it headed
    if bridged:
        conn.execute(_MERGE_STORIES, {"old": bridged, "sid": story_id})
    conn.execute(_SET_STORY, {"aid": article_id, "sig": sig, "sid": story_id})
    return story_id
