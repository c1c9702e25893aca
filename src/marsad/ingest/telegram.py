"""Telegram Desktop exports (result.json of a channel or chat, or of a whole account).

Each message is a document: id = SHA-256 of channel id + message id + text, original bytes = the
message's JSON, parent = the export. A later export of the same channel adds the new messages, and a
message edited since as a new version of the same message (meta `version_of`, `version_at`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from marsad.errors import IngestError
from marsad.ingest.base import (
    Format,
    Item,
    Parsed,
    RecordFailure,
    SourceFile,
    iso_partial_date,
    without_lone_surrogates,
)
from marsad.model import Document, content_id, stable_id

EXPORT_TYPE = "application/x-telegram-export"
MESSAGE_TYPE = "text/x-telegram-message"


def _parse(src: SourceFile) -> Iterator[Parsed]:
    data, replaced = without_lone_surrogates(_load(src), src.data)
    chats = _chats(src.path, data)
    total = sum(len(c.get("messages") or []) for c in chats)
    names = ", ".join(str(c.get("name") or c.get("id")) for c in chats)
    export = Document(
        id=content_id(src.data),
        source=src.path,
        media_type=EXPORT_TYPE,
        text="",
        size=len(src.data),
        title=f"Telegram export: {names}"[:300],
        captured_at=src.captured_at,
        meta={
            "chats": [{"id": c.get("id"), "name": c.get("name"), "type": c.get("type")} for c in chats],
            "messages": total,
        },
        warnings=(f"{replaced} lone surrogate escapes (\\ud800-\\udfff) replaced by U+FFFD",) if replaced else (),
    )
    yield Item(export, src.data, container=True)
    for chat in chats:
        yield from _messages(src, export.id, chat)


def _load(src: SourceFile) -> Any:
    try:
        text = src.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(src.path, f"not UTF-8 JSON ({exc.reason} at byte {exc.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        hint = " (truncated file?)" if exc.pos >= len(text.rstrip()) - 1 else ""
        raise IngestError(
            src.path, f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}{hint}"
        ) from None
    except RecursionError:
        raise IngestError(src.path, "malformed JSON: nested too deeply") from None


def _chats(path: str, data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        return [data]
    if isinstance(data, dict) and isinstance(data.get("chats"), dict):
        chats = [c for c in data["chats"].get("list") or [] if isinstance(c, dict)]
        if chats:
            return chats
    raise IngestError(path, "JSON that is not a Telegram Desktop export (no 'messages' list and no 'chats')")


def _messages(src: SourceFile, export_id: str, chat: dict[str, Any]) -> Iterator[Parsed]:
    channel_id, channel = chat.get("id"), chat.get("name")
    for index, msg in enumerate(chat.get("messages") or []):
        if not isinstance(msg, dict) or "id" not in msg:
            yield RecordFailure(f"{src.path} message #{index + 1}", "not a message object (no 'id')")
            continue
        if msg.get("type", "message") != "message":
            continue  # service messages (joins, pins) carry no content of their own
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


TELEGRAM = Format("telegram", EXPORT_TYPE, (".json",), _sniff, _parse, container=True)
