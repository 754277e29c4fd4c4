# Two commands for people: `make run` starts the app, `make test` runs every check.
# Both work from a fresh clone with only Python 3.11+ and make: they install uv
# (pinned, hash-checked) into .uv/, then the exact versions of uv.lock into .venv/.
# `make run` installs the runtime packages only; `make test` adds the test tools.
# `make bundle` builds the PyInstaller folder from a runtime-only .venv-bundle/,
# `make bundle-check` starts what it built. Windows: see packaging/README.md.
PYTHON ?= python3
UV_DIR := .uv
UV := $(UV_DIR)/bin/uv
BIN := .venv/bin
BUNDLE := dist/Fremmoedepaletten
SYNC := $(UV) sync --frozen --inexact --python $(PYTHON)

# uv must use the Python given here, never download one of its own.
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test lint bundle bundle-check lock notices clean

$(UV): packaging/uv-bootstrap.txt
	$(PYTHON) -m venv $(UV_DIR)
	$(UV_DIR)/bin/python -m pip install --quiet --disable-pip-version-check \
		--require-hashes -r packaging/uv-bootstrap.txt
	touch $(UV)

run: $(UV)
	$(SYNC)
	$(BIN)/python main.py

lint: $(UV)
	$(SYNC) --extra test
	$(BIN)/ruff check norddjurs_desktop tests benchmarks main.py packaging setup.py
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python packaging/third_party_notices.py --check

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The bundle is built from its own environment holding the runtime packages and
# PyInstaller only (no test tools end up in it).
bundle: $(UV)
	UV_PROJECT_ENVIRONMENT=.venv-bundle $(UV) sync --frozen --python $(PYTHON) \
		--extra bundle --no-install-project
	rm -rf $(BUNDLE)
	.venv-bundle/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/fremmoedepaletten.spec

bundle-check: bundle
	$(PYTHON) packaging/bundle_check.py $(BUNDLE)

# Maintainers: after changing dependencies in pyproject.toml.
lock: $(UV)
	$(UV) lock
	$(SYNC) --extra test
	$(BIN)/python packaging/third_party_notices.py

clean:
	rm -rf .venv .venv-bundle $(UV_DIR) build dist
