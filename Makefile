# Two entry points that work on a fresh machine: `make demo` and `make test`.
# Each creates .venv from pyproject.toml when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench accuracy clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	$(BIN)/python -m compileall -q cxaudit   # (an editable install is not compiled by pip: start-up would compile it each run where bytecode is not written)
	touch $@

demo: $(BIN)/.installed
	$(BIN)/cxaudit audit sample_sites/northwind --fail-on never
	$(BIN)/cxaudit audit sample_sites/northwind --format md --output northwind-report.md --fail-on never
	@echo "Markdown report written to northwind-report.md"

test: $(BIN)/.installed
	$(BIN)/python -m pytest

accuracy: $(BIN)/.installed
	$(BIN)/python bench/accuracy.py

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .cxaudit-cache
