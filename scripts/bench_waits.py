"""How long a call waits, with default options, on a server that accepts connections and never answers.

Each provider's read (and a Gestix write) runs in its own thread against one silent loopback server, with
the session defaults and, for comparison, with the defaults before the whole-call deadline
(``RetryPolicy()``: no deadline, every retry waits a full read timeout). Wall time: the slowest call,
BillingPlatform's 420 s (about 7 minutes), so it runs only with ``scripts/bench --waits``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from bench_common import Row, row
from billing_sessions import BillingSessionError, bill, billingplatform, gestix, szamla_agent
from billing_sessions.core import Token
from billing_sessions.retry import RetryPolicy
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

FAKE = "no-real-account"
XML = '<?xml version="1.0" encoding="UTF-8"?><xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla"/>'


@contextmanager
def silent_server() -> Iterator[str]:
    """Accepts every connection and reads what comes, never answering; yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            held.append(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()


def _live(session: Any) -> Any:
    """A session already made (stored as if logged in earlier): the call goes straight to the operation."""
    now = time.time()
    session.store.save(session.auth.key, Token(FAKE, now, now).to_record())
    return session


def _calls(url: str, options: dict[str, Any]) -> dict[str, Callable[[], object]]:
    def gestix_session() -> gestix.Session:
        return gestix.Session(url + "/api/1/v4.0.0", api_token=FAKE, **options)

    def bill_session() -> bill.Session:
        return bill.Session(
            url + "/api/v2",
            user_name=FAKE,
            password=FAKE,
            org_id=FAKE,
            dev_key=FAKE,
            logout_on_close=False,
            **options,
        )

    def bp_session() -> billingplatform.Session:
        return billingplatform.Session(
            url + "/org", username=FAKE, password=FAKE, logout_on_close=False, **options
        )

    def gestix_status(live: bool) -> object:
        with gestix_session() as s:
            return (_live(s) if live else s).status()

    def gestix_write() -> object:
        with _live(gestix_session()) as s:
            body = DocumentInput(lines=[DocumentLine(article_code="A", quantity=1.0)])
            return create_invoice.sync_detailed(client=s.client, body=body)

    def bill_read(live: bool) -> object:
        with bill_session() as s:
            return (_live(s) if live else s).read("Customer", "1")

    def agent_send() -> object:
        with szamla_agent.Session(url, agent_key=FAKE, **options) as s:
            return s.send("action-szamla_agent_xml", XML)

    def bp_query(live: bool) -> object:
        with bp_session() as s:
            return (_live(s) if live else s).query("SELECT Id FROM ACCOUNT")

    return {
        "gestix status(), first call (login: GET /helo)": lambda: gestix_status(False),
        "gestix status(), session made": lambda: gestix_status(True),
        "gestix create_invoice, session made": gestix_write,
        "BILL read, first call (login: POST)": lambda: bill_read(False),
        "BILL read, session made": lambda: bill_read(True),
        "Számla Agent send": agent_send,
        "BillingPlatform query, first call (login: POST)": lambda: bp_query(False),
        "BillingPlatform query, session made": lambda: bp_query(True),
    }


def _timed(call: Callable[[], object]) -> tuple[float, str]:
    started = time.monotonic()
    try:
        call()
        outcome = "answered"
    except BillingSessionError as exc:
        outcome = type(exc).__name__
    return time.monotonic() - started, outcome


def waits() -> list[Row]:
    rows: list[Row] = []
    with silent_server() as url:
        variants = {"defaults": {}, "before (no deadline)": {"retry": RetryPolicy()}}
        jobs = {
            (variant, name): call
            for variant, options in variants.items()
            for name, call in _calls(url, options).items()
            if variant == "defaults" or "BillingPlatform" not in name  # before: up to 3 x 420 s, ~21 min
        }
        with ThreadPoolExecutor(len(jobs)) as pool:
            futures = {key: pool.submit(_timed, call) for key, call in jobs.items()}
            results = {key: future.result() for key, future in futures.items()}
    for (variant, name), (seconds, outcome) in results.items():
        rows.append(
            row(
                "never answered",
                f"{name}, {variant}",
                f"gave up after {seconds:.1f} s ({outcome})",
                seconds=round(seconds, 2),
                outcome=outcome,
            )
        )
    return rows
