"""One pydantic model per JSON shape, one module per noun: what the CLI's `--json` prints and
what the API under /api returns (`…Public`) and accepts (`…Create`, `…Update`). docs/json.md
and docs/api.md are generated from these models (`make docs`; `make lint` checks them)."""
