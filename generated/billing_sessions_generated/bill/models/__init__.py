"""Contains all the data models used in inputs/outputs"""

from .crud_create_body import CrudCreateBody
from .crud_create_data import CrudCreateData
from .crud_read_body import CrudReadBody
from .crud_read_data import CrudReadData
from .crud_success import CrudSuccess
from .entity_record import EntityRecord
from .entity_record_input import EntityRecordInput
from .error_data import ErrorData
from .error_envelope import ErrorEnvelope
from .login_body import LoginBody
from .login_data import LoginData
from .login_success import LoginSuccess
from .logout_data import LogoutData
from .logout_success import LogoutSuccess
from .session_body import SessionBody
from .session_info import SessionInfo
from .session_info_success import SessionInfoSuccess

__all__ = (
    "CrudCreateBody",
    "CrudCreateData",
    "CrudReadBody",
    "CrudReadData",
    "CrudSuccess",
    "EntityRecord",
    "EntityRecordInput",
    "ErrorData",
    "ErrorEnvelope",
    "LoginBody",
    "LoginData",
    "LoginSuccess",
    "LogoutData",
    "LogoutSuccess",
    "SessionBody",
    "SessionInfo",
    "SessionInfoSuccess",
)
