"""Contains all the data models used in inputs/outputs"""

from .agent_request import AgentRequest
from .agent_xml_response import AgentXmlResponse

__all__ = (
    "AgentRequest",
    "AgentXmlResponse",
)
