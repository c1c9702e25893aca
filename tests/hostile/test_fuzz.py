"""A bounded fuzz run of the parsers and extractors: the bundled sample's files (HTML, PDF, JSON Lines, a Telegram
export, notes in UTF-8, UTF-16 and cp1256), mutated at random — bytes flipped, cut, repeated, spliced with another
file, format tokens and deep nesting inserted — each prepared as ingest prepares a file, extraction included.

Every input gives documents or one clear line, never a caught bug or a traceback. The run lasts MARSAD_FUZZ_SECONDS
(default 20, in every run of the suite, CI included) from the seed MARSAD_FUZZ_SEED (default: fixed, so a failure
is reproduced by its seed and run number, printed with it; the failing bytes are kept under the test's tmp_path).

Written here: a mutation loop over our own seeds (atheris needs a build of CPython's coverage hooks we cannot rely
on, and Hypothesis shrinks one property at a time, not a timed campaign over many seeds).
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from marsad.ingest.walk import Input
from marsad.pipeline.prepare import Job, prepare_file
from marsad.store import SQLiteStore
from tests.conftest import SAMPLE
from tests.ingest.test_any_input import _clear

SEEDS = sorted((p.suffix, p.read_bytes()) for p in SAMPLE.rglob("*") if p.is_file())
TOKENS = [
    *(
        t.encode()
        for t in ["<", ">", "<script>", "<!--", "-->", "]]>", "&#", "{", "}", "[", "]", '"', "\\u", "\\ud800"]
    ),
    *(t.encode() for t in ["%%EOF", "obj", "endobj", "stream", "\n", "\r", "\u202e", "العدد ٤١٢", "12 Oct 2024"]),
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"[" * 300,
    b"<b>" * 300,
    b'{"a":' * 200,
]
JOB = Job(max_size=2_000_000, now="2024-01-01T00:00:00+00:00", row_of=SQLiteStore.row_of,
          fact_rows_of=SQLiteStore.fact_rows_of, extract=True, extract_seconds=30)  # fmt: skip


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One to four random edits of `data`."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        at = rng.randrange(len(out) + 1)
        if op == 0 and out:  # flip bytes
            for _ in range(rng.randint(1, 16)):
                out[rng.randrange(len(out))] = rng.randrange(256)
        elif op == 1:  # cut a slice out, or the tail off
            out = out[:at] + (out[at + rng.randint(1, 2000) :] if rng.random() < 0.7 else b"")
        elif op == 2 and out:  # repeat a slice
            end = min(len(out), at + rng.randint(1, 500))
            out[at:at] = out[at:end] * rng.randint(1, 20)
        elif op == 3:  # a format token
            out[at:at] = rng.choice(TOKENS)
        elif op == 4:  # splice another file in
            other = rng.choice(SEEDS)[1]
            start = rng.randrange(len(other) + 1)
            out[at:at] = other[start : start + rng.randint(1, 3000)]
        else:  # random bytes
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return bytes(out[: JOB.max_size])


def test_mutated_inputs_give_documents_or_a_clear_line(tmp_path: Path) -> None:
    seconds = float(os.environ.get("MARSAD_FUZZ_SECONDS", "20"))
    seed = int(os.environ.get("MARSAD_FUZZ_SEED", "20261202"))
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    runs = documents = failures = 0
    while time.monotonic() < deadline:
        ext, original = rng.choice(SEEDS)
        data = mutate(rng, original)
        path = tmp_path / f"case{ext}"
        path.write_bytes(data)
        try:
            result, prepared = prepare_file(Input(str(path), explicit=True), JOB, lambda _id: False)
            _clear(result)
            assert prepared or result.failures or result.skipped, result
            assert all(facts is not None for *_, facts in prepared), result.warnings  # extraction did not crash
        except BaseException:
            kept = tmp_path / f"failing-{seed}-{runs}{ext}"
            kept.write_bytes(data)
            print(f"fuzz: seed {seed}, run {runs}: input kept at {kept}")
            raise
        runs += 1
        documents += len(prepared)
        failures += bool(result.failures)
    assert runs >= 20, runs  # the run really ran
    print(f"fuzz: {runs} mutated inputs in {seconds:g} s: {documents} documents, {failures} with a clear error")
