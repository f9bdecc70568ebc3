# ruff: noqa: S105 - public demo values, printed by the CLI
"""The sandbox's demo credentials: what the sandbox accepts, printed by ``billing-sessions sandbox``."""

from __future__ import annotations

from dataclasses import dataclass, replace

__all__ = ["DEMO", "DemoCredentials", "account_index"]


@dataclass(frozen=True)
class DemoCredentials:
    gestix_account: str = "03101176"
    gestix_api_token: str = "sandbox-gestix-api-token"
    gestix_username: str = "demo"
    gestix_password: str = "demo-password"
    szamla_agent_key: str = "sandbox-agent-key"
    szamla_username: str = "demo"  # <felhasznalo>/<jelszo>, the Agent's alternative to the key
    szamla_password: str = "demo-password"
    bill_user_name: str = "demo@example.com"
    bill_password: str = "demo-password"
    bill_org_id: str = "00801SANDBOX"
    bill_dev_key: str = "sandbox-dev-key"
    bp_org: str = "demo"
    bp_username: str = "demo"
    bp_password: str = "demo-password"
    bp_client_id: str = "sandbox-client"
    bp_client_secret: str = "sandbox-client-secret"

    def secrets(self) -> frozenset[str]:
        """The values that must never show up in a log line, repr, error or CLI output (the tests check)."""
        return frozenset(
            {
                self.gestix_api_token,
                self.gestix_password,
                self.szamla_agent_key,
                self.szamla_password,
                self.bill_password,
                self.bill_dev_key,
                self.bp_password,
                self.bp_client_secret,
            }
        )

    def account(self, n: int) -> DemoCredentials:
        """Account ``n`` of a sandbox configured with ``accounts`` > n (Gestix and Számla Agent only): 0 is
        the demo account; account n has the demo values with ``-n`` appended (the Gestix account number
        plus n)."""
        if n == 0:
            return self
        return replace(
            self,
            gestix_account=f"{int(self.gestix_account) + n:08d}",
            gestix_api_token=f"{self.gestix_api_token}-{n}",
            gestix_username=f"{self.gestix_username}-{n}",
            gestix_password=f"{self.gestix_password}-{n}",
            szamla_agent_key=f"{self.szamla_agent_key}-{n}",
        )


def account_index(value: str | None, demo: str, accounts: int, *, number: bool = False) -> int | None:
    """Which account ``value`` (a credential or, with ``number``, a Gestix account number) belongs to, of
    the first ``accounts`` (see ``DemoCredentials.account``); ``None`` for none of them."""
    if value is None:
        return None
    if value == demo:
        return 0
    if number:
        digits = value.isascii() and value.isdigit() and len(value) == len(demo)
        n = int(value) - int(demo) if digits else -1
    else:
        suffix = value[len(demo) + 1 :] if value.startswith(demo + "-") else ""
        n = int(suffix) if suffix.isascii() and suffix.isdigit() and suffix[0] != "0" else -1
    return n if 0 < n < accounts else None


DEMO = DemoCredentials()
