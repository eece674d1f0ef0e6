"""Spanish pages with US conventions for numbers and dates ($42,000; 11/29/2026), as O*NET's
Mi Próximo Paso shows them; month and day names stay Spanish."""

DATE_FORMAT = r"j \d\e F \d\e Y"  # 29 de noviembre de 2026
SHORT_DATE_FORMAT = "m/d/Y"  # 11/29/2026
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i a"
SHORT_DATETIME_FORMAT = "m/d/Y g:i a"
MONTH_DAY_FORMAT = r"j \d\e F"
YEAR_MONTH_FORMAT = r"F \d\e Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 0  # Sunday, as on US calendars
