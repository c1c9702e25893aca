"""Telegram Desktop exports (result.json of a channel or chat, or of a whole account).

Each message is a document: id = SHA-256 of channel id + message id + text, original bytes = the
message's JSON, parent = the export. A later export of the same channel adds the new messages, and a
message edited since as a new version of the same message (meta `version_of`, `version_at`).

An export is read as it goes (`SourceStream`), never whole: one pass over its bytes (the export's id, a
UTF-8 check, whether it escapes any surrogate), one pass of JSON events (the chats, their message counts,
the JSON checked to its end, so that a malformed file archives nothing, as when it was read whole), then
its messages one at a time (ijson, a C parser; its pure-Python backend where a surrogate is escaped, which
the C one would turn into "?"). A message's original is its JSON; the export's is the file, copied by the
store.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import ijson  # type: ignore[import-untyped]

from marsad.errors import IngestError
from marsad.ingest.base import (
    SURROGATE,
    SURROGATE_ESCAPE,
    Format,
    Item,
    Parsed,
    RecordFailure,
    SourceFile,
    SourceStream,
    iso_partial_date,
    scrub_surrogates,
)
from marsad.model import Document, OriginalFile, stable_id

EXPORT_TYPE = "application/x-telegram-export"
MESSAGE_TYPE = "text/x-telegram-message"


def _parse(src: SourceFile) -> Iterator[Parsed]:
    return _stream(SourceStream(src.path, io.BytesIO(src.data), len(src.data), src.captured_at), src.data)


def _stream(src: SourceStream, data: bytes | None = None) -> Iterator[Parsed]:
    """The export, then each chat's messages. `data`: the file's bytes when it is held in memory (its original)."""
    scan = _scan(src)
    backend = ijson.get_backend("python") if scan.escapes_surrogate else ijson
    chats, replaced = _chats(src, backend, scan)
    export = Document(
        id=scan.sha256,
        source=src.path,
        media_type=EXPORT_TYPE,
        text="",
        size=src.size,
        title=f"Telegram export: {', '.join(str(c.name or c.id) for c in chats)}"[:300],
        captured_at=src.captured_at,
        meta={
            "chats": [{"id": c.id, "name": c.name, "type": c.type} for c in chats],
            "messages": sum(c.messages for c in chats),
        },
        warnings=(f"{replaced} lone surrogate escapes (\\ud800-\\udfff) replaced by U+FFFD",) if replaced else (),
    )
    yield Item(
        export, data if data is not None else OriginalFile(src.os_path, src.path, src.size, scan.sha256), container=True
    )
    _rewind(src.stream, scan.bom)
    items = backend.items(src.stream, _MESSAGES[chats[0].account], use_float=True)
    for chat in chats:
        yield from _messages(src, export.id, chat, (next(items) for _ in range(chat.messages)), scan.escapes_surrogate)


@dataclass(frozen=True, slots=True)
class _Scan:
    sha256: str
    bom: bool
    escapes_surrogate: bool


_PIECE = 1 << 20


def _scan(src: SourceStream) -> _Scan:
    """The bytes read once: their SHA-256, a UTF-8 check (the first bad byte named), any surrogate escaped."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    escapes, offset, tail = False, 0, b""
    src.stream.seek(0)
    head = src.stream.read(_PIECE)
    bom = head.startswith(codecs.BOM_UTF8)
    piece = head
    while piece:
        digest.update(piece)
        try:
            decoder.decode(piece[3:] if bom and offset == 0 else piece)
        except UnicodeDecodeError as exc:
            at = offset + exc.start + (3 if bom and offset == 0 else 0)
            raise IngestError(src.path, f"not UTF-8 JSON ({exc.reason} at byte {at})") from None
        escapes = escapes or bool(SURROGATE_ESCAPE.search(tail + piece))
        tail = piece[-5:]
        offset += len(piece)
        piece = src.stream.read(_PIECE)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise IngestError(src.path, f"not UTF-8 JSON ({exc.reason} at byte {offset + exc.start})") from None
    return _Scan(digest.hexdigest(), bom, escapes)


def _rewind(stream: BinaryIO, bom: bool) -> None:
    stream.seek(3 if bom else 0)


@dataclass(slots=True)
class _Chat:
    account: bool  # one chat of a whole account's export (chats.list), not an export of one chat
    id: Any = None
    name: Any = None
    type: Any = None
    messages: int = 0
    keys: set[str] = field(default_factory=set)


_MESSAGES = {False: "messages.item", True: "chats.list.item.messages.item"}
_SCALARS = frozenset(("string", "number", "boolean", "null"))
_ITEM_STARTS = _SCALARS | {"start_map", "start_array"}


