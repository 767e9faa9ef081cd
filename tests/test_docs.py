"""The README documents every command and every setting (a test fails when one is added without it)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from fazhi.cli import app
from fazhi.core.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name for c in typer.main.get_command(app).commands.values())


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "version"])
def test_every_cli_command_is_in_the_readme(command: str) -> None:
    assert f"fazhi {command}" in README


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_in_the_readme(name: str) -> None:
    assert f"`{name}`" in README


def test_readme_opens_with_what_fazhi_is_then_the_two_commands() -> None:
    body = README.split("\n", 2)[2]
    first_paragraph, rest = body.split("\n\n", 1)
    assert "fazhi" in first_paragraph and "法治政府建设年度报告" in first_paragraph
    block = rest.split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.strip()]
    assert commands == ["python3 dev.py demo", "python3 dev.py test"]
