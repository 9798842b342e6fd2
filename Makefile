# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 poppler-utils xvfb xauth binutils pgbouncer
export LANG := C.UTF-8

.PHONY: run test system venv lint translations bench screenshots clean

run: venv translations
	@test -f "$${YTCS_DATA_DIR:-$$($(BIN)/python -c 'from ytcs_desktop.paths import default_data_dir; print(default_data_dir())')}/ytcs.sqlite3" \
		|| $(BIN)/ytcs demo
	$(BIN)/ytcs gui

test: venv translations
	bash scripts/ensure-postgres.sh
	$(BIN)/ruff check ytcs_desktop tests bench scripts installer
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -n 2 $(PYTEST_ARGS)

# System libraries Qt and the PDF checks need; installed only when one is missing.
system:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		echo "Installing system packages:$$missing"; \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	$(MAKE) system
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

translations: venv
	$(BIN)/python scripts/build_translations.py

lint: venv
	$(BIN)/ruff check ytcs_desktop tests bench scripts installer
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: venv
	$(BIN)/python -m bench.run_all $(BENCH_ARGS)

# Screenshots of every main screen (Xvfb, 1366x768) and the first page of every printed form.
screenshots: venv translations
	$(BIN)/python scripts/screenshots.py
	$(BIN)/python scripts/render_report_samples.py

clean:
	rm -rf $(VENV) build dist *.egg-info
