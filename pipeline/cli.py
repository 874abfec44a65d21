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
from .errors import UnusableInput, raised_at

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


def usage_error_line(exc: typer.TyperException) -> str:
    """A misused option or argument ("--format xml", a missing FILE) as one `error:` line.

    typer draws these in a multi-line box; the README promises one line on
    stderr for every refusal, so a script or a log reads them as it reads
    the rest.  The help hint names the command that was misused.
    """
    message = " ".join(exc.format_message().split()).replace("Value error, ", "")
    ctx = getattr(exc, "ctx", None)
    hint = f" (see {ctx.command_path} --help)" if ctx is not None else ""
    return f"error: {message}{hint}"


def _run_app() -> int:
    """Run the app without click's own exit handling; the exit code it would have used."""
    try:
        result = app(standalone_mode=False)
    except typer.TyperException as exc:  # typer's own click: a misused option or argument
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `scr`: the help was shown, as before
            return exc.exit_code
        typer.secho(usage_error_line(exc), err=True, fg=typer.colors.RED)
        return exc.exit_code
    except typer.Abort:  # end of input at a prompt: nothing was written
        return 130
    return result if isinstance(result, int) else 0


def file_refused(exc: BaseException) -> str | None:
    """The system refusing a file the user named (no permission to read it, a folder
    in its place) as an `error:` line naming the file; None for anything else.

    Readers check for a missing or empty file themselves (a file missing
    here is left to the last resort: it may be our own data); a key, decisions
    file or review that this user may not read is found only when it is
    opened, and is the user's to fix (exit 2), not a bug (exit 3).
    """
    if not isinstance(exc, (PermissionError, IsADirectoryError, NotADirectoryError)):
        return None
    if exc.filename is None:
        return None
    reason = (exc.strerror or type(exc).__name__).lower()
    return f"error: {exc.filename}: cannot be used ({reason})"


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
        code = _run_app()
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
        refused = file_refused(exc)
        if refused:
            typer.secho(refused, err=True, fg=typer.colors.RED)
            sys.exit(2)
        typer.secho(
            f"internal error: {type(exc).__name__} at {raised_at(exc)} (a bug; SCR_DEBUG=1 shows the traceback)",
            err=True,
            fg=typer.colors.RED,
        )
        sys.exit(3)
    sys.exit(code)


if __name__ == "__main__":
    main()
