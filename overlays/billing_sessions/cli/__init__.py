"""The ``billing-sessions`` command."""

from __future__ import annotations

import json
import sys
from enum import IntEnum
from typing import Annotated, Any

import httpx

from billing_sessions.errors import missing_extra

try:
    import platformdirs  # noqa: F401 - the extra's packages, checked up front for a one-line error
    import rich  # noqa: F401
    import typer
except ImportError as exc:
    raise SystemExit(str(missing_extra("cli", "The billing-sessions command", exc))) from None

from billing_sessions import __version__
from billing_sessions.cli.accounts import SPELLINGS, STORE_ENV, ConfigError, ProviderName, requirements
from billing_sessions.errors import BillingSessionError, LoginError, ProviderError, StoreError, UsageError

__all__ = [
    "ENV_HELP",
    "EXIT_CODES",
    "LABELS",
    "Exit",
    "JsonOpt",
    "ProviderArg",
    "StoreOpt",
    "app",
    "demo",
    "exit_code",
    "forget",
    "login",
    "logout",
    "main",
    "mfa",
    "sandbox",
    "status",
]


class Exit(IntEnum):
    OK = 0
    ERROR = 1  # any other error of this package
    USAGE = 2  # bad arguments, missing credentials
    LOGIN = 3  # the provider rejected the credentials
    PROVIDER = 4  # the provider answered with an error
    NETWORK = 5  # the provider could not be reached
    STORE = 6  # the session store could not be used


LABELS = {
    Exit.ERROR: "error",
    Exit.USAGE: "usage error",
    Exit.LOGIN: "login rejected",
    Exit.PROVIDER: "provider error",
    Exit.NETWORK: "network error",
    Exit.STORE: "session store error",
}
EXIT_CODES = (
    "Exit codes: 0 ok; 1 other error; 2 usage error or missing credentials; 3 login rejected; "
    "4 provider error; 5 network error; 6 session store unusable."
)
ENV_HELP = "\n\n".join(
    [
        "Credentials come from environment variables BILLING_SESSIONS_<PROVIDER>_<NAME>, never from "
        "arguments; a hidden prompt asks for a missing one when stdin is a terminal:",
        *(f"{p.value}: {requirements(p, full=True)}" for p in ProviderName),
        f"Sessions are kept in --store or {STORE_ENV} (a file path or a redis:// URL), by default in "
        "sessions.json in the user cache directory.",
        "Every account command (status, login, logout, forget) takes --json: one JSON object on stdout.",
    ]
)

app = typer.Typer(
    help="Typed clients for Gestix, Számla Agent, BILL and BillingPlatform, with their sessions handled.",
    epilog=f"{ENV_HELP}\n\n{EXIT_CODES}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals hold credentials
)

ProviderArg = Annotated[
    str,
    typer.Argument(
        metavar="PROVIDER",
        help=f"The provider account to act on: {SPELLINGS} ('-' and '_' alike).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout (for scripts).")]
StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        envvar=STORE_ENV,
        metavar="PATH|URL",
        help="Session store: a JSON file path or a redis:// URL (default: the user cache directory).",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"billing-sessions {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=_version),
    ] = False,
) -> None:
    pass


@app.command()
def demo(
    otel: bool = typer.Option(
        False, "--otel", help="Also print the OpenTelemetry spans and metrics (needs opentelemetry-sdk)."
    ),
) -> None:
    """Run every provider end to end against the embedded sandbox."""
    from billing_sessions.cli.demo import run

    raise typer.Exit(run(otel=otel))


@app.command()
def sandbox(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8787, help="Port to listen on (0: a free one)."),
) -> None:
    """Run the stateful provider sandbox in the foreground (Ctrl-C stops it)."""
    from billing_sessions.sandbox.serve import run

    raise typer.Exit(run(host, port, out=lambda line: typer.echo(line)))


@app.command(epilog=EXIT_CODES)
def status(provider: ProviderArg, json_output: JsonOpt = False, store: StoreOpt = None) -> None:
    """Check the account's session: Gestix GET /status, BILL session info, a one-row BillingPlatform
    query; Számla Agent only the stored state (the Agent is never called for this). Logs in if needed."""
    _run("status", provider, store, json_output)


@app.command(epilog=EXIT_CODES)
def login(provider: ProviderArg, json_output: JsonOpt = False, store: StoreOpt = None) -> None:
    """Establish a session (or reuse the stored one) and keep it in the store."""
    _run("login", provider, store, json_output)


@app.command(epilog=EXIT_CODES)
def logout(provider: ProviderArg, json_output: JsonOpt = False, store: StoreOpt = None) -> None:
    """End the stored session at the provider (BILL, BillingPlatform) and drop it from the store."""
    _run("logout", provider, store, json_output)


@app.command(epilog=EXIT_CODES)
def forget(provider: ProviderArg, json_output: JsonOpt = False, store: StoreOpt = None) -> None:
    """Drop the stored session (bill-v3: and the remembered MFA trust) from the store, without any network
    call."""
    _run("forget", provider, store, json_output)


