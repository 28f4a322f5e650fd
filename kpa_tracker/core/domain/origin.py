"""Where a source's report comes from: one post seen through many addresses, outlets or dataset rows.

Two sightings corroborate each other only when their sources are independent, and an import's row is a
duplicate when it cites the same thing as a sighting already stored. Both ask the same question: do these
sources share an origin? Pure Python (no QGIS).

- `canonical_url(url)`: one spelling per address: no scheme, host lowercased without www./m./mobile.,
  twitter.com and x.com one host (a post by its number), t.me/s/<channel>/<n> = t.me/<channel>/<n>,
  youtu.be/<id> = youtube.com/watch?v=<id>, no trailing slash, no fragment, no tracking parameters
  (utm_*, fbclid, gclid, si, s and t on x.com, ...), the rest of the query sorted; a Wayback Machine copy
  (web.archive.org/web/<timestamp>/<url>) is the address it copies. "" for what is not a web address.
- `origin_keys(source)`: the keys naming a source's origins: "url:" + the canonical url, original_url and
  the Wayback copy's target; "record:" + dataset (folded) + ":" + record id.
- `shared_origin(a_sources, b_sources)`: a sentence-ready description of the first origin both lists share
  ("the same URL t.me/x/1", "the same original post …", "the same ACLED record UKR123"), None when
  independent. `origins(sources)` and `describe_shared(a, b)` do the same with the keys computed once.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from collections import abc
from typing import Dict, FrozenSet, Iterable, Mapping, NamedTuple, Optional, Tuple
from urllib.parse import parse_qsl, unquote, urlencode

from .i18n import tr
from .values import is_null

URL_FIELDS = ("url", "original_url", "archive_url")

_HOST_PREFIXES = ("www.", "m.", "mobile.", "mbasic.")
# Hosts that show the same posts under another name.
_SAME_HOST = {
    "twitter.com": "x.com", "fxtwitter.com": "x.com", "vxtwitter.com": "x.com", "fixupx.com": "x.com",
    "fixvx.com": "x.com", "nitter.net": "x.com",
    "telegram.me": "t.me", "telegram.dog": "t.me",
    "youtu.be": "youtube.com",
    "fb.com": "facebook.com",
    "instagr.am": "instagram.com",
}
_TRACKING = {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "igsh", "mc_cid", "mc_eid", "_ga",
             "ref_src", "ref_url", "cmpid", "spm", "share", "__cft__[0]", "__tn__"}
_TRACKING_BY_HOST = {
    "x.com": {"s", "t", "src", "lang", "ref"},
    "youtube.com": {"si", "feature", "t", "pp", "ab_channel"},
    "t.me": {"single", "embed", "mode"},
    "instagram.com": {"utm_source", "img_index"},
    "facebook.com": {"mibextid", "rdid", "sfnsn", "paipv", "eav"},
    "reddit.com": {"share_id", "context"},
    "tiktok.com": {"is_from_webapp", "sender_device", "web_id", "is_copy_url", "_r", "_t"},
}
_DROP = {host: frozenset(_TRACKING | names) for host, names in _TRACKING_BY_HOST.items()}
_WAYBACK_HOSTS = ("web.archive.org", "wayback.archive.org", "archive.org")
_WAYBACK_PATH = re.compile(r"^/web/[0-9*]{1,14}[a-z_]{0,4}/(.+)$", re.IGNORECASE | re.DOTALL)
_X_STATUS = re.compile(r"^/(?:i/web|i|[A-Za-z0-9_]{1,30})/status(?:es)?/([0-9]+)", re.IGNORECASE)
_TME_POST = re.compile(r"^/(?:s/)?([A-Za-z0-9_]{1,64})(/[0-9]+)?$")
_YOUTUBE_ID = re.compile(r"^/(?:shorts|live|embed|v)/([A-Za-z0-9_-]{6,20})$")


def _text(value) -> str:
    if type(value) is str:
        return value.strip()
    if value is None or is_null(value):
        return ""
    return str(value).strip()


def _fold(text: str) -> str:
    """Case-, accent- and space-free: "ACLED", " acled " and "Acléd" are one dataset."""
    decomposed = unicodedata.normalize("NFKD", text)
    return re.sub(r"\s+", "", "".join(c for c in decomposed if not unicodedata.combining(c))).casefold()


class _Parts(NamedTuple):
    path: str
    query: str
    fragment: str
    hostname: str  # as written, lowercased


_URL = re.compile(r"^(https?)://([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.IGNORECASE | re.DOTALL)
_HOST_PORT = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[^:\[\]]+)(?::([0-9]*))?$")


def _split(value: str):
    """(parts, host with a port other than 80 and 443) of an http(s) address, else None. A regular
    expression rather than urlsplit: a list of ten thousand sightings splits its sources' addresses fast."""
    if "://" not in value[:12]:
        if value.startswith("//"):
            value = "http:" + value
        elif re.match(r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/:?#]|$)", value):
            value = "http://" + value  # "t.me/x/1", as sources are sometimes written
        else:
            return None
    found = _URL.match(value)
    if not found:
        return None
    netloc = found.group(2).rpartition("@")[2]  # no user:password@
    host_port = _HOST_PORT.match(netloc)
    if not host_port:
        return None
    host = host_port.group(1).rstrip(".")
    port = host_port.group(2)
    if not host or (port and int(port) > 65535):
        return None
    host = _ascii_host(host)
    parts = _Parts(found.group(3), found.group(4) or "", found.group(5) or "", host)
    if port and int(port) not in (80, 443):
        host += ":{}".format(int(port))
    return parts, host


def _ascii_host(host: str) -> str:
    host = host.lower()
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")  # пример.рф and xn--e1afmkfd.xn--p1ai are one host
    except UnicodeError:
        return host


def _unwrap_wayback(host: str, parts) -> Optional[str]:
    if host not in _WAYBACK_HOSTS:
        return None
    path = parts.path + ("?" + parts.query if parts.query else "")
    found = _WAYBACK_PATH.match(path)
    if not found:
        return None
    target = found.group(1)
    target = re.sub(r"^(https?):/+", r"\1://", target, flags=re.IGNORECASE)  # "http:/x" as some clients write
    return target


def wayback_target(url) -> Optional[str]:
    """The address a Wayback Machine copy (web.archive.org/web/<timestamp>/<url>) copies, else None."""
    split = _split(_text(url))
    if split is None:
        return None
    parts, host = split
    return _unwrap_wayback(_strip_prefixes(host), parts)


def _strip_prefixes(host: str) -> str:
    if not host.startswith(("w", "m")):
        return host
    changed = True
    while changed:
        changed = False
        for prefix in _HOST_PREFIXES:
            if host.startswith(prefix) and "." in host[len(prefix):]:
                host = host[len(prefix):]
                changed = True
    return host


def canonical_url(url) -> str:
    """One spelling of a web address for comparing sources: "t.me/channel/12", "x.com/i/status/1234"."""
    text = _text(url)
    return _canonical(text, 0) if text else ""


@functools.lru_cache(maxsize=65536)  # a list or an import cites the same addresses again and again
def _canonical(value: str, _depth: int) -> str:
    split = _split(value)
    if split is None:
        return ""
    parts, host = split
    host = _strip_prefixes(host)
    target = _unwrap_wayback(host, parts)
    if target is not None and _depth < 3:
        return _canonical(target, _depth + 1)
    host = _SAME_HOST.get(host, host)
    path = parts.path
    if "%" in path and "%2F" not in path.upper():  # %41 is A; an encoded slash stays encoded
        path = unquote(path)
    if "//" in path:
        path = re.sub(r"/{2,}", "/", path)
    fragment = parts.fragment
    if fragment.startswith("!/"):  # the old twitter.com/#!/user/status/1 form
        path, fragment = fragment[1:], ""
    path = path.rstrip("/")
    query = []
    if parts.query:
        drop = _DROP.get(host, _TRACKING)
        query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                 if k.lower() not in drop and not k.lower().startswith("utm_")]
    if host == "x.com":
        status = _X_STATUS.match(path)
        if status:  # one post, whatever account name or case the address gives
            return "x.com/i/status/" + status.group(1)
        if re.match(r"^/[A-Za-z0-9_]{1,30}$", path):
            path = path.lower()  # an account: names ignore case
    elif host == "t.me":
        post = _TME_POST.match(path)
        if post:  # channel names ignore case; the /s/ preview is the same post
            path = "/" + post.group(1).lower() + (post.group(2) or "")
    elif host == "youtube.com":
        short_id = None
        if parts.hostname == "youtu.be":
            short_id = path.strip("/")
        else:
            found = _YOUTUBE_ID.match(path)
            short_id = found.group(1) if found else None
        if short_id:
            path, query = "/watch", [("v", short_id)] + [(k, v) for k, v in query if k != "v"]
    text = host + path
    if query:
        text += "?" + urlencode(sorted(query))
    return text


