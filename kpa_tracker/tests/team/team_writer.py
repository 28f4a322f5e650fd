"""A team-database writer in a process of its own, for the concurrency tests and the bench.

    python -m kpa_tracker.tests.team.team_writer insert DSN COUNT BATCH SEED
    python -m kpa_tracker.tests.team.team_writer edit DSN NAME ROUNDS START ID [ID ...]

Prints one JSON line with what it did. `insert` writes COUNT generated
sightings in batches of BATCH through TeamWriter (reconnecting after a lost
connection). `edit` edits the given sightings ROUNDS times each, the way a
client must: read the versions, then write version + 1 for each; refused edits
are listed.
"""

import datetime
import json
import random
import sys
import time

NOW = datetime.datetime(2025, 1, 15, tzinfo=datetime.timezone.utc)


def sample_items(count: int, seed: int, analyst: str = "writer"):
    """Generated (sighting, sources) pairs, plausible and valid."""
    rng = random.Random(seed)
    items = []
    for index in range(count):
        sighting = {
            "lon": rng.uniform(124.5, 129.5), "lat": rng.uniform(37.8, 41.5),
            "observed_at": NOW - datetime.timedelta(minutes=rng.randrange(0, 90 * 24 * 60)),
            "time_precision": rng.choice((1, 2, 3)), "geo_precision": rng.choice((1, 2, 3)),
            "source_reliability": rng.choice("ABCDEF"), "info_credibility": rng.randint(1, 6),
            "claim_status": rng.choice(("confirmed", "assessed", "reported", "claimed")),
            "unit_as_reported": "KPA unit {}".format(index % 40), "location_name": "grid {}".format(index % 997),
            "description": "sighting {} of writer {}".format(index, seed), "analyst": analyst,
        }
        sources = [{"url": "https://example.org/{}/{}".format(seed, index), "publisher": "Channel {}".format(index % 7),
                    "published_at": "2024-12-{:02d}".format(1 + index % 28)}]
        items.append((sighting, sources))
    return items


def insert(dsn: str, count: int, batch: int, seed: int) -> dict:
    from kpa_tracker.core.team import connection as team_db
    from kpa_tracker.core.team import store as team_store

    reports = []
    writer = team_store.TeamWriter(lambda: team_db.connect_dsn(dsn), retry_for=90.0, report=reports.append)
    items = sample_items(count, seed)
    started = time.perf_counter()
    written = 0
    try:
        for start in range(0, count, batch):
            written += len(writer.add_sightings(items[start:start + batch], now=NOW))
    finally:
        writer.close()
    return {"written": written, "seconds": time.perf_counter() - started, "reconnects": writer.reconnects,
            "reports": reports}


def edit(dsn: str, name: str, rounds: int, start: float, ids) -> dict:
    import psycopg2

    rng = random.Random(name)
    conn = psycopg2.connect(dsn)
    accepted, refused = [], []
    # Both writers start together, so their edits overlap.
    time.sleep(max(0.0, start - time.time()))
    try:
        for round_number in range(rounds):
            # As an analyst works: look at the versions, then edit one sighting after another.
            with conn.cursor() as cursor:
                cursor.execute("SELECT sighting_id::text, row_version FROM kpa.sightings "
                               "WHERE sighting_id = ANY(%s::uuid[])", (list(ids),))
                seen = dict(cursor.fetchall())
            conn.commit()
            order = list(ids)
            rng.shuffle(order)
            for sighting_id in order:
                base = seen[sighting_id]
                time.sleep(rng.random() * 0.004)
                value = "{} round {} on version {}".format(name, round_number, base)
                try:
                    with conn.cursor() as cursor:
                        cursor.execute("UPDATE kpa.sightings SET description = %s, row_version = %s "
                                       "WHERE sighting_id = %s", (value, base + 1, sighting_id))
                    conn.commit()
                    accepted.append([sighting_id, base + 1, value])
                except psycopg2.Error as exc:
                    conn.rollback()
                    if exc.pgcode != "KP409":
                        raise
                    detail = json.loads(exc.diag.message_detail)
                    refused.append([sighting_id, base, detail["row_version"], detail["changed_by"]])
    finally:
        conn.close()
    return {"accepted": accepted, "refused": refused}


def main(argv) -> int:
    if argv[0] == "insert":
        result = insert(argv[1], int(argv[2]), int(argv[3]), int(argv[4]))
    else:
        result = edit(argv[1], argv[2], int(argv[3]), float(argv[4]), argv[5:])
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
