"""The hostile cases of issue 12, run as a user would (one process per case): each as expected, none with a
traceback. `python tests/hostile/build_cases.py` prints the same as a table."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.build_cases import run_case
from tests.hostile.cases import CASES

QUICK = [c for c in CASES if c.__name__ != "write_lock_held"]  # tests/cli/test_failures.py waits 0.2 s for it


@pytest.mark.slow
@pytest.mark.parametrize("build", QUICK, ids=[c.__name__ for c in QUICK])
def test_hostile_case(build: Callable[..., object]) -> None:
    if build.__name__ == "disk_full" and os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    # not pytest's tmp_path: the cases run as another user must reach their folders, and pytest's are private
    with tempfile.TemporaryDirectory(prefix="marsad-hostile-") as folder:
        Path(folder).chmod(0o755)
        try:
            row = run_case(build, Path(folder) / "case")
        finally:
            subprocess.run(["chattr", "-R", "-i", folder], capture_output=True, check=False)
    assert row["ok"], row
