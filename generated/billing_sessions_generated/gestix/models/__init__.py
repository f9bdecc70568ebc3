"""Contains all the data models used in inputs/outputs"""

from .access_denied import AccessDenied
from .api_error import ApiError
from .api_versions import ApiVersions
from .article_input import ArticleInput
from .customer_input import CustomerInput
from .document_created import DocumentCreated
from .document_input import DocumentInput
from .document_line import DocumentLine
from .entity_created import EntityCreated
from .print_option import PrintOption
from .session_token import SessionToken
from .sms_input import SmsInput
from .sms_sent import SmsSent
from .status_response import StatusResponse
from .supplier_input import SupplierInput

__all__ = (
    "AccessDenied",
    "ApiError",
    "ApiVersions",
    "ArticleInput",
    "CustomerInput",
    "DocumentCreated",
    "DocumentInput",
    "DocumentLine",
    "EntityCreated",
    "PrintOption",
    "SessionToken",
    "SmsInput",
    "SmsSent",
    "StatusResponse",
    "SupplierInput",
)
