"""The ``newsrepair`` command's library-only path (the flow paths are in test_flow_clean.py)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import pipeline
from flows.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = FIXTURES / "000_f34ac04e32c0b974.txt"


def test_repair_prints_the_canonical_text_and_the_report():
    result = CliRunner().invoke(app, ["repair", str(SAMPLE), "--report"])
    assert result.exit_code == 0, result.output
    expected = pipeline.repair_document(SAMPLE)
    assert result.stdout == expected.text
    assert json.loads(result.stderr) == dict(expected.report.counts)


def test_repair_writes_the_output_file(tmp_path):
    out = tmp_path / "out.txt"
    result = CliRunner().invoke(app, ["repair", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == pipeline.repair_document(SAMPLE).text
    assert result.stdout == ""


def test_a_refused_input_exits_2_with_the_reason(tmp_path):
    binary = tmp_path / "scan.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    result = CliRunner().invoke(app, ["repair", str(binary)])
    assert result.exit_code == 2
    assert "not text" in result.stderr


def test_a_pdf_is_repaired_from_its_text_layer():
    result = CliRunner().invoke(app, ["repair", str(FIXTURES / "pdfjs__XiaoBiaoSong.pdf")])
    assert result.exit_code == 0, result.output
    assert "对国防问题的意见" in result.stdout


def test_run_refuses_a_missing_inbox(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path / "nope"), str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "is not a folder" in result.stderr
