import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BOOK0 = CORPUS / "000_6e910faac174649e.txt"
BOOK1 = CORPUS / "001_4c80345c2c842e8a.txt"
GOLD0 = CORPUS / "000.gold.jsonl"


@pytest.fixture(scope="session")
def root():
    return ROOT


def run_cli(*args, input=None, env=None, cwd=None):
    """Run ``python -m qa`` as a real process: exit codes and streams as a user sees them."""
    import os
    import subprocess

    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "qa", *map(str, args)], capture_output=True, text=True,
                          input=input, env=full_env, cwd=cwd or ROOT, timeout=300)


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes tens of seconds (the 50 MB book); deselect with -m 'not slow'")
    # the command line's regex cache (qa/recache.py) goes to a folder of this session, not ~/.cache
    import os
    import tempfile

    os.environ["MTQA_CACHE_DIR"] = tempfile.mkdtemp(prefix="mtqa-test-cache-")
