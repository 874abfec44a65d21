"""The `scr` command line.

Each command lives in its own module under `pipeline/commands/` and exposes
`register(app)`; this module only discovers them, so stages can be added
without touching a shared file.  Unusable input exits with code 2 and a
one-line message, never a traceback.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from . import __version__
from .errors import UnusableInput

app = typer.Typer(
    name="scr",
    help="Text mining and anonymisation for UK child safeguarding case reviews.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scr {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Text mining and anonymisation for UK child safeguarding case reviews."""


def _register_commands() -> None:
    from . import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def _one_line_warning(message, category, filename, lineno, line=None) -> str:
    """Warnings meant for the user ("read as utf-8", "removed 3 NUL bytes") as one line on stderr."""
    return f"warning: {message}\n"


def main() -> None:
    """Entry point: run the app, turning unusable input into exit code 2.

    Input too large or too deeply nested for this machine is unusable input
    too.  Anything else unexpected is a bug: one line on stderr and exit
    code 3 (set SCR_DEBUG=1 for the traceback), never a traceback that a
    script would read as exit 1, "found something".
    """
    import os
    import warnings

    warnings.formatwarning = _one_line_warning
    try:
        app()
    except UnusableInput as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        sys.exit(2)
    except MemoryError:
        typer.secho(
            "error: out of memory on this input; lower the limits (see README, Limits) or use a larger machine",
            err=True,
            fg=typer.colors.RED,
        )
        sys.exit(2)
    except RecursionError:
        typer.secho("error: the input is nested too deeply to read", err=True, fg=typer.colors.RED)
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - last resort: a bug must not look like a finding
        if os.environ.get("SCR_DEBUG"):
            raise
        first = (str(exc).splitlines() or [""])[0][:300]
        typer.secho(
            f"internal error: {type(exc).__name__}: {first} (a bug; SCR_DEBUG=1 shows the traceback)",
            err=True,
            fg=typer.colors.RED,
        )
        sys.exit(3)


if __name__ == "__main__":
    main()
