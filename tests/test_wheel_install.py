"""The built wheel works on its own: installed in a clean venv, run from another folder.

This is the route IT or a developer takes without the source tree
(``pip install fremmoedepaletten-….whl``). It failed before: resources/ stayed
behind, so ``demo`` crashed and ``decks`` printed nothing.

The wheel is built with the setuptools of the test environment (offline), the
venv gets the locked runtime versions through uv from its cache (what
``make test`` already downloaded), so the test needs no network on a machine
that ran ``make test``; it falls back to the registry otherwise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def find_uv() -> str | None:
    for candidate in (ROOT / ".uv" / "bin" / "uv", ROOT / ".uv" / "Scripts" / "uv.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which("uv")


def clean_env() -> dict[str, str]:
    """No PYTHONPATH: the checkout must not leak into the installed app."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(QT_QPA_PLATFORM="offscreen", UV_PYTHON_DOWNLOADS="never")
    return env


def build_wheel(out: Path) -> Path:
    """PEP 517 build straight through setuptools: no isolation, nothing downloaded."""
    code = ("import sys; from setuptools import build_meta as b; "
            "print(b.build_wheel(sys.argv[1]))")
    result = subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, check=True,
                            capture_output=True, text=True)
    for scratch in [ROOT / "build" / "lib", *(ROOT / "build").glob("bdist.*")]:
        shutil.rmtree(scratch, ignore_errors=True)  # not build/pyinstaller (make bundle's)
    return out / result.stdout.strip().splitlines()[-1]


def install(uv: str, venv: Path, wheel: Path, work: Path) -> None:
    env = clean_env()
    subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
                   check=True, env=env)
    locked = work / "runtime.txt"
    subprocess.run([uv, "export", "--quiet", "--frozen", "--no-dev", "--no-emit-project",
                    "--no-hashes", "--project", str(ROOT), "-o", str(locked)],
                   check=True, env=env)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    command = [uv, "pip", "install", "--quiet", "--python", str(python), "-r", str(locked),
               str(wheel)]
    if subprocess.run([*command, "--offline"], env=env, capture_output=True).returncode:
        subprocess.run(command, check=True, env=env)  # cache miss: fetch from the registry


def test_the_wheel_installs_and_runs_demo_decks_and_export_plan(tmp_path: Path) -> None:
    uv = find_uv()
    if uv is None:
        pytest.skip("uv is not installed (make test installs it in .uv/)")
    wheel = build_wheel(tmp_path / "dist")
    assert wheel.name.startswith("fremmoedepaletten-") and wheel.suffix == ".whl"
    venv = tmp_path / "venv"
    install(uv, venv, wheel, tmp_path)

    elsewhere = tmp_path / "somewhere else"
    elsewhere.mkdir()
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    cli = str(scripts / "fremmoedepaletten")
    env = clean_env()

    def run(*args: str) -> str:
        result = subprocess.run([cli, *args], cwd=elsewhere, env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        return result.stdout

    db = elsewhere / "prøve.sqlite"
    assert "oprettet" in run("demo", "--db", str(db))
    decks = run("decks")
    for key in ("palette", "tryghed", "aktoerskab"):
        assert key in decks
    plan = elsewhere / "plan.pdf"
    run("export-plan", "--db", str(db), "--screening", "latest", "--out", str(plan))
    assert plan.read_bytes().startswith(b"%PDF")

    probe = subprocess.run(
        [str(scripts / ("python.exe" if os.name == "nt" else "python")), "-c",
         "import norddjurs_desktop, norddjurs_desktop.paths as p;"
         "print(norddjurs_desktop.__file__); print(p.RESOURCES);"
         "print(len(p.licence_text())); print((p.LICENSES / 'THIRD_PARTY_NOTICES.md').is_file())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    package, resources, licence, notices = probe.stdout.splitlines()
    assert Path(package).is_relative_to(venv) and Path(resources).is_relative_to(venv)
    assert int(licence) > 10_000 and notices == "True"
    assert (scripts / ("fremmoedepaletten-gui" + (".exe" if os.name == "nt" else ""))).exists()
