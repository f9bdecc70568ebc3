"""Contains all the data models used in inputs/outputs"""

from .authenticate_grant_type import AuthenticateGrantType
from .bad_request import BadRequest
from .brm_request import BrmRequest
from .create_response_body import CreateResponseBody
from .delete_response_body import DeleteResponseBody
from .login_request import LoginRequest
from .login_response_body import LoginResponseBody
from .login_result import LoginResult
from .logout_response_body import LogoutResponseBody
from .logout_result import LogoutResult
from .oauth_token import OauthToken
from .query_response_body import QueryResponseBody
from .rate_limited import RateLimited
from .record import Record
from .retrieve_response_body import RetrieveResponseBody
from .unauthorized import Unauthorized
from .update_response_body import UpdateResponseBody
from .upsert_request import UpsertRequest
from .upsert_response_body import UpsertResponseBody
from .write_result import WriteResult

__all__ = (
    "AuthenticateGrantType",
    "BadRequest",
    "BrmRequest",
    "CreateResponseBody",
    "DeleteResponseBody",
    "LoginRequest",
    "LoginResponseBody",
    "LoginResult",
    "LogoutResponseBody",
    "LogoutResult",
    "OauthToken",
    "QueryResponseBody",
    "RateLimited",
    "Record",
    "RetrieveResponseBody",
    "Unauthorized",
    "UpdateResponseBody",
    "UpsertRequest",
    "UpsertResponseBody",
    "WriteResult",
)
