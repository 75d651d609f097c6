from pathlib import Path

import pytest

from .register import resolve

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def resolver():
    return resolve
