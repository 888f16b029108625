"""Shared test helpers: the fixture's parts, read from fixtures/ (never from ../shared)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = FIXTURES / "000_f34ac04e32c0b974.txt"
SAMPLE_EXPECTED = FIXTURES / "expected" / "000_f34ac04e32c0b974.txt"

# Lines 1-65 of the sample are the clean article; 66 to the end its broken PDF
# copy, which covers the clean article's first 18 paragraphs (title .. caption).
CLEAN_LINES = 65
COPY_COVERS = 18


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def sample_parts() -> tuple[list[str], list[str]]:
    """(clean lines, broken-copy lines) of the sample."""
    lines = sample_text().split("\n")
    return lines[:CLEAN_LINES], lines[CLEAN_LINES:]


def expected_lines() -> list[str]:
    """The hand-checked canonical article, one paragraph a line."""
    return SAMPLE_EXPECTED.read_text(encoding="utf-8").splitlines()
