# Two commands matter (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    ?= out
CORPUS := corpus/child_e_stockport_2017.txt

.PHONY: setup demo lint test bench bench-scale clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/scr run $(CORPUS) --out $(OUT)
	$(BIN)/scr index $(OUT) --db $(OUT)/corpus.db
	$(BIN)/scr report $(OUT)/child_e_stockport_2017 --out $(OUT)/child_e_stockport_2017.html
	@echo "Outputs in $(OUT)/: per-review folders, corpus.db, and the review page child_e_stockport_2017.html"

# Style and types (configured in pyproject.toml); `make test` runs it first, so CI enforces it.
# All three checks run even when one fails, so one CI log shows every problem.
LINTED := pipeline tests bench
lint: setup
	@status=0; \
	for check in "ruff check $(LINTED)" "ruff format --check $(LINTED)" "mypy pipeline"; do \
		echo "$(BIN)/$$check"; $(BIN)/$$check || status=1; \
	done; \
	exit $$status

test: setup lint
	sh scripts/ensure_chromium.sh
	sh scripts/ensure_postgres.sh
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_page.py
	$(BIN)/python bench/bench_review_page.py

# Executors (local pool vs Dask LocalCluster) and stores (SQLite vs PostgreSQL); see bench/bench_scale.py
bench-scale: setup
	sh scripts/ensure_postgres.sh
	$(BIN)/python bench/bench_scale.py

clean:
	rm -rf $(OUT) bench/out .pytest_cache .mypy_cache .ruff_cache
