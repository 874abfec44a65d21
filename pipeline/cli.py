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
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
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


def main() -> None:
    """Entry point: run the app, turning unusable input into exit code 2."""
    try:
        app()
    except UnusableInput as exc:
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        sys.exit(2)


if __name__ == "__main__":
    main()
