"""``billing-sessions demo --otel``: the demo's sessions report to an OpenTelemetry SDK kept in memory,
and the spans and metrics they exported are printed as two tables at the end."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

__all__ = ["SDK_MISSING", "Recorder"]

_ORDER = ["provider", "account", "reason", "operation", "error.type"]
SDK_MISSING = "demo --otel needs the OpenTelemetry SDK, not installed: pip install opentelemetry-sdk"


class Recorder:
    """A tracer provider and a meter provider with in-memory exporters, for the sessions' options."""

    def __init__(self) -> None:
        try:
            from opentelemetry.sdk.metrics import MeterProvider
            from opentelemetry.sdk.metrics.export import InMemoryMetricReader
            from opentelemetry.sdk.trace import TracerProvider
            from opentelemetry.sdk.trace.export import SimpleSpanProcessor
            from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
        except ImportError:
            raise SystemExit(SDK_MISSING) from None
        self.spans = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])

    def options(self) -> dict[str, Any]:
        return {"tracer_provider": self.tracer_provider, "meter_provider": self.meter_provider}

    def print(self, console: Console) -> None:
        console.print(self.span_table())
        console.print(self.metric_table())

    def span_table(self) -> Table:
        table = Table(title="OpenTelemetry spans (billing_sessions)")
        for column in ("span", "reason", "operation", "account", "status", "ms"):
            table.add_column(column, justify="right" if column == "ms" else "left")
        for span in self.spans.get_finished_spans():
            a = span.attributes or {}
            status = str(a.get("error.type", "ok"))
            ms = ((span.end_time or 0) - (span.start_time or 0)) / 1e6
            table.add_row(
                span.name,
                str(a.get("billing_sessions.reason", "")),
                str(a.get("billing_sessions.operation", "")),
                str(a.get("billing_sessions.account", "")),
                status,
                f"{ms:.1f}",
            )
        return table

    def metric_table(self) -> Table:
        table = Table(title="OpenTelemetry metrics (billing_sessions.*)")
        for column in ("metric", "attributes", "value"):
            table.add_column(column, justify="right" if column == "value" else "left")
        data = self.reader.get_metrics_data()
        for resource in data.resource_metrics if data is not None else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    for point in metric.data.data_points:
                        labels = {
                            k.removeprefix("billing_sessions."): v
                            for k, v in (point.attributes or {}).items()
                        }
                        text = " ".join(f"{k}={labels[k]}" for k in sorted(labels, key=_ORDER.index))
                        name = metric.name.removeprefix("billing_sessions.")
                        table.add_row(name, text, _value(point, metric.unit or ""))
        return table


def _value(point: Any, unit: str) -> str:
    if hasattr(point, "value"):
        return str(point.value)
    return f"{point.count} x, sum {point.sum * 1000:.1f} ms" if unit == "s" else f"{point.count} x"
