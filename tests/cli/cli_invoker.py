"""Running ``tracker --db <db> ARGS`` in-process, as a script would."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner, Result

from tracker.cli import cli


class Invoker:
    """Runs ``tracker --db <db> ARGS``; stdout and stderr stay apart (click >= 8.2)."""

    def __init__(self, db: str, env: dict[str, str | None]) -> None:
        self.db = db
        self.env = env
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, ok: bool = True) -> Result:
        result = self.runner.invoke(
            cli, ["--db", self.db, *args], env=self.env, input=input, prog_name="tracker"
        )
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception  # a bug: show its traceback
        assert "Traceback" not in result.output
        if ok:
            assert result.exit_code == 0, result.output
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--format", "json").stdout)

    def fails(self, *args: str, code: int = 1, input: str | None = None) -> Result:
        result = self(*args, input=input, ok=False)
        assert result.exit_code == code, result.output
        return result
