from typing import Literal

PrintOption = Literal[0, 1]

PRINT_OPTION_VALUES: set[PrintOption] = {
    0,
    1,
}


def check_print_option(value: int) -> PrintOption:
    if value in PRINT_OPTION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {PRINT_OPTION_VALUES!r}"
    )
