# ruff: noqa: S105 - public demo values, printed by the CLI
"""The sandbox's demo credentials: what the sandbox accepts, printed by ``billing-sessions sandbox``."""

from __future__ import annotations

from dataclasses import dataclass


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


DEMO = DemoCredentials()
