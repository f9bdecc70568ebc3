"""The ``billing-sessions`` command."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Typed clients for Gestix, Számla Agent, BILL and BillingPlatform, with their sessions handled.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def demo() -> None:
    """Run every provider end to end against the embedded sandbox."""
    from billing_sessions.demo import run

    raise typer.Exit(run())


@app.command()
def sandbox(
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8787, help="Port to listen on (0: a free one)."),
) -> None:
    """Run the stateful provider sandbox in the foreground (Ctrl-C stops it)."""
    from billing_sessions.sandbox.serve import run

    raise typer.Exit(run(host, port, out=lambda line: typer.echo(line)))


def main() -> None:
    app()
