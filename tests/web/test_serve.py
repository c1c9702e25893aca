"""`marsad serve` as a user starts it: a process on loopback that prints its address, answers with the UI's
headers, refuses a foreign Host, and stops on a signal."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_marsad_serve_answers_on_loopback(built_archive: Path) -> None:
    port = _port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad", "--db", str(built_archive), "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    body, headers = r.read().decode(), r.headers
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "marsad serve did not start"
                time.sleep(0.2)
        assert "documents" in body and headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert "server" not in {k.lower() for k in headers}  # no server banner
        foreign = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": "evil.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(foreign, timeout=5)
        assert refused.value.code == 421
        refused.value.close()
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert f"serving {built_archive} on http://127.0.0.1:{port}/ (read-only; Ctrl-C stops)" in err
