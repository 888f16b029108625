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


def test_repair_takes_the_lossy_margin(tmp_path):
    # A copy read through the wrong codec with errors replaced (issue #4): by
    # default the close calls are flagged; at margin 0 every hole is guessed.
    from .support import sample_parts

    clean, _ = sample_parts()
    damaged = "\n".join(clean[2:8]).encode("utf-8").decode("gbk", errors="replace")
    path = tmp_path / "lossy.txt"
    path.write_text(damaged, encoding="utf-8")
    flagged = CliRunner().invoke(app, ["repair", str(path)])
    guessed = CliRunner().invoke(app, ["repair", str(path), "--lossy-margin", "0"])
    assert flagged.exit_code == guessed.exit_code == 0
    assert "\ufffd" in flagged.stdout and "\ufffd" not in guessed.stdout
    options = pipeline.RepairOptions(lossy_margin=0.0)
    assert guessed.stdout == pipeline.repair_document(path, options=options).text
    assert CliRunner().invoke(app, ["repair", str(path), "--lossy-margin", "-1"]).exit_code != 0


def test_python_m_pipeline_takes_the_lossy_margin(tmp_path, capsys):
    from pipeline.__main__ import main

    from .support import sample_parts

    clean, _ = sample_parts()
    path = tmp_path / "lossy.txt"
    path.write_text("\n".join(clean[2:8]).encode("utf-8").decode("gbk", errors="replace"), encoding="utf-8")
    assert main([str(path), "--lossy-margin", "0"]) == 0
    assert capsys.readouterr().out == pipeline.repair_document(path, options=pipeline.RepairOptions(lossy_margin=0.0)).text


def test_the_command_defaults_are_the_library_and_worker_defaults():
    """The CLI writes its defaults out (so it starts without importing the library); they must agree."""
    import inspect

    from flows import cli
    from flows.worker import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT

    def default(command, name):
        return inspect.signature(command).parameters[name].default.default

    assert default(cli.run, "time_limit") == DEFAULT_TIME_LIMIT
    assert default(cli.run, "memory_limit") == DEFAULT_MEMORY_LIMIT
    for command in (cli.repair, cli.run):
        assert default(command, "lossy_margin") == pipeline.RepairOptions().lossy_margin
