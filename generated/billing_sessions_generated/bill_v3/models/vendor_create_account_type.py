from typing import Literal

VendorCreateAccountType = Literal["BUSINESS", "NONE", "PERSON"]

VENDOR_CREATE_ACCOUNT_TYPE_VALUES: set[VendorCreateAccountType] = {
    "BUSINESS",
    "NONE",
    "PERSON",
}


def check_vendor_create_account_type(value: str) -> VendorCreateAccountType:
    if value in VENDOR_CREATE_ACCOUNT_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {VENDOR_CREATE_ACCOUNT_TYPE_VALUES!r}"
    )
