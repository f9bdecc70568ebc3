"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .bill import Bill
from .bill_bill_line_items_item import BillBillLineItemsItem
from .bill_create import BillCreate
from .bill_invoice import BillInvoice
from .bill_list import BillList
from .challenge_request import ChallengeRequest
from .challenge_response import ChallengeResponse
from .empty_object import EmptyObject
from .error_entry import ErrorEntry
from .invoice import Invoice
from .line_item_create import LineItemCreate
from .login_request import LoginRequest
from .login_response import LoginResponse
from .session_info import SessionInfo
from .step_up_request import StepUpRequest
from .step_up_response import StepUpResponse
from .validate_request import ValidateRequest
from .validate_response import ValidateResponse
from .vendor import Vendor
from .vendor_address import VendorAddress
from .vendor_create import VendorCreate
from .vendor_create_account_type import VendorCreateAccountType
from .vendor_list import VendorList

__all__ = (
    "Address",
    "Bill",
    "BillBillLineItemsItem",
    "BillCreate",
    "BillInvoice",
    "BillList",
    "ChallengeRequest",
    "ChallengeResponse",
    "EmptyObject",
    "ErrorEntry",
    "Invoice",
    "LineItemCreate",
    "LoginRequest",
    "LoginResponse",
    "SessionInfo",
    "StepUpRequest",
    "StepUpResponse",
    "ValidateRequest",
    "ValidateResponse",
    "Vendor",
    "VendorAddress",
    "VendorCreate",
    "VendorCreateAccountType",
    "VendorList",
)
