from typing import Literal

AuthenticateGrantType = Literal["client_credentials"]

AUTHENTICATE_GRANT_TYPE_VALUES: set[AuthenticateGrantType] = {
    "client_credentials",
}


def check_authenticate_grant_type(value: str) -> AuthenticateGrantType:
    if value in AUTHENTICATE_GRANT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {AUTHENTICATE_GRANT_TYPE_VALUES!r}"
    )
