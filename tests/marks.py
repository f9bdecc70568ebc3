"""Which tests are slow or start child processes: the marks ``pytest -m "not slow"`` selects by.

Kept in one place, by module, rather than as decorators spread over files many people edit: the fast
subset is decided here, and ``tests/test_test_setup.py`` fails when a name here matches no test. ``redis``
and ``browser`` are given by fixture instead (tests/system.py). A test belongs here when it takes about a
second or more on 2 shared cores: generation and mypy, a browser, SIGKILL and multi-process runs, runs
under simulated latency, load over hundreds of connections, inner pytest runs, real deadlines.
"""

from __future__ import annotations

import pytest

WHOLE = frozenset({"*"})

SLOW: dict[str, frozenset[str]] = {
    "test_quality.py": WHOLE,  # ruff and mypy --strict over everything
    "test_docs.py": WHOLE,  # builds the site, drives Chromium
    "test_schemathesis.py": WHOLE,  # fuzzes every operation of every spec
    "test_store_crash.py": WHOLE,  # SIGKILLs writers mid-write
    "test_multiprocess.py": WHOLE,  # spawns processes sharing a store
    "test_sandbox_load.py": WHOLE,  # 200 connections
    "test_reordering_writes.py": WHOLE,  # writes under simulated latency and jitter
    "test_testing_plugin.py": WHOLE,  # inner pytest runs
    "test_redis_cluster.py": WHOLE,  # a 3-master cluster, a Sentinel, 4 processes
    "test_many_accounts.py": frozenset(
        {
            "test_a_thousand_accounts_from_32_threads_carry_only_their_own_credentials",
            "test_the_registry_under_32_threads_with_a_small_bound",
            "test_the_async_registry",
            "test_async_sessions_share_a_pool_and_keep_their_own_cookies",
        }
    ),
    "test_exactly_once.py": frozenset(
        {
            "test_every_document_exists_once_whatever_the_network_did",
            "test_a_worker_in_another_process_settles_first",
        }
    ),
    "test_generation.py": frozenset(
        {
            "test_drift_generated_matches_specs",
            "test_a_new_write_operation_needs_no_nonce",
            "test_a_new_operation_reads_its_answer_guarded",
            "test_an_unmarked_inline_nonce_on_a_write_is_owned_by_the_gestix_rule",
        }
    ),
    "test_pipelined_writes.py": frozenset(
        {
            "test_writes_under_latency_are_all_created_once",
            "test_threads_pipeline_too_and_lose_nothing",
            "test_faults_inside_a_pipelined_burst_of_200_keep_both_views_equal",
        }
    ),
    "test_cli.py": frozenset(
        {
            "test_the_installed_command_runs_status_in_a_real_process",
            "test_an_unreachable_provider_exits_5",
            "test_a_provider_error_exits_4",
        }
    ),
    "test_hostile_answers.py": frozenset(
        {"test_the_deadline_bounds_an_explicit_login", "test_the_deadline_bounds_an_answer_that_trickles_in"}
    ),
    "test_resilience.py": frozenset(
        {"test_the_deadline_cuts_a_slow_read_short", "test_the_deadline_never_cuts_a_write_that_was_sent"}
    ),
    "test_session_bill.py": frozenset(
        {
            "test_an_explicit_logout_leaves_a_newer_stored_session_alone",
            "test_threads_across_one_expiry_log_in_once",
            "test_async_tasks_across_one_expiry_log_in_once_and_log_out",
            "test_idle_session_is_renewed_before_use",
            "test_transport_errors_are_typed_and_still_httpx_errors",
        }
    ),
    "test_session_billingplatform.py": frozenset({"test_async_tasks_across_one_expiry_log_in_once"}),
    "test_szamla_xml.py": frozenset({"test_generated_models_round_trip"}),
    "test_manual.py": frozenset(
        {"test_every_python_block_runs_as_written"}
    ),  # a sandbox and ~30 interpreters
    "test_fuzz_answers.py": frozenset({"test_every_hostile_answer_is_a_value_or_a_typed_error"}),
    "test_redis_store.py": frozenset(
        {"test_the_lock_excludes_other_store_objects_and_is_renewed_while_held"}
    ),
    "test_session_gestix.py": frozenset({"test_a_late_answer_for_a_replaced_token_does_not_bring_it_back"}),
    "test_secrets.py": frozenset({"test_no_secret_in_debug_logs_reprs_or_errors"}),
    "test_sandbox_cli.py": frozenset({"test_the_command_serves_until_ctrl_c"}),
    "test_telemetry.py": frozenset(
        {
            "test_every_flow_counts_what_the_sandbox_counts",
            "test_every_flow_exports_no_secret_and_no_personal_data",
            "test_the_observability_example_prints_the_spans_and_metrics",
            "test_demo_otel_prints_the_spans_and_metrics_and_no_secret",
        }
    ),
}

#: Modules whose tests start Python child processes (spawned stores, killed writers).
MULTIPROCESS = frozenset({"test_multiprocess.py", "test_store_crash.py"})


def marks(item: pytest.Item) -> list[str]:
    """The marks this module gives ``item``."""
    module = item.path.name
    name = getattr(item, "originalname", item.name)
    found = []
    slow = SLOW.get(module, frozenset())
    if slow is WHOLE or name in slow:
        found.append("slow")
    if module in MULTIPROCESS:
        found.append("multiprocess")
    return found
