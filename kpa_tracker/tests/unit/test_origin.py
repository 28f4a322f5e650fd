"""One origin through many addresses, outlets or dataset rows (core/domain/origin.py, no QGIS)."""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

from kpa_tracker.core.domain.origin import canonical_url, origin_keys, origins, shared_origin, wayback_target
from kpa_tracker.core.domain.records import SourceRecord

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("one, other", [
    ("https://twitter.com/Someone/status/1869000000000000001", "https://x.com/someone/status/1869000000000000001"),
    ("https://mobile.twitter.com/someone/status/12?s=20&t=AbC", "x.com/i/web/status/12"),
    ("https://x.com/someone/status/12/photo/1", "https://twitter.com/#!/someone/status/12"),
    ("https://t.me/s/SomeChannel/4711", "https://t.me/somechannel/4711"),
    ("https://t.me/somechannel/4711?single", "http://telegram.me/somechannel/4711/"),
    ("https://www.example.org/news/a-report/?utm_source=tg&utm_medium=social&fbclid=IwAR0",
     "http://example.org/news/a-report"),
    ("https://example.org/story?id=5&page=2#comments", "https://EXAMPLE.org/story?page=2&id=5"),
    ("https://m.example.org/story", "https://example.org/story"),
    ("https://web.archive.org/web/20241214093000/https://t.me/somechannel/4711", "https://t.me/somechannel/4711"),
    ("https://web.archive.org/web/20241214093000id_/http:/example.org/a?x=1", "example.org/a?x=1"),
    ("https://youtu.be/dQw4w9WgXcQ?si=abc", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share"),
    ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://m.youtube.com/watch?v=dQw4w9WgXcQ"),
])
def test_one_address_however_it_is_written(one, other):
    assert canonical_url(one) == canonical_url(other) != ""


@pytest.mark.parametrize("one, other", [
    ("https://t.me/somechannel/4711", "https://t.me/somechannel/4712"),
    ("https://t.me/somechannel/4711", "https://t.me/otherchannel/4711"),
    ("https://x.com/someone/status/12", "https://x.com/someone/status/13"),
    ("https://example.org/story?id=5", "https://example.org/story?id=6"),
    ("https://example.org/Story", "https://example.org/story"),  # paths keep their case
    ("https://example.org/a", "https://example.org:8080/a"),
    ("https://youtube.com/watch?v=dQw4w9WgXcQ", "https://youtube.com/watch?v=aaaaaaaaaaa"),
])
def test_different_addresses_stay_different(one, other):
    assert canonical_url(one) != canonical_url(other)


def test_canonical_form_is_readable_and_scheme_less():
    assert canonical_url("https://www.Example.ORG/a/b/?b=2&a=1&utm_campaign=x#top") == "example.org/a/b?a=1&b=2"
    assert canonical_url("https://t.me/s/SomeChannel/4711") == "t.me/somechannel/4711"
    assert canonical_url("https://twitter.com/Someone/status/12") == "x.com/i/status/12"
    assert canonical_url("https://example.org") == "example.org"
    assert canonical_url("https://пример.рф/a") == canonical_url("https://xn--e1afmkfd.xn--p1ai/a")


@pytest.mark.parametrize("value", ["", None, "   ", "javascript:alert(1)", "file:///etc/passwd", "not a link",
                                   "https://", "https://[::1"])
def test_what_is_not_a_web_address_has_no_canonical_form(value):
    assert canonical_url(value) == ""


def test_wayback_target():
    assert wayback_target("https://web.archive.org/web/2024/https://example.org/a") == "https://example.org/a"
    assert wayback_target("https://archive.ph/AbCd1") is None
    assert wayback_target("https://example.org/web/2024/https://x.org") is None


def test_origin_keys_of_a_mapping():
    keys = origin_keys({"url": "https://outlet.example/story?utm_source=x",
                        "archive_url": "https://web.archive.org/web/20241214/https://outlet.example/story/",
                        "original_url": "https://t.me/s/SomeChannel/4711",
                        "dataset": " ACLED ", "record_id": "UKR123"})
    assert keys == {"url:outlet.example/story", "url:t.me/somechannel/4711", "record:acled:ukr123"}


def test_origin_keys_of_a_source_record_before_and_after_it_has_dataset_fields():
    record = SourceRecord("s1", "https://x.com/a/status/1", "Someone")
    assert origin_keys(record) == {"url:x.com/i/status/1"}

    @dataclass
    class WithDataset:  # SourceRecord as helper SCHEMA extends it
        url: str
        archive_url: Optional[str] = None
        dataset: Optional[str] = None
        record_id: Optional[str] = None
        original_url: Optional[str] = None

    assert origin_keys(WithDataset("", dataset="ACLED", record_id="UKR9")) == {"record:acled:ukr9"}


def test_a_non_wayback_archive_copy_is_not_an_origin():
    assert origin_keys({"url": "https://example.org/a", "archive_url": "https://archive.ph/AbCd1"}) == \
        {"url:example.org/a"}


def test_a_dataset_without_record_id_is_not_an_origin():
    assert origin_keys({"url": "", "dataset": "ACLED", "record_id": ""}) == frozenset()


def test_shared_origin_names_what_is_shared():
    assert shared_origin([{"url": "https://t.me/x/1"}], [{"url": "https://t.me/s/x/1/"}]) == "the same URL t.me/x/1"
    outlet_a = {"url": "https://news-a.example/1", "original_url": "https://t.me/somechannel/4711"}
    outlet_b = {"url": "https://news-b.example/2", "original_url": "t.me/s/somechannel/4711"}
    assert shared_origin([outlet_a], [outlet_b]) == "the same original post t.me/somechannel/4711"
    reposted = {"url": "https://news-a.example/1", "original_url": "https://t.me/somechannel/4711"}
    assert shared_origin([reposted], [{"url": "https://t.me/somechannel/4711"}]) == \
        "the same original post t.me/somechannel/4711", "an outlet reporting the post is not independent of it"
    row_a = {"url": "", "dataset": "ACLED", "record_id": "UKR123", "publisher": "Outlet A"}
    row_b = {"url": None, "dataset": "acled", "record_id": "UKR123", "publisher": "Outlet B"}
    assert shared_origin([row_a], [row_b]) == "the same ACLED record UKR123"
    archived = {"url": "https://news-c.example/9",
                "archive_url": "https://web.archive.org/web/2024/https://example.org/a"}
    assert shared_origin([archived], [{"url": "https://example.org/a"}]) == \
        "the same URL example.org/a (one of them through its archived copy)"


def test_independent_sources_share_nothing():
    assert shared_origin([{"url": "https://t.me/x/1"}], [{"url": "https://t.me/x/2"}]) is None
    assert shared_origin([{"url": "", "dataset": "ACLED", "record_id": "UKR123"}],
                         [{"url": "", "dataset": "ACLED", "record_id": "UKR124"}]) is None
    assert shared_origin([{"url": "", "dataset": "ACLED", "record_id": "1"}],
                         [{"url": "", "dataset": "GeoConfirmed", "record_id": "1"}]) is None
    assert shared_origin([], [{"url": "https://t.me/x/2"}]) is None


def test_one_shared_source_among_many_is_enough():
    a = [{"url": "https://a.example/1"}, {"url": "https://t.me/x/1"}]
    b = [{"url": "https://b.example/2"}, {"url": "https://t.me/s/x/1"}, {"url": "https://c.example/3"}]
    assert shared_origin(a, b) == shared_origin(b, a) == "the same URL t.me/x/1"


def test_a_record_is_named_before_an_address():
    a = [{"url": "https://a.example/1", "dataset": "ACLED", "record_id": "UKR5"}]
    b = [{"url": "https://a.example/1", "dataset": "ACLED", "record_id": "UKR5"}]
    assert shared_origin(a, b) == "the same ACLED record UKR5"


def test_origins_prefers_the_url_role_for_an_address_cited_twice():
    found = origins([{"url": "https://news.example/1", "original_url": "https://t.me/x/1"},
                     {"url": "https://t.me/x/1"}])
    assert found["url:t.me/x/1"].role == "url"


def test_origin_imports_no_qgis():
    code = ("import sys, kpa_tracker.core.domain.origin\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'osgeo'))\n"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