def _chats(src: SourceStream, backend: Any, scan: _Scan) -> tuple[list[_Chat], int]:
    """The export's chats, each with its number of messages, and the lone surrogates its strings escape; the JSON
    read to its end, so that a malformed file is said before anything of it is archived."""
    _rewind(src.stream, scan.bom)
    one, account = _Chat(False), list[_Chat]()
    messages_list = False
    lone = 0
    try:
        for prefix, event, value in backend.parse(src.stream, use_float=True):
            if scan.escapes_surrogate and event in ("string", "map_key"):
                lone += len(SURROGATE.findall(value))
            if prefix == "messages.item" or prefix == "chats.list.item.messages.item":
                if event in _ITEM_STARTS:  # an item begins (its keys and its end have this prefix too)
                    (one if prefix == "messages.item" else account[-1]).messages += 1
            elif prefix == "messages" and event == "start_array":
                messages_list = True
            elif prefix == "chats.list.item" and event == "start_map":
                account.append(_Chat(True))
            elif event in _SCALARS and prefix in ("id", "name", "type") and prefix not in one.keys:
                one.keys.add(prefix)
                setattr(one, prefix, value)
            elif event in _SCALARS and prefix.startswith("chats.list.item.") and prefix.count(".") == 3:
                key = prefix.rsplit(".", 1)[1]
                if key in ("id", "name", "type") and key not in account[-1].keys:
                    account[-1].keys.add(key)
                    setattr(account[-1], key, value)
    except ijson.JSONError as exc:
        raise IngestError(src.path, _malformed(src, exc)) from None
    except RecursionError:
        raise IngestError(src.path, "malformed JSON: nested too deeply") from None
    if messages_list:
        return [one], lone
    if account:
        return account, lone
    raise IngestError(src.path, "JSON that is not a Telegram Desktop export (no 'messages' list and no 'chats')")


_EXACT_BELOW = 16 * 2**20  # a malformed file this small is read again whole, for the line and column of the fault


def _malformed(src: SourceStream, exc: Exception) -> str:
    what = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if src.size <= _EXACT_BELOW:
        src.stream.seek(0)
        text = src.stream.read().decode("utf-8-sig")
        try:
            json.loads(text)
        except json.JSONDecodeError as found:
            hint = " (truncated file?)" if found.pos >= len(text.rstrip()) - 1 else ""
            return f"malformed JSON at line {found.lineno} column {found.colno}: {found.msg}{hint}"
        except RecursionError:
            return "malformed JSON: nested too deeply"
    hint = " (truncated file?)" if "premature EOF" in what else ""
    return f"malformed JSON: {what}{hint}"


def _messages(src: SourceStream, export_id: str, chat: _Chat, messages: Iterator[Any], lone: bool) -> Iterator[Parsed]:
    channel_id, channel = chat.id, chat.name
    for index, msg in enumerate(messages):
        if not isinstance(msg, dict) or "id" not in msg:
            yield RecordFailure(f"{src.path} message #{index + 1}", "not a message object (no 'id')")
            continue
        if msg.get("type", "message") != "message":
            continue  # service messages (joins, pins) carry no content of their own
        if lone:
            msg, _ = scrub_surrogates(msg)  # counted for the export (_chats)
        text, links, warning = message_text(msg)
        original = json.dumps(msg, ensure_ascii=False, sort_keys=True).encode("utf-8")
        published = iso_partial_date(str(msg.get("date") or ""), anchor="message-date")
        meta = {
            "channel": channel,
            "channel_id": channel_id,
            "message_id": msg["id"],
            "author": msg.get("author") or msg.get("from"),
            "forwarded_from": msg.get("forwarded_from"),
            "links": links,
            "date": msg.get("date"),
            "edited": msg.get("edited"),
            "media": msg.get("media_type") or ("photo" if "photo" in msg else None),
            # an edited message is a new version of this one (store: the latest counts, every one is kept)
            "version_of": f"telegram:{channel_id}:{msg['id']}",
            "version_at": msg.get("edited") or msg.get("date"),
        }
        yield Item(
            Document(
                id=stable_id("telegram", channel_id, msg["id"], text),
                source=src.path,
                media_type=MESSAGE_TYPE,
                text=text,
                size=len(original),
                title=f"{channel} #{msg['id']}",
                published=published,
                published_from="telegram:date" if published else None,
                captured_at=src.captured_at,
                parent=export_id,
                meta={k: v for k, v in meta.items() if v not in (None, [], "")},
                warnings=(warning,) if warning else (),
            ),
            original,
        )


def flatten_text(value: Any, _depth: int = 0) -> tuple[str, list[str]]:
    """A message's text and its links. Telegram Desktop writes `text` as a string, or as a list of strings
    and formatted runs ({"type": "bold", "text": ...}); a run's text may itself be such a list, and some
    exports hold a single run object. Other values (numbers in a list) are not text and are dropped."""
    if isinstance(value, str):
        return value, []
    parts: list[str] = []
    links: list[str] = []
    runs = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    for run in runs if _depth < 16 else []:
        if isinstance(run, str):
            parts.append(run)
        elif isinstance(run, dict):
            piece, inner = flatten_text(run.get("text", ""), _depth + 1)
            parts.append(piece)
            links += inner
            if run.get("type") == "link":
                links.append(piece)
            elif run.get("type") == "text_link" and run.get("href"):
                links.append(str(run["href"]))
    return "".join(parts), links


def message_text(msg: dict[str, Any]) -> tuple[str, list[str], str | None]:
    """(text, links, warning): from `text`, else from `text_entities` (the same runs, newer exports)."""
    raw = msg.get("text", "")
    text, links = flatten_text(raw)
    if not text and msg.get("text_entities"):
        text, links = flatten_text(msg["text_entities"])
    if not text and raw not in ("", None, []):
        return "", links, f"the message's 'text' ({type(raw).__name__}) holds no text marsad can read"
    return text, links, None


def _sniff(head: bytes) -> bool:
    start = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and (b'"messages"' in head[:4096] or b'"chats"' in head[:4096])


TELEGRAM = Format("telegram", EXPORT_TYPE, (".json",), _sniff, _parse, container=True, stream=_stream)
