"""Commands load only their own group: `stats` starts without the PDF, deck or overview code."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from norddjurs_desktop.cli import BASIC_COMMANDS, COMMAND_GROUPS, build_parser

ROOT = Path(__file__).resolve().parents[1]


def registered(group: str) -> tuple[str, ...]:
    """The commands a group's module really registers."""
    names: list[str] = []

    def command(name: str, help_text: str, handler) -> argparse.ArgumentParser:
        names.append(name)
        return argparse.ArgumentParser()

    importlib.import_module(f"norddjurs_desktop.cli.{group}").register(command)
    return tuple(names)


@pytest.mark.parametrize("group", sorted(COMMAND_GROUPS))
def test_the_table_of_groups_names_what_each_module_registers(group: str) -> None:
    assert COMMAND_GROUPS[group] == registered(group)


def test_every_command_parses_when_only_its_own_group_is_loaded() -> None:
    every = [name for names in COMMAND_GROUPS.values() for name in names] + list(BASIC_COMMANDS)
    full = build_parser()
    full_choices = full._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert sorted(full_choices) == sorted(every)
    for name in every:
        parser = build_parser(name)
        choices = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert name in choices
        # --db takes a server address in the small parser too.
        db = [a for a in choices[name]._actions if a.dest == "db"]
        assert all(a.type is not Path for a in db)


def test_stats_in_a_fresh_process_loads_neither_reportlab_nor_the_other_commands(
    tmp_path: Path,
) -> None:
    code = (
        "import sys\n"
        "from norddjurs_desktop.cli import main\n"
        f"code = main(['stats', '--db', {str(tmp_path / 'ingen.sqlite')!r}, '--unit', 'X'])\n"
        "loaded = [m for m in ('reportlab', 'norddjurs_desktop.cli.deck_commands',\n"
        "          'norddjurs_desktop.cli.overview_commands', 'PySide6') if m in sys.modules]\n"
        "print(code, loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.stdout.strip() == "2 []", result.stdout + result.stderr
    assert "findes ikke" in result.stderr or "Fejl:" in result.stderr


def test_help_still_lists_every_group() -> None:
    result = subprocess.run([sys.executable, "-m", "norddjurs_desktop", "--help"],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    for names in COMMAND_GROUPS.values():
        for name in names:
            assert name in result.stdout


def test_the_bundle_names_itself_in_help_and_usage(monkeypatch) -> None:
    import norddjurs_desktop.cli as cli

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["/opt/Fremmoedepaletten/fremmoedepaletten", "--help"])
    assert cli.build_parser().format_usage().startswith("brug: fremmoedepaletten")
    monkeypatch.delattr(sys, "frozen")
    assert "python -m norddjurs_desktop" in cli.build_parser().format_usage()


def test_every_command_module_is_a_group_the_bundle_collects() -> None:
    """The bundle's spec collects cli/*_commands.py by name: every group must be one of them."""
    files = {p.stem for p in (ROOT / "norddjurs_desktop" / "cli").glob("*_commands.py")}
    assert files == set(COMMAND_GROUPS)
