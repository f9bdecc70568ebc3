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
from billing_sessions.retry import RetryPolicy
from gestix_client.api.invoices import create_invoice
from gestix_client.models import DocumentInput, DocumentLine

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


def _calls(url: str, options: dict[str, Any]) -> dict[str, Callable[[], object]]:
    def gestix_session() -> gestix.Session:
        return gestix.Session(url + "/api/1/v4.0.0", api_token=FAKE, **options)

    def gestix_status() -> object:
        with gestix_session() as s:
            return s.status()

    def gestix_write() -> object:
        with gestix_session() as s:
            body = DocumentInput(lines=[DocumentLine(article_code="A", quantity=1.0)])
            return create_invoice.sync_detailed(client=s.client, body=body)

    def bill_read() -> object:
        with bill.Session(
            url + "/api/v2",
            user_name=FAKE,
            password=FAKE,
            org_id=FAKE,
            dev_key=FAKE,
            logout_on_close=False,
            **options,
        ) as s:
            return s.read("Customer", "1")

    def agent_send() -> object:
        with szamla_agent.Session(url, agent_key=FAKE, **options) as s:
            return s.send("action-szamla_agent_xml", XML)

    def bp_query() -> object:
        with billingplatform.Session(
            url + "/org", username=FAKE, password=FAKE, logout_on_close=False, **options
        ) as s:
            return s.query("SELECT Id FROM ACCOUNT")

    return {
        "gestix status() (login, then GET)": gestix_status,
        "gestix create_invoice (login, then POST)": gestix_write,
        "BILL read (login, then Crud/Read)": bill_read,
        "Számla Agent send": agent_send,
        "BillingPlatform query (login, then GET)": bp_query,
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
            if variant == "defaults" or "BillingPlatform" not in name  # before: 3 x 420 s, ~21 min
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