@dataclass(frozen=True)
class Origin:
    key: str  # "url:t.me/x/1" or "record:acled:ukr123"
    role: str  # "url", "original" (a post the source reports), "archive" (a Wayback copy's target), "record"
    shown: str  # as a sentence names it: the canonical address, or the record's id ("UKR123")
    dataset: str = ""  # a record's dataset, as the source writes it ("ACLED")


def source_origins(source) -> Tuple[Origin, ...]:
    """The origins one source names, most specific first: its dataset record, then its addresses."""
    if isinstance(source, abc.Mapping):
        values = [source.get(name) for name in _SOURCE_FIELDS]
    else:  # a SourceRecord, before and after it gained dataset, record_id and original_url
        values = [getattr(source, name, None) for name in _SOURCE_FIELDS]
    return _origins_of(*(_text(value) for value in values))


_SOURCE_FIELDS = ("dataset", "record_id", "original_url", "url", "archive_url")


@functools.lru_cache(maxsize=65536)
def _origins_of(dataset: str, record_id: str, original_url: str, url: str, archive_url: str) -> Tuple[Origin, ...]:
    found = []
    if dataset and record_id:
        found.append(Origin("record:{}:{}".format(_fold(dataset), record_id.casefold()), "record", record_id,
                            dataset))
    for value, role in ((original_url, "original"), (url, "url")):
        canonical = _canonical(value, 0) if value else ""
        if canonical:
            found.append(Origin("url:" + canonical, role, canonical))
    if "archive.org/" in archive_url.lower():  # only a Wayback copy names the page it copies
        target = wayback_target(archive_url)
        canonical = _canonical(target, 0) if target else ""
        if canonical:
            found.append(Origin("url:" + canonical, "archive", canonical))
    return tuple(found)