@app.command(epilog=EXIT_CODES)
def mfa(provider: ProviderArg, json_output: JsonOpt = False, store: StoreOpt = None) -> None:
    """BILL v3 (bill-v3): text a code to the account's MFA phone, ask for it (no echo), make the session
    trusted and remember it (rememberMeId, 30 days) in the store, so that later logins are trusted."""
    _run("mfa", provider, store, json_output)


def exit_code(exc: BaseException) -> Exit | None:
    """The exit code of an error the CLI reports cleanly (``None``: a bug, let it raise)."""
    if isinstance(exc, ConfigError | UsageError):
        return Exit.USAGE
    if isinstance(exc, StoreError):
        return Exit.STORE
    if isinstance(exc, LoginError):  # before ProviderError: a Gestix login error is both
        return Exit.PROVIDER if _provider_side(exc.status) else Exit.LOGIN
    if isinstance(exc, ProviderError):
        return Exit.PROVIDER
    if isinstance(exc, httpx.TransportError):  # also our TransportError and raw login-client errors
        return Exit.NETWORK
    if isinstance(exc, BillingSessionError):
        return Exit.ERROR
    if isinstance(exc, OSError) or type(exc).__module__.startswith("redis"):
        return Exit.STORE
    return None


def _provider_side(status: int | None) -> bool:
    """A login answered 429 or 5xx failed at the provider: the credentials were not judged."""
    return status is not None and (status == 429 or status >= 500)


def _run(command: str, name: str, store: str | None, as_json: bool) -> None:
    from billing_sessions.cli.actions import Secrets, perform

    secrets = Secrets()
    try:
        known: ProviderName | None = ProviderName.parse(name)
    except ConfigError:
        known = None
    shown = known.value if known is not None else name
    head = {"provider": shown, "command": command}
    try:
        report = perform(command, ProviderName.parse(name), store, secrets)
    except Exception as exc:
        code = exit_code(exc)
        if code is None:
            raise
        message = secrets.scrub(_explain(exc))
        for spelling in known.spellings() if known is not None else (name,):
            message = message.removeprefix(
                f"{spelling}: "
            )  # the provider once: never "bill-v3: bill_v3: ..."
        message = f"{shown}: {message}"
        if as_json:
            public = next(c.__name__ for c in type(exc).__mro__ if not c.__name__.startswith("_"))
            error = {"type": public, "message": message, "exit_code": int(code)}
            _emit_json({"ok": False, **head, "error": error})
        else:
            _console(stderr=True).print(f"[bold red]{LABELS[code]}[/] ({int(code)}): {_escape(message)}")
        raise typer.Exit(int(code)) from None
    report = secrets.scrub_all({"ok": True, **head, **report})
    if as_json:
        _emit_json(report)
    else:
        _render(report)


def _explain(exc: BaseException) -> str:
    """The error's message, plus its cause and the next step where the message alone does not say them
    (a Redis store that cannot be reached)."""
    message = str(exc) or type(exc).__name__
    cause = exc.__cause__
    if isinstance(exc, StoreError) and cause is not None and type(cause).__module__.startswith("redis"):
        detail = str(cause).strip() or type(cause).__name__
        if "connect" in type(cause).__name__.lower() or "timeout" in type(cause).__name__.lower():
            return (
                f"{message}: Redis could not be reached ({detail}); check that Redis runs at the address of "
                f"--store / {STORE_ENV} and that its URL (host, port, password, TLS: rediss://) is right"
            )
        return f"{message}: {detail}"
    return message


def _emit_json(report: dict[str, Any]) -> None:
    typer.echo(json.dumps(report, default=str, ensure_ascii=False))


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [row for k, v in value.items() for row in _flatten(v, f"{prefix}{k}.")]
    if isinstance(value, list) and value:
        return [row for i, v in enumerate(value) for row in _flatten(v, f"{prefix}{i}.")]
    return [(prefix.rstrip("."), "" if value is None else str(value))]


def _render(report: dict[str, Any]) -> None:
    from rich.table import Table

    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    shown = {k: v for k, v in report.items() if k not in {"ok", "provider", "command", "summary"}}
    for key, value in _flatten(shown):
        table.add_row(_escape(key), _escape(value))
    console = _console()
    console.print(f"[bold]{report['provider']} {report['command']}[/]: {_escape(report['summary'])}")
    console.print(table)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    # Made per call: the streams are looked up now (a test runner swaps them).
    # Errors on one line (the terminal wraps them), so that grep and logs see whole variable names. Not on a
    # terminal, nothing is cut or wrapped at 80 columns either: a store path or a URL stays whole.
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 100_000
    return Console(file=stream, highlight=False, soft_wrap=stderr, width=width)


def _one_line_help() -> None:
    """Command help from the docstrings without their source line breaks (rich keeps them mid-sentence)."""
    for info in app.registered_commands:
        doc = info.callback.__doc__ if info.callback is not None else None
        if info.help is None and doc:
            info.help = " ".join(doc.split())


_one_line_help()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
