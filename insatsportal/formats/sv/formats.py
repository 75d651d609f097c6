# Swedish formats: ISO dates, space as thousands separator.
# Input accepts what Swedes type; a slash date is always day/month, never month/day.
DATE_FORMAT = "Y-m-d"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2023-12-31
    "%Y%m%d",  # 20231231
    "%y%m%d",  # 231231
    "%d/%m/%Y",  # 31/12/2023
    "%d.%m.%Y",  # 31.12.2023
    "%d/%m %Y",  # 31/12 2023
]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