def origin_keys(source) -> FrozenSet[str]:
    """The keys of a source's origins ("url:…", "record:…"); two sources sharing one share an origin."""
    return frozenset(origin.key for origin in source_origins(source))


def origins(sources: Iterable) -> Dict[str, Origin]:
    """key -> origin over a sighting's sources (an address cited as a post's own URL wins over the others)."""
    rank = {"record": 0, "url": 1, "original": 2, "archive": 3}
    found: Dict[str, Origin] = {}
    for source in sources or ():
        for origin in source_origins(source):
            known = found.get(origin.key)
            if known is None or rank[origin.role] < rank[known.role]:
                found[origin.key] = origin
    return found


def _describe(mine: Origin, theirs: Origin) -> str:
    if mine.role == "record":
        return tr("the same {} record {}").format(mine.dataset, mine.shown)
    if "original" in (mine.role, theirs.role):
        return tr("the same original post {}").format(mine.shown)
    if "archive" in (mine.role, theirs.role):
        return tr("the same URL {} (one of them through its archived copy)").format(mine.shown)
    return tr("the same URL {}").format(mine.shown)


def describe_shared(a: Mapping[str, Origin], b: Mapping[str, Origin]) -> Optional[str]:
    """What two sightings' origins (from origins()) share, as shared_origin words it, or None."""
    if len(b) < len(a):
        a, b = b, a
        swap = True
    else:
        swap = False
    common = [key for key in a if key in b]
    if not common:
        return None
    common.sort(key=lambda key: (not key.startswith("record:"), key))  # a dataset record first, then URLs
    mine, theirs = a[common[0]], b[common[0]]
    return _describe(theirs, mine) if swap else _describe(mine, theirs)


def shared_origin(a_sources: Iterable, b_sources: Iterable) -> Optional[str]:
    """A sentence-ready description of an origin both lists of sources share, or None when independent."""
    return describe_shared(origins(a_sources), origins(b_sources))
